import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divRound, roundRatio, toSafeInteger } from './rounding';

describe('divRound', () => {
  it.each([
    [25n, 10n, 3n, 2n],
    [15n, 10n, 2n, 2n],
    [-25n, 10n, -3n, -2n],
    [-15n, 10n, -2n, -2n],
    [24n, 10n, 2n, 2n],
    [26n, 10n, 3n, 3n],
    [-26n, 10n, -3n, -3n],
    [7n, -2n, -4n, -4n],
    [0n, 7n, 0n, 0n],
  ])('%d / %d → HALF_UP %d, HALF_EVEN %d', (n, d, halfUp, halfEven) => {
    expect(divRound(n, d, 'HALF_UP')).toBe(halfUp);
    expect(divRound(n, d, 'HALF_EVEN')).toBe(halfEven);
  });

  it('is symmetric: a return rounds to the exact negative of its sale', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc.bigInt({ min: 1n, max: 10n ** 6n }),
        (n, d) => {
          expect(divRound(-n, d, 'HALF_UP')).toBe(-divRound(n, d, 'HALF_UP'));
          expect(divRound(-n, d, 'HALF_EVEN')).toBe(-divRound(n, d, 'HALF_EVEN'));
        },
      ),
    );
  });

  it('is never more than half a unit from the exact quotient', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc.bigInt({ min: 1n, max: 10n ** 6n }),
        (n, d) => {
          for (const mode of ['HALF_UP', 'HALF_EVEN'] as const) {
            const error = divRound(n, d, mode) * d - n;
            expect(2n * (error < 0n ? -error : error) <= d).toBe(true);
          }
        },
      ),
    );
  });

  it('refuses division by zero', () => {
    expect(() => divRound(1n, 0n, 'HALF_UP')).toThrow(RangeError);
  });
});

describe('safe integers', () => {
  it('refuses amounts past Number.MAX_SAFE_INTEGER', () => {
    expect(toSafeInteger(9007199254740991n)).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => toSafeInteger(9007199254740992n)).toThrow(/too large/);
    expect(roundRatio(2565n, 1000n, 'HALF_EVEN')).toBe(3);
  });
});
