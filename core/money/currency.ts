import { DomainError } from '../errors';

/** What the product needs to know about a currency (ISO 4217). */
export interface Currency {
  readonly code: string;
  /** Digits after the decimal point: 2 for PEN (cents), 0 for CLP. */
  readonly minorDigits: number;
  /** Symbol shown before amounts; chosen by us, not ICU, so Node and Chromium agree. */
  readonly symbol: string;
  /** Plural name used in "SON: … CON 00/100 SOLES". */
  readonly nameInWords: string;
}

const table = {
  PEN: { code: 'PEN', minorDigits: 2, symbol: 'S/', nameInWords: 'SOLES' },
  COP: { code: 'COP', minorDigits: 2, symbol: '$', nameInWords: 'PESOS' },
  ARS: { code: 'ARS', minorDigits: 2, symbol: '$', nameInWords: 'PESOS' },
  BOB: { code: 'BOB', minorDigits: 2, symbol: 'Bs', nameInWords: 'BOLIVIANOS' },
  VES: { code: 'VES', minorDigits: 2, symbol: 'Bs', nameInWords: 'BOLÍVARES' },
  USD: { code: 'USD', minorDigits: 2, symbol: 'US$', nameInWords: 'DÓLARES AMERICANOS' },
  MXN: { code: 'MXN', minorDigits: 2, symbol: '$', nameInWords: 'PESOS MEXICANOS' },
  CLP: { code: 'CLP', minorDigits: 0, symbol: '$', nameInWords: 'PESOS' },
  PYG: { code: 'PYG', minorDigits: 0, symbol: '₲', nameInWords: 'GUARANÍES' },
  UYU: { code: 'UYU', minorDigits: 2, symbol: '$', nameInWords: 'PESOS URUGUAYOS' },
  GTQ: { code: 'GTQ', minorDigits: 2, symbol: 'Q', nameInWords: 'QUETZALES' },
  HNL: { code: 'HNL', minorDigits: 2, symbol: 'L', nameInWords: 'LEMPIRAS' },
  NIO: { code: 'NIO', minorDigits: 2, symbol: 'C$', nameInWords: 'CÓRDOBAS' },
  CRC: { code: 'CRC', minorDigits: 2, symbol: '₡', nameInWords: 'COLONES' },
  DOP: { code: 'DOP', minorDigits: 2, symbol: 'RD$', nameInWords: 'PESOS DOMINICANOS' },
  EUR: { code: 'EUR', minorDigits: 2, symbol: '€', nameInWords: 'EUROS' },
} as const satisfies Record<string, Currency>;

export type CurrencyCode = keyof typeof table;

export const CURRENCY_CODES = Object.keys(table) as CurrencyCode[];

export function isCurrencyCode(code: string): code is CurrencyCode {
  return Object.hasOwn(table, code);
}

export function currency(code: string): Currency {
  if (!isCurrencyCode(code)) {
    throw new DomainError('VALIDATION', `Unknown currency "${code}"`, {
      reason: 'UNKNOWN_CURRENCY',
      currency: code,
    });
  }
  return table[code];
}
