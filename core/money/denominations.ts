import { DomainError } from '../errors';
import { isCurrencyCode, type CurrencyCode } from './currency';
import { toSafeInteger } from './rounding';

/**
 * Notes and coins in circulation, in minor units, largest first, for counting
 * the drawer at close. Demonetised pieces (Peru's 1 and 5 céntimos) are left out.
 */
const denominations: Partial<Record<CurrencyCode, readonly number[]>> = {
  PEN: [20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10],
  COP: [10000000, 5000000, 2000000, 1000000, 500000, 200000, 100000, 50000, 20000, 10000, 5000],
  ARS: [2000000, 1000000, 200000, 100000, 50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100],
  BOB: [20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10],
  VES: [10000, 5000, 2000, 1000, 500, 100, 50],
  USD: [10000, 5000, 2000, 1000, 500, 200, 100, 25, 10, 5, 1],
};

const fallback = [10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 1];

export function denominationsOf(currencyCode: string): readonly number[] {
  return (isCurrencyCode(currencyCode) ? denominations[currencyCode] : undefined) ?? fallback;
}

export interface DenominationCount {
  /** Minor units of one note or coin. */
  readonly value: number;
  readonly count: number;
}

/** Σ value × count, refusing unknown pieces and negative or fractional counts. */
export function totalOfCount(currencyCode: string, counts: readonly DenominationCount[]): number {
  const known = new Set(denominationsOf(currencyCode));
  let total = 0n;
  for (const [index, { value, count }] of counts.entries()) {
    if (!known.has(value)) {
      throw new DomainError('VALIDATION', `${value} is not a ${currencyCode} note or coin`, {
        reason: 'UNKNOWN_DENOMINATION',
        path: ['denominations', index, 'value'],
      });
    }
    if (!Number.isSafeInteger(count) || count < 0) {
      throw new DomainError('VALIDATION', 'A count must be a whole number of notes or coins', {
        reason: 'INVALID_COUNT',
        path: ['denominations', index, 'count'],
      });
    }
    total += BigInt(value) * BigInt(count);
  }
  return toSafeInteger(total, 'counted cash');
}
