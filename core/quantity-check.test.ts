import { describe, expect, it } from 'vitest';
import { quantityConcerns, stockShortage } from './quantity-check';

const queso = { soldBy: 'weight' as const, trackStock: true, stock: 8_000 };
const galletas = { soldBy: 'unit' as const, trackStock: true, stock: 10_000 };
const pan = { soldBy: 'weight' as const, trackStock: false, stock: 0 };

describe('quantities worth a second look', () => {
  it.each([
    ['0.750 kg of 8 kg in stock', 750, queso, []],
    ['750 kg of 8 kg (0,750 mistyped)', 750_000, queso, ['over-limit', 'far-above-stock']],
    ['100 kg exactly is within the weight limit', 100_000, { ...queso, stock: 500_000 }, []],
    ['100.001 kg is over it', 100_001, { ...queso, stock: 500_000 }, ['over-limit']],
    ['15 units of 10 in stock: short, not far', 15_000, galletas, []],
    ['30 units of 10: three times, not more', 30_000, galletas, []],
    ['31 units of 10', 31_000, galletas, ['far-above-stock']],
    ['999 units in stock', 999_000, { ...galletas, stock: 999_000 }, []],
    ['1000 units', 1_000_000, { ...galletas, stock: 2_000_000 }, ['over-limit']],
    ['9 units with none in stock', 9_000, { ...galletas, stock: 0 }, []],
    ['10 units with none in stock', 10_000, { ...galletas, stock: 0 }, ['far-above-stock']],
    ['12 with stock -5', 12_000, { ...galletas, stock: -5_000 }, ['far-above-stock']],
    ['stock not tracked', 50_000, pan, []],
  ] as const)('%s', (_, quantity, product, kinds) => {
    expect(quantityConcerns(quantity, product).map((c) => c.kind)).toEqual(kinds);
  });

  it('says how short a tracked product is', () => {
    expect(stockShortage(15_000, galletas)).toBe(5_000);
    expect(stockShortage(10_000, galletas)).toBe(0);
    expect(stockShortage(50_000, pan)).toBe(0);
  });
});
