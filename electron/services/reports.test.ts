import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actingAs, openSession, product, sell, user } from '../testing/fixtures';
import { ADMIN, setUpTill, type Till } from '../testing/till';

let till: Till;

beforeEach(async () => {
  till = await setUpTill('PE'); // America/Lima, UTC−5
  await user(till, 'Carla', 'cashier', '1111');
});
afterEach(() => till.close());

/**
 * Worked out by hand (amounts in céntimos):
 *   S1 Ana   6 Mar 10:30  A×2 (23.60 → 20.00 + 3.60) + B×1 (5.90 → 5.00 + 0.90) = 29.50 cash; cost 17.00
 *   S2 Carla 6 Mar 11:30  A×1 − 1.80 = 10.00 (8.47 + 1.53) + E exonerado 20.00 = 30.00 card; cost 22.00
 *   S3 Ana   6 Mar 11:30  B×2 = 11.80 QR, voided
 *   S4 Ana   7 Mar 21:00  A×1 = 11.80 (10.00 + 1.80) cash; cost 7.00 (02:00 UTC on 8 Mar)
 *   return of S1's B on 7 Mar: 5.90
 *   cash in: mano de obra 10.00 (6 Mar), domicilio 5.00 (7 Mar); out: gasto 3.00 (7 Mar)
 *   S5 9 Mar, outside the range
 */
async function week() {
  const groceries = await till.call('categories.create', { name: 'Abarrotes' });
  const drinks = await till.call('categories.create', { name: 'Bebidas' });
  const a = await product(till, {
    code: 'A',
    name: 'Arroz',
    price: 1180,
    cost: 700,
    stock: 100,
    categoryId: groceries.id,
  });
  const b = await product(till, {
    code: 'B',
    name: 'Gaseosa',
    price: 590,
    cost: 300,
    stock: 100,
    categoryId: drinks.id,
  });
  const e = await product(till, {
    code: 'E',
    name: 'Libro',
    price: 2000,
    cost: 1500,
    stock: 100,
    taxCategory: 'EXONERADO',
  });
  await openSession(till, 10000);
  const move = (
    direction: 'IN' | 'OUT',
    type: 'mano_obra' | 'domicilio' | 'gasto',
    amount: number,
  ) => till.call('cash.movement', { id: till.uuid(), direction, type, amount });

  const s1 = await sell(till, [{ productId: a.id, quantity: 2 }, { productId: b.id }], {
    payments: [{ method: 'EFECTIVO', amount: 3000 }],
  });
  await move('IN', 'mano_obra', 1000);
  till.clock.now = new Date('2026-03-06T16:30:00.000Z');
  await actingAs(till, 'Carla', '1111', () =>
    sell(till, [{ productId: a.id, discount: 180 }, { productId: e.id }], {
      payments: [{ method: 'TARJETA', amount: 3000 }],
      // 1.80 off 11.80 is over a cashier's 10 % discount limit.
      authorizedBy: ADMIN,
    }),
  );
  const s3 = await sell(till, [{ productId: b.id, quantity: 2 }], {
    payments: [{ method: 'QR', amount: 1180 }],
  });
  await till.call('sales.void', { id: s3.id, reason: 'x' });
  till.clock.now = new Date('2026-03-08T02:00:00.000Z');
  await sell(till, [{ productId: a.id }]);
  await till.call('sales.return', {
    id: till.uuid(),
    saleId: s1.id,
    reason: 'x',
    lines: [{ saleLineId: s1.lines[1]!.id, quantity: 1 }],
  });
  await move('IN', 'domicilio', 500);
  await move('OUT', 'gasto', 300);
  till.clock.now = new Date('2026-03-09T15:00:00.000Z');
  await sell(till, [{ productId: a.id, quantity: 10 }]);
  return { a, b, e, groceries, drinks };
}

