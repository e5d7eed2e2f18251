import { describe, expect, it } from 'vitest';
import type { Product, ScanResult } from '../../../core/api/model';
import { addScan, type CartLine } from './cart-lines';
import { questionForScan } from './quantity-question';

function scan(quantity: number, product: Partial<Product> = {}): ScanResult {
  return {
    product: {
      id: 7,
      code: 'GEN0001',
      name: 'Galletas',
      categoryId: null,
      categoryName: null,
      soldBy: 'unit',
      price: 150,
      cost: 100,
      taxCategory: 'IGV',
      trackStock: true,
      allowNegative: false,
      stock: 10,
      minStock: 0,
      active: true,
      barcodes: [],
      createdAt: '',
      updatedAt: '',
      ...product,
    },
    quantity,
    fixedAmount: null,
    source: 'code',
    scanned: 'GEN0001',
  };
}

describe('asking before a quantity lands on the cart', () => {
  it('asks for 750 kg of a cheese with 8 kg in stock, not for 0.750 kg', () => {
    const queso = { soldBy: 'weight' as const, stock: 8, name: 'Queso fresco' };
    expect(questionForScan([], scan(0.75, queso))).toBeNull();
    const question = questionForScan([], scan(750, queso));
    expect(question?.concerns.map((c) => c.kind)).toEqual(['over-limit', 'far-above-stock']);
    expect(question).toMatchObject({ quantity: 750_000, total: 750_000, name: 'Queso fresco' });
  });

  it('does not ask for 15 of 10 in stock (the line warns instead)', () => {
    expect(questionForScan([], scan(15))).toBeNull();
  });

  it('counts what the cart already holds, and asks once when the total crosses the line', () => {
    let lines: CartLine[] = addScan([], scan(25)).lines;
    const crossing = questionForScan(lines, scan(6));
    expect(crossing).toMatchObject({ quantity: 6000, total: 31_000 });
    lines = addScan(lines, scan(6)).lines;
    expect(questionForScan(lines, scan(1))).toBeNull();
  });

  it('never asks for a product whose stock is not tracked, within the unit limit', () => {
    expect(questionForScan([], scan(500, { trackStock: false }))).toBeNull();
    expect(questionForScan([], scan(1000, { trackStock: false }))?.concerns).toEqual([
      { kind: 'over-limit', limit: 999_000 },
    ]);
  });
});
