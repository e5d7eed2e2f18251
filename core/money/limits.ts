import type { CurrencyCode } from './currency';

/**
 * The cash-out a cashier may take from the drawer without a supervisor, per
 * currency, in minor units, until an admin sets the store's own. Each is
 * about US$ 50–60 (early 2026): enough for a delivery paid in cash or a small
 * purchase, while emptying the drawer into the safe (a "sangría") stays a
 * supervisor's job. One number for all currencies cannot work: 200.00 is a
 * sensible ceiling in soles and nothing in Colombian pesos.
 */
export const DEFAULT_CASH_OUT_LIMIT: Readonly<Record<CurrencyCode, number>> = {
  PEN: 20_000, // S/ 200.00
  COP: 20_000_000, // $ 200.000,00
  ARS: 6_000_000, // $ 60.000,00
  BOB: 35_000, // Bs 350.00
  VES: 2_000_000, // Bs 20.000,00
  USD: 5_000, // US$ 50.00
  MXN: 100_000, // $ 1,000.00
  CLP: 50_000, // $ 50.000 (no minor digits)
  PYG: 400_000, // ₲ 400.000 (no minor digits)
  UYU: 200_000, // $ 2.000,00
  GTQ: 40_000, // Q 400.00
  HNL: 125_000, // L 1,250.00
  NIO: 180_000, // C$ 1,800.00
  CRC: 2_500_000, // ₡ 25.000,00
  DOP: 300_000, // RD$ 3,000.00
  EUR: 5_000, // € 50.00
};

/** The store's limit if an admin set one, else the currency's default (US$ 50 for an unknown one). */
export function cashOutLimitOf(currency: string, stored: number | null): number {
  if (stored !== null) return stored;
  return Object.hasOwn(DEFAULT_CASH_OUT_LIMIT, currency)
    ? DEFAULT_CASH_OUT_LIMIT[currency as CurrencyCode]
    : 5_000;
}

/** The default share of a line or an order a cashier may take off alone, in whole percent. */
export const DEFAULT_DISCOUNT_LIMIT = 10;
