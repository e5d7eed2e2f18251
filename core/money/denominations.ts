import { DomainError } from '../errors';
import { isCurrencyCode, type CurrencyCode } from './currency';
import { toSafeInteger } from './rounding';

/**
 * Notes and coins in circulation, in minor units, largest first, for counting
 * the drawer at close. Demonetised or vanished pieces are left out (Peru's 1
 * and 5 céntimos, Bolivia's 2 and 5 centavos, Chile's 1 and 5 pesos), so the
 * smallest piece is the coin cash rounding goes to (DOMAIN.md).
 */
const denominations: Readonly<Record<CurrencyCode, readonly number[]>> = {
  // Notes 200, 100, 50, 20, 10; coins 5, 2, 1, 0.50, 0.20, 0.10.
  PEN: [20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10],
  // Notes 100 000 … 2 000; coins 1 000, 500, 200, 100, 50.
  COP: [10000000, 5000000, 2000000, 1000000, 500000, 200000, 100000, 50000, 20000, 10000, 5000],
  // Notes 20 000 … 10; coins 10, 5, 2, 1 peso (centavo coins no longer change hands).
  ARS: [2000000, 1000000, 200000, 100000, 50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100],
  // Notes 200, 100, 50, 20, 10; coins 5, 2, 1, 0.50, 0.20, 0.10.
  BOB: [20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10],
  // Bolívar digital (2021): notes 100, 50, 20, 10, 5; coins 1, 0.50.
  VES: [10000, 5000, 2000, 1000, 500, 100, 50],
  // Notes 100 … 1; coins 0.50, 0.25, 0.10, 0.05, 0.01.
  USD: [10000, 5000, 2000, 1000, 500, 200, 100, 50, 25, 10, 5, 1],
  // Notes 1 000 … 20; coins 10, 5, 2, 1, 0.50, 0.20, 0.10.
  MXN: [100000, 50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10],
  // No minor unit. Notes 20 000 … 1 000; coins 500, 100, 50, 10.
  CLP: [20000, 10000, 5000, 2000, 1000, 500, 100, 50, 10],
  // No minor unit. Notes 100 000 … 2 000; coins 1 000, 500, 100, 50.
  PYG: [100000, 50000, 20000, 10000, 5000, 2000, 1000, 500, 100, 50],
  // Notes 2 000 … 20; coins 50, 10, 5, 2, 1.
  UYU: [200000, 100000, 50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100],
  // Notes 200 … 1; coins 1, 0.50, 0.25, 0.10, 0.05, 0.01.
  GTQ: [20000, 10000, 5000, 2000, 1000, 500, 100, 50, 25, 10, 5, 1],
  // Notes 500 … 1; coins 0.50, 0.20, 0.10, 0.05.
  HNL: [50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5],
  // Notes 1 000 … 10; coins 5, 1, 0.50, 0.25, 0.10, 0.05.
  NIO: [100000, 50000, 20000, 10000, 5000, 2000, 1000, 500, 100, 50, 25, 10, 5],
  // Notes 20 000 … 1 000; coins 500, 100, 50, 25, 10, 5.
  CRC: [2000000, 1000000, 500000, 200000, 100000, 50000, 10000, 5000, 2500, 1000, 500],
  // Notes 2 000 … 50; coins 25, 10, 5, 1.
  DOP: [200000, 100000, 50000, 20000, 10000, 5000, 2500, 1000, 500, 100],
  // Notes 500 … 5; coins 2, 1, 0.50, 0.20, 0.10, 0.05, 0.02, 0.01.
  EUR: [50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1],
};

const fallback = [10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 1];

export function denominationsOf(currencyCode: string): readonly number[] {
  return isCurrencyCode(currencyCode) ? denominations[currencyCode] : fallback;
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
