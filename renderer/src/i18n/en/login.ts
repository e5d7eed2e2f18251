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
  newPin: 'New PIN ({minLength} digits)',
  newPin2: 'Repeat the new PIN',
  pinMismatch: 'The PINs do not match.',
  changeAndEnter: 'Change PIN and log in',
  alerts: {
    title: 'Users locked out by wrong PINs',
    intro: 'Since the last review, these users were locked after several wrong PINs:',
    user: 'User',
    when: 'Locked',
    range: 'from {from} to {to}',
    misses: 'Wrong PINs',
    lockouts: 'Locks',
    until: 'Locked until',
    hint: 'If it was not that person, change their PIN in Settings › Users. Every try is in the audit log.',
    ok: 'Got it',
  },
};
