import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateByLargestRemainder } from './allocate';

describe('allocateByLargestRemainder', () => {
  it('gives leftover units to the largest remainders, earlier first on a tie', () => {
    expect(allocateByLargestRemainder(100, [1000, 1000, 1000])).toEqual([34, 33, 33]);
    expect(allocateByLargestRemainder(10, [1, 2, 3, 4])).toEqual([1, 2, 3, 4]);
    expect(allocateByLargestRemainder(5, [0, 10, 0])).toEqual([0, 5, 0]);
    expect(allocateByLargestRemainder(2, [1, 1, 1])).toEqual([1, 1, 0]);
  });

  it('adds up exactly and stays within one unit of the exact share', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 100_000_000 }),
        (weights, total) => {
          const sum = weights.reduce((s, w) => s + w, 0);
          fc.pre(sum > 0);
          const parts = allocateByLargestRemainder(total, weights);
          expect(parts.reduce((s, p) => s + p, 0)).toBe(total);
          parts.forEach((part, i) => {
            const exact = (total * (weights[i] ?? 0)) / sum;
            expect(Math.abs(part - exact)).toBeLessThan(1 + 1e-9);
            if (total <= sum) expect(part).toBeLessThanOrEqual(weights[i] ?? 0);
          });
        },
      ),
    );
  });

  it('refuses to allocate over nothing, or a negative amount', () => {
    expect(() => allocateByLargestRemainder(5, [0, 0])).toThrow(/nothing/);
    expect(() => allocateByLargestRemainder(-1, [1])).toThrow();
    expect(allocateByLargestRemainder(0, [0, 0])).toEqual([0, 0]);
  });
});
