/**
 * The drawer count at close, as the screen holds it: one count per note or
 * coin of the store's currency. The sum is core's totalOfCount, the same rule
 * the main process applies when it stores the close.
 */
import {
  denominationsOf,
  totalOfCount,
  type DenominationCount,
} from '../../../../core/money/denominations';

export type Count = readonly DenominationCount[];

/** Every note and coin of the currency, largest first, at zero. */
export function emptyCount(currency: string): Count {
  return denominationsOf(currency).map((value) => ({ value, count: 0 }));
}

/** What a count field holds: digits only, empty is zero. */
export function parseCount(text: string): number {
  const digits = text.replace(/\D/g, '').slice(0, 6);
  return digits === '' ? 0 : Number(digits);
}

export function setCount(count: Count, value: number, next: number): Count {
  return count.map((d) => (d.value === value ? { value, count: Math.max(0, next) } : d));
}

export function countedTotal(currency: string, count: Count): number {
  return totalOfCount(currency, count);
}

/** The pieces actually counted, as cash.close takes them. */
export function countedPieces(count: Count): DenominationCount[] {
  return count.filter((d) => d.count > 0).map(({ value, count: n }) => ({ value, count: n }));
}

export type DifferenceTone = 'even' | 'short' | 'over';

/** counted − expected: negative is short, positive is over. */
export function differenceOf(expected: number, counted: number): number {
  return counted - expected;
}

export function toneOf(difference: number): DifferenceTone {
  if (difference === 0) return 'even';
  return difference < 0 ? 'short' : 'over';
}