describe('reports.summary', () => {
  it('sums a range by hand: totals, taxes, voids and returns apart, methods, cashiers', async () => {
    await week();
    const r = await till.call('reports.summary', { from: '2026-03-05', to: '2026-03-08' });
    expect(r).toMatchObject({ from: '2026-03-05', to: '2026-03-08', currency: 'PEN' });
    expect(r.sales).toEqual({
      count: 3,
      gross: 2950 + 3180 + 1180,
      discounts: 180,
      base: 2500 + 847 + 1000,
      exempt: 2000,
      unaffected: 0,
      tax: 450 + 153 + 180,
      fixedTax: 0,
      igtf: 0,
      // Every cash total here is a whole S/ 0.10: nothing to round.
      cashRounding: 0,
      total: 2950 + 3000 + 1180,
      averageTicket: 2377,
    });
    expect(r.taxes).toEqual([{ rate: 1800, base: 4347, tax: 783 }]);
    expect(r.voids).toEqual({ count: 1, total: 1180 });
    expect(r.returns).toEqual({ count: 1, total: 590 });
    expect(r.byMethod).toEqual([
      { method: 'EFECTIVO', currency: 'PEN', count: 2, amount: 4130 },
      { method: 'TARJETA', currency: 'PEN', count: 1, amount: 3000 },
    ]);
    const ids = new Map((await till.call('users.list', {})).map((u) => [u.name, u.id]));
    expect(r.byCashier).toEqual([
      { id: ids.get('Ana'), name: 'Ana', count: 2, total: 4130 },
      { id: ids.get('Carla'), name: 'Carla', count: 1, total: 3000 },
    ]);
  });

  it('groups by category and product with profit from the cost snapshots', async () => {
    const { a, b, e, groceries, drinks } = await week();
    // A later cost change does not touch the profit of past sales.
    await till.call('products.update', { id: a.id, cost: 1100 });
    const r = await till.call('reports.summary', { from: '2026-03-05', to: '2026-03-08' });
    expect(r.byCategory).toEqual([
      { id: groceries.id, name: 'Abarrotes', count: 3, total: 4540 },
      { id: null, name: '', count: 1, total: 2000 },
      { id: drinks.id, name: 'Bebidas', count: 1, total: 590 },
    ]);
    expect(r.topProducts).toEqual([
      { productId: a.id, code: 'A', name: 'Arroz', quantity: 4, total: 4540, profit: 3847 - 2800 },
      { productId: e.id, code: 'E', name: 'Libro', quantity: 1, total: 2000, profit: 500 },
      { productId: b.id, code: 'B', name: 'Gaseosa', quantity: 1, total: 590, profit: 200 },
    ]);
    expect(r.profit).toEqual({ revenue: 6347, cost: 4600, profit: 1747 });
    const top = await till.call('reports.summary', {
      from: '2026-03-05',
      to: '2026-03-08',
      top: 2,
    });
    expect(top.topProducts.map((p) => p.code)).toEqual(['A', 'E']);
  });

  it('adds extra income and expenses from cash movements, per day zero-filled and per hour', async () => {
    await week();
    const r = await till.call('reports.summary', { from: '2026-03-05', to: '2026-03-08' });
    expect(r.extraIncome).toEqual([
      { type: 'mano_obra', count: 1, amount: 1000 },
      { type: 'domicilio', count: 1, amount: 500 },
    ]);
    expect(r.expenses).toEqual([{ type: 'gasto', count: 1, amount: 300 }]);
    expect(r.perDay).toEqual([
      { date: '2026-03-05', count: 0, total: 0 },
      { date: '2026-03-06', count: 2, total: 5950 },
      { date: '2026-03-07', count: 1, total: 1180 },
      { date: '2026-03-08', count: 0, total: 0 },
    ]);
    expect(r.perHour).toHaveLength(24);
    expect(r.perHour.filter((h) => h.count > 0)).toEqual([
      { hour: 10, count: 1, total: 2950 },
      { hour: 11, count: 1, total: 3000 },
      { hour: 21, count: 1, total: 1180 },
    ]);
    expect(r.perHour.reduce((s, h) => s + h.total, 0)).toBe(r.sales.total);
  });

  it('reads one day alone, an empty range, and refuses a reversed range', async () => {
    await week();
    const seventh = await till.call('reports.summary', { from: '2026-03-07', to: '2026-03-07' });
    expect(seventh.sales).toMatchObject({ count: 1, total: 1180 });
    expect(seventh.returns).toEqual({ count: 1, total: 590 });
    expect(seventh.voids).toEqual({ count: 0, total: 0 });
    const ninth = await till.call('reports.summary', { from: '2026-03-09', to: '2026-03-09' });
    expect(ninth.sales).toMatchObject({ count: 1, total: 11800 });
    const empty = await till.call('reports.summary', { from: '2026-01-01', to: '2026-01-02' });
    expect(empty.sales.count).toBe(0);
    expect(empty.perDay).toEqual([
      { date: '2026-01-01', count: 0, total: 0 },
      { date: '2026-01-02', count: 0, total: 0 },
    ]);
    const reversed = await till.fail('reports.summary', { from: '2026-03-08', to: '2026-03-05' });
    expect(reversed.code).toBe('VALIDATION');
  });

  it('is refused to a cashier', async () => {
    const error = await actingAs(till, 'Carla', '1111', () =>
      till.fail('reports.summary', { from: '2026-03-01', to: '2026-03-31' }),
    );
    expect(error.code).toBe('FORBIDDEN');
  });
});
