import { describe, expect, it } from 'vitest';
import type { Product, ScanResult } from '../../../core/api/model';
import {
  addScan,
  productQuantity,
  removeLine,
  setQuantity,
  stepQuantity,
  stockViewOf,
  toSaleLine,
  updateLine,
  type CartLine,
} from './cart-lines';

function product(overrides: Partial<Product> = {}): Product {
  return {
    id: 1,
    code: 'ARR001',
    name: 'Arroz',
    categoryId: null,
    categoryName: null,
    soldBy: 'unit',
    price: 490,
    cost: 380,
    taxCategory: 'IGV',
    trackStock: true,
    allowNegative: false,
    stock: 10,
    minStock: 0,
    active: true,
    barcodes: ['7751001200373'],
    createdAt: '',
    updatedAt: '',
    ...overrides,
  };
}

function scan(overrides: Partial<ScanResult> = {}, p: Partial<Product> = {}): ScanResult {
  return {
    product: product(p),
    quantity: 1,
    fixedAmount: null,
    source: 'barcode',
    scanned: '7751001200373',
    ...overrides,
  };
}

describe('adding scans to the cart', () => {
  it('adds a line, then increments it when the same product is scanned again', () => {
    const first = addScan([], scan());
    expect(first.lines).toHaveLength(1);
    const second = addScan(first.lines, scan({ quantity: 3 }));
    expect(second.lines).toHaveLength(1);
    expect(second.lines[0]!.quantity).toBe(4000);
    expect(second.key).toBe(first.key);
  });

  it('starts a new line for another product, and never merges into an edited line', () => {
    let lines: CartLine[] = addScan([], scan()).lines;
    lines = addScan(lines, scan({}, { id: 2, code: 'GAS', price: 250 })).lines;
    expect(lines.map((l) => l.code)).toEqual(['ARR001', 'GAS']);
    lines = addScan(lines, scan()).lines;
    expect(lines).toHaveLength(3);
    const discounted = updateLine(lines, lines[2]!.key, { discount: 50 });
    expect(addScan(discounted, scan()).lines).toHaveLength(4);
  });

  it('a search pick adds to the product line wherever it is; a scan only to the last line', () => {
    let lines: CartLine[] = addScan([], scan()).lines;
    lines = addScan(lines, scan({}, { id: 2, code: 'GAS', price: 250 })).lines;
    const picked = addScan(lines, scan({ source: 'code', scanned: 'ARR001' }), { anyLine: true });
    expect(picked.lines.map((l) => [l.code, l.quantity])).toEqual([
      ['ARR001', 2000],
      ['GAS', 1000],
    ]);
    expect(picked.key).toBe(lines[0]!.key);
    expect(addScan(lines, scan()).lines).toHaveLength(3);
  });

  it('keeps the stock it read, in thousandths, and the product total over its lines', () => {
    let lines: CartLine[] = addScan([], scan({ quantity: 15 }, { stock: 10 })).lines;
    expect(stockViewOf(lines[0]!)).toEqual({ soldBy: 'unit', trackStock: true, stock: 10_000 });
    lines = addScan(lines, scan({}, { id: 2, code: 'GAS' })).lines;
    lines = addScan(lines, scan({ quantity: 2 }, { stock: 9 })).lines;
    expect(productQuantity(lines, 1)).toBe(17_000);
    expect(stockViewOf(lines[2]!)?.stock).toBe(9_000);
    const { trackStock: _t, stock: _s, ...old } = lines[0]!;
    expect(stockViewOf(old)).toBeNull();
  });

  it('keeps each scale label on its own line, sent back as scanned', () => {
    const label = scan(
      { source: 'scale-weight', quantity: 1.25, scanned: '2000123012508' },
      { soldBy: 'weight' },
    );
    let lines = addScan([], label).lines;
    lines = addScan(lines, label).lines;
    expect(lines).toHaveLength(2);
    expect(lines[0]!.quantity).toBe(1250);
    expect(toSaleLine(lines[0]!)).toEqual({ barcode: '2000123012508' });
  });

  it('sends plain lines by product id with decimal quantities, prices only when overridden', () => {
    const [line] = addScan([], scan({ quantity: 2 })).lines;
    expect(toSaleLine(line!)).toEqual({ productId: 1, quantity: 2 });
    const changed = updateLine([line!], line!.key, { unitPrice: 450, discount: 20 })[0]!;
    expect(toSaleLine(changed)).toEqual({
      productId: 1,
      quantity: 2,
      unitPrice: 450,
      discount: 20,
    });
  });
});

describe('editing lines', () => {
  it('steps units by one and weighed goods by 100 g, removing a line that reaches zero', () => {
    const unit = addScan([], scan()).lines;
    expect(stepQuantity(unit, unit[0]!.key, 1)[0]!.quantity).toBe(2000);
    expect(stepQuantity(unit, unit[0]!.key, -1)).toEqual([]);
    const kilo = addScan([], scan({ quantity: 0.5 }, { soldBy: 'weight' })).lines;
    expect(stepQuantity(kilo, kilo[0]!.key, 1)[0]!.quantity).toBe(600);
  });

  it('never changes the quantity of a label-priced line', () => {
    const lines = addScan(
      [],
      scan({ source: 'scale-price', fixedAmount: 649, quantity: 0.503 }, { soldBy: 'weight' }),
    ).lines;
    expect(setQuantity(lines, lines[0]!.key, 2000)[0]!.quantity).toBe(503);
    expect(removeLine(lines, lines[0]!.key)).toEqual([]);
  });
});
