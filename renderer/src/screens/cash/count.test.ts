import { describe, expect, it } from 'vitest';
import {
  countedPieces,
  countedTotal,
  differenceOf,
  emptyCount,
  parseCount,
  setCount,
  toneOf,
} from './count';

describe('the drawer count', () => {
  it('starts with every PEN note and coin at zero, largest first', () => {
    const count = emptyCount('PEN');
    expect(count.map((d) => d.value)).toEqual([
      20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10,
    ]);
    expect(count.every((d) => d.count === 0)).toBe(true);
    expect(countedTotal('PEN', count)).toBe(0);
  });

  it("uses each country's own pieces", () => {
    expect(emptyCount('COP')[0]!.value).toBe(10000000);
    expect(emptyCount('USD').at(-1)!.value).toBe(1);
  });

  it('sums value × count with core (2 × S/ 100 + 3 × S/ 0.50 + 1 × S/ 0.10 = S/ 201.60)', () => {
    let count = emptyCount('PEN');
    count = setCount(count, 10000, 2);
    count = setCount(count, 50, 3);
    count = setCount(count, 10, 1);
    expect(countedTotal('PEN', count)).toBe(20160);
    expect(countedPieces(count)).toEqual([
      { value: 10000, count: 2 },
      { value: 50, count: 3 },
      { value: 10, count: 1 },
    ]);
  });

  it('never lets a count go below zero', () => {
    expect(setCount(emptyCount('PEN'), 100, -1).find((d) => d.value === 100)!.count).toBe(0);
  });

  it('reads a count field as a typed whole number, empty as zero', () => {
    expect(parseCount('', 'es-PE')).toBe(0);
    expect(parseCount('12', 'es-PE')).toBe(12);
    expect(parseCount('1,000,000', 'es-PE')).toBe(null);
    expect(parseCount('999999', 'es-PE')).toBe(999_999);
    // Not guessed: refused, and the field keeps its last good count.
    expect(parseCount('1a2', 'es-PE')).toBe(null);
    expect(parseCount('-3', 'es-PE')).toBe(null);
    expect(parseCount('1.000', 'es-PE')).toBe(null);
    expect(parseCount('12345678', 'es-PE')).toBe(null);
  });

  it('calls counted − expected short, even or over', () => {
    expect(differenceOf(18792, 12150)).toBe(-6642);
    expect(toneOf(-6642)).toBe('short');
    expect(toneOf(0)).toBe('even');
    expect(toneOf(50)).toBe('over');
  });
});
