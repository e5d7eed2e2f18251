import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSession, product, sell } from '../../testing/fixtures';
import { setUpTill, type Till } from '../../testing/till';

let till: Till;

beforeEach(async () => {
  till = await setUpTill('PE');
});
afterEach(() => till.close());

function count(table: string): number {
  return (till.db.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
}

describe('sales.create', () => {
  it('sells reference 001 with totals from the tax engine, numbered B001-00000001', async () => {
    const mouse = await product(till, {
      code: 'ELEC001',
      name: 'Mouse Inalámbrico',
      price: 11800,
      stock: 10,
      cost: 7000,
    });
    const keyboard = await product(till, {
      code: 'ELEC002',
      name: 'Teclado USB',
      price: 5900,
      stock: 5,
    });
    await openSession(till);
    const sale = await till.call('sales.create', {
      id: till.uuid(),
      lines: [
        { productId: mouse.id, quantity: 2 },
        { productId: keyboard.id, quantity: 1 },
      ],
      payments: [{ method: 'EFECTIVO', amount: 30000 }],
      customerName: 'Juan Pérez',
    });
    expect(sale).toMatchObject({
      number: 'B001-00000001',
      documentType: 'BOLETA',
      status: 'COMPLETADA',
      taxableBase: 25000,
      tax: 4500,
      total: 29500,
      paid: 29500,
      change: 500,
      customer: { name: 'Juan Pérez', id: null },
      cashier: { name: 'Ana' },
    });
    expect(sale.lines.map((l) => [l.code, l.quantity, l.base, l.tax, l.total, l.unitCost])).toEqual(
      [
        ['ELEC001', 2, 20000, 3600, 23600, 7000],
        ['ELEC002', 1, 5000, 900, 5900, 0],
      ],
    );
    expect(sale.payments).toEqual([
      expect.objectContaining({ method: 'EFECTIVO', tendered: 30000, change: 500, amount: 29500 }),
    ]);
    expect((await till.call('products.get', { id: mouse.id })).stock).toBe(8);
    expect((await till.call('products.get', { id: keyboard.id })).stock).toBe(4);
    expect(count('outbox')).toBeGreaterThan(0);
    const events = till.db.sqlite
      .prepare("SELECT type FROM outbox WHERE type = 'sale.created'")
      .all();
    expect(events).toHaveLength(1);
  });

  it('numbers consecutive sales in the series', async () => {
    const p = await product(till, { code: 'A1', price: 100, stock: 100 });
    await openSession(till);
    const numbers = [];
    for (let i = 0; i < 3; i++) numbers.push((await sell(till, [{ productId: p.id }])).number);
    expect(numbers).toEqual(['B001-00000001', 'B001-00000002', 'B001-00000003']);
  });
});
