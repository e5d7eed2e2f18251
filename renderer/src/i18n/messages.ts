import type { es } from './es';

export type Messages = typeof es;

/** Every dotted path to a string in the messages: 'common.save', 'till.pay'… */
type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type MessageKey = Leaves<Messages>;

/** A message with a form per plural category: { one: '{count} venta', other: '{count} ventas' }. */
export interface PluralForms {
  readonly one: string;
  readonly other: string;
}

/** Every dotted path to a plural pair, for tn(). */
export type PluralKey = PluralKeys<Messages>;

type PluralKeys<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string
    ? never
    : T[K] extends PluralForms
      ? `${Prefix}${K}`
      : PluralKeys<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
