import { DomainError } from '../errors';

/**
 * Splits `total` into integer parts proportional to `weights` so that the
 * parts add up to `total` exactly (largest-remainder / Hamilton method).
 *
 * Each part first gets floor(total × weight / Σweights); the units left over go
 * one each to the parts with the largest remainders, earlier parts first on a
 * tie, so the result is deterministic. When total ≤ Σweights no part ever
 * exceeds its weight, which is what makes it safe for spreading a discount.
 */
export function allocateByLargestRemainder(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total) || total < 0) {
    throw new DomainError('VALIDATION', 'The amount to allocate must be a non-negative integer', {
      reason: 'INVALID_AMOUNT',
    });
  }
  if (weights.some((w) => !Number.isSafeInteger(w) || w < 0)) {
    throw new DomainError('VALIDATION', 'Allocation weights must be non-negative integers', {
      reason: 'INVALID_WEIGHT',
    });
  }
  const weightSum = weights.reduce((sum, w) => sum + BigInt(w), 0n);
  if (total === 0) return weights.map(() => 0);
  if (weightSum === 0n) {
    throw new DomainError('VALIDATION', 'Cannot allocate an amount over nothing', {
      reason: 'NOTHING_TO_ALLOCATE',
    });
  }

  const bigTotal = BigInt(total);
  const parts = weights.map((w) => (bigTotal * BigInt(w)) / weightSum);
  const remainders = weights.map((w, index) => ({
    index,
    remainder: (bigTotal * BigInt(w)) % weightSum,
  }));
  let left = bigTotal - parts.reduce((sum, p) => sum + p, 0n);
  remainders.sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  for (const { index } of remainders) {
    if (left === 0n) break;
    parts[index] = (parts[index] ?? 0n) + 1n;
    left -= 1n;
  }
  return parts.map(Number);
}
