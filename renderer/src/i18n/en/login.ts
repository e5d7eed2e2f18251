import type { login as es } from '../es/login';

export const login: typeof es = {
  title: 'Log in',
  whoAreYou: 'Who is serving?',
  pin: 'PIN',
  enter: 'Log in',
  erase: 'Erase',
  keypad: 'Numeric keypad',
  locked: 'Screen locked by {name}',
  otherUser: 'Another user',
  pickUser: 'Pick your name',
};
