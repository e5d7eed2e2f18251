import { convertAmount, convertBack, type ExchangeRate } from '../money/exchange';
import type { RoundingMode } from '../money/rounding';
import type { RateTotal, TaxDocumentResult } from './types';

export interface ConvertedTotals {
  readonly currency: string;
  readonly rate: string;
  readonly taxed: readonly RateTotal[];
  readonly taxableBase: number;
  readonly exempt: number;
  readonly unaffected: number;
  readonly tax: number;
  readonly fixedTax: number;
  readonly total: number;
}

/**
 * A document's totals in the second currency at the sale's locked rate
 * (Venezuela: prices in USD, shown in Bs too). Each part converts on its own and
 * the total is their sum, so the converted receipt adds up on paper.
 */
export function convertTotals(
  result: TaxDocumentResult,
  rate: ExchangeRate,
  mode: RoundingMode,
  /** 'back' converts from rate.to into rate.from (a VES store showing USD at a Bs/USD rate). */
  direction: 'forward' | 'back' = 'forward',
): ConvertedTotals {
  const convert = (amount: number) =>
    direction === 'forward' ? convertAmount(amount, rate, mode) : convertBack(amount, rate, mode);
  const taxed = result.taxed.map((t) => ({
    rate: t.rate,
    base: convert(t.base),
    tax: convert(t.tax),
  }));
  const taxableBase = taxed.reduce((sum, t) => sum + t.base, 0);
  const tax = taxed.reduce((sum, t) => sum + t.tax, 0);
  const exempt = convert(result.exempt);
  const unaffected = convert(result.unaffected);
  const fixedTax = convert(result.fixedTax);
  return {
    currency: direction === 'forward' ? rate.to : rate.from,
    rate: rate.rate,
    taxed,
    taxableBase,
    exempt,
    unaffected,
    tax,
    fixedTax,
    total: taxableBase + exempt + unaffected + tax + fixedTax,
  };
}
