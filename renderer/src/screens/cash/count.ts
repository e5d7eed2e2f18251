/**
 * The drawer count at close, as the screen holds it: one count per note or
 * coin of the store's currency. The sum is core's totalOfCount, the same rule
 * the main process applies when it stores the close.
 */
import { parseTypedWhole } from '../../../../core/money/typed';
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

/** The most pieces of one denomination a count takes (a typo guard). */
export const MAX_PIECES = 999_999;

/**
 * What a count field holds, by core's typed-number rules for whole numbers;
 * empty is zero. Null when it is not a count ("1a2", "-3", "1.000" which could
 * be a thousand or one): the field keeps its last good count, nothing guessed.
 */
export function parseCount(text: string, locale: string): number | null {
  if (text.trim() === '') return 0;
  try {
    const n = parseTypedWhole(text, locale);
    return n <= MAX_PIECES ? n : null;
  } catch {
    return null;
  }
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
