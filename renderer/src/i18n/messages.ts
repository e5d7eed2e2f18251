import type { es } from './es';

export type Messages = typeof es;

/** Every dotted path to a string in the messages: 'common.save', 'till.pay'… */
type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type MessageKey = Leaves<Messages>;
