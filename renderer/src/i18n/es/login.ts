export const login = {
  title: 'Ingresar',
  whoAreYou: '¿Quién atiende?',
  pin: 'Clave (PIN)',
  enter: 'Ingresar',
  erase: 'Borrar',
  keypad: 'Teclado numérico',
  locked: 'Pantalla bloqueada por {name}',
  otherUser: 'Otro usuario',
  pickUser: 'Elija su nombre',
};
