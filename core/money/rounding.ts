import { DomainError } from '../errors';

/**
 * HALF_UP rounds halves away from zero (the default, and what tax offices
 * expect); HALF_EVEN ("banker's") is a store setting. Both are symmetric, so a
 * return rounds to exactly the negative of the sale it reverses.
 */
export const ROUNDING_MODES = ['HALF_UP', 'HALF_EVEN'] as const;
export type RoundingMode = (typeof ROUNDING_MODES)[number];

/** numerator / denominator rounded to an integer, exactly (no floats). */
export function divRound(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  if (denominator === 0n) throw new RangeError('divRound: division by zero');
  if (denominator < 0n) {
    numerator = -numerator;
    denominator = -denominator;
  }
  const quotient = numerator / denominator; // truncates toward zero
  const remainder = numerator % denominator; // carries the numerator's sign
  if (remainder === 0n) return quotient;
  const awayFromZero = numerator < 0n ? quotient - 1n : quotient + 1n;
  const twiceRemainder = 2n * (remainder < 0n ? -remainder : remainder);
  if (twiceRemainder > denominator) return awayFromZero;
  if (twiceRemainder < denominator) return quotient;
  // Exactly half.
  if (mode === 'HALF_UP') return awayFromZero;
  return quotient % 2n === 0n ? quotient : awayFromZero;
}

/** Converts a bigint that must hold a money amount back to a safe JS integer. */
export function toSafeInteger(value: bigint, what = 'amount'): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new DomainError('VALIDATION', `The ${what} is too large`, {
      reason: 'OUT_OF_RANGE',
      what,
    });
  }
  return Number(value);
}

/** Round numerator / denominator and return a safe integer. */
export function roundRatio(
  numerator: bigint,
  denominator: bigint,
  mode: RoundingMode,
  what?: string,
): number {
  return toSafeInteger(divRound(numerator, denominator, mode), what);
}
