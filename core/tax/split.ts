import { divRound } from '../money/rounding';
import type { TaxRules } from './types';

const BP = 10_000n; // basis points in one whole

export interface Split {
  readonly base: bigint;
  readonly tax: bigint;
}

/**
 * Splits an amount in the price basis into base and tax, rounding exactly once.
 *
 * Tax-included prices round the base and derive the tax as the difference (never
 * both independently: 10.00 at 18 % must be 8.47 + 1.53, not 8.47 + 1.52).
 * Bolivia's gross basis applies the rate to the tax-included amount.
 */
export function splitAmount(
  amount: bigint,
  rate: number,
  rules: Pick<TaxRules, 'pricesIncludeTax' | 'taxBasis' | 'roundingMode'>,
): Split {
  if (rate === 0) return { base: amount, tax: 0n };
  const r = BigInt(rate);
  const mode = rules.roundingMode;
  if (rules.taxBasis === 'net') {
    if (rules.pricesIncludeTax) {
      const base = divRound(amount * BP, BP + r, mode);
      return { base, tax: amount - base };
    }
    return { base: amount, tax: divRound(amount * r, BP, mode) };
  }
  if (rules.pricesIncludeTax) {
    const tax = divRound(amount * r, BP, mode);
    return { base: amount - tax, tax };
  }
  // Gross basis on a net price: tax = base × r / (1 − r), so that tax = (base + tax) × r.
  return { base: amount, tax: divRound(amount * r, BP - r, mode) };
}
