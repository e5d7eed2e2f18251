import { DomainError } from '../errors';
import { roundRatio, type RoundingMode } from '../money/rounding';

/**
 * Venezuela's IGTF: a tax on the part of a sale paid in foreign currency,
 * charged by stores designated as special taxpayers (3 % today). It is computed
 * on the amount settled in that currency, not on the tax itself, and is added
 * to what the customer pays: USD 11.60 paid in cash carries 0.35 of IGTF.
 */
export function computeIgtf(
  foreignCurrencyPortion: number,
  rateBasisPoints: number,
  mode: RoundingMode,
): number {
  if (!Number.isSafeInteger(foreignCurrencyPortion) || foreignCurrencyPortion < 0) {
    throw new DomainError(
      'VALIDATION',
      'The amount paid in foreign currency must be a non-negative integer',
      {
        reason: 'INVALID_AMOUNT',
      },
    );
  }
  return roundRatio(
    BigInt(foreignCurrencyPortion) * BigInt(rateBasisPoints),
    10_000n,
    mode,
    'IGTF',
  );
}
