import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { customer, openSession, product, sell } from '../../testing/fixtures';
import { setUpTill, type Till } from '../../testing/till';

let till: Till;

beforeEach(async () => {
  till = await setUpTill('PE');
});
afterEach(() => till.close());

/**
 * A day in one session, every figure worked out by hand:
 *   float 100.00
 *   1: 2 × 118.00 + 59.00 = 295.00, cash 300.00 (change 5.00)
 *   2: 59.00 by card
 *   3: 118.00 − 18.00 discount = 100.00: QR 50.00 + cash 100.00 (change 50.00)
 *   4: 59.00 cash, voided
 *   5: 118.00 on credit: cash 18.00 + 100.00 on account
 *   in: domicilio 5.00, mano de obra 15.00; out: gasto 20.00, retiro 200.00
 *   return of one item of sale 1: 59.00 refunded in cash
 */
async function day() {
  const a = await product(till, { code: 'A', price: 11800, stock: 50 });
  const b = await product(till, { code: 'B', price: 5900, stock: 50 });
  const c = await customer(till, { name: 'Rosa', documentType: 'DNI', documentNumber: '40123456' });
  const session = await openSession(till, 10000);
  const s1 = await sell(
    till,
    [
      { productId: a.id, quantity: 2 },
      { productId: b.id, quantity: 1 },
    ],
    { payments: [{ method: 'EFECTIVO', amount: 30000 }] },
  );
  const s2 = await sell(till, [{ productId: b.id }], {
    payments: [{ method: 'TARJETA', amount: 5900 }],
  });
  await sell(till, [{ productId: a.id, discount: 1800 }], {
    payments: [
      { method: 'QR', amount: 5000 },
      { method: 'EFECTIVO', amount: 10000 },
    ],
  });
  const s4 = await sell(till, [{ productId: b.id }], {
    payments: [{ method: 'EFECTIVO', amount: 5900 }],
  });
  await sell(till, [{ productId: a.id }], {
    customerId: c.id,
    payments: [{ method: 'EFECTIVO', amount: 1800 }, { method: 'CREDITO' }],
  });
  await till.call('sales.void', { id: s4.id, reason: 'Error' });
  const move = (direction: 'IN' | 'OUT', type: string, amount: number) =>
    till.call('cash.movement', { id: till.uuid(), direction, type: type as never, amount });
  await move('IN', 'domicilio', 500);
  await move('IN', 'mano_obra', 1500);
  await move('OUT', 'gasto', 2000);
  await move('OUT', 'retiro', 20000);
  await till.call('sales.return', {
    id: till.uuid(),
    saleId: s1.id,
    reason: 'Fallado',
    lines: [{ saleLineId: s1.lines[1]!.id, quantity: 1 }],
  });
  return { session, s2 };
}

const FIGURES = {
  currency: 'PEN',
  sales: { count: 4, total: 29500 + 5900 + 10000 + 11800 },
  byMethod: [
    { method: 'EFECTIVO', currency: 'PEN', count: 3, amount: 29500 + 5000 + 1800 },
    { method: 'CREDITO', currency: 'PEN', count: 1, amount: 10000 },
    { method: 'TARJETA', currency: 'PEN', count: 1, amount: 5900 },
    { method: 'QR', currency: 'PEN', count: 1, amount: 5000 },
  ],
  // Bases: 250.00 + 50.00 + 84.75 (100.00 / 1.18) + 100.00.
  taxes: [{ rate: 1800, base: 48475, tax: 8725 }],
  exempt: 0,
  unaffected: 0,
  fixedTax: 0,
  igtf: 0,
  discounts: 1800,
  voids: { count: 1, total: 5900 },
  returns: { count: 1, total: 5900, cash: 5900 },
  movementsIn: [
    { type: 'mano_obra', count: 1, amount: 1500 },
    { type: 'domicilio', count: 1, amount: 500 },
  ],
  movementsOut: [
    { type: 'retiro', count: 1, amount: 20000 },
    { type: 'gasto', count: 1, amount: 2000 },
  ],
};

// 100.00 + 418.00 received − 55.00 change + 20.00 in − 220.00 out − 59.00 refunded.
const EXPECTED = 10000 + (30000 + 10000 + 1800) - (500 + 5000) + 2000 - 22000 - 5900;

describe('cash reports', () => {
  it('X report: the open session so far, checked by hand', async () => {
    await day();
    expect(EXPECTED).toBe(20400);
    const x = await till.call('cash.report', {});
    expect(x).toMatchObject({ kind: 'X', ...FIGURES });
    expect(x.cash).toEqual({
      float: 10000,
      received: 41800,
      change: 5500,
      in: 2000,
      out: 22000,
      refunds: 5900,
      expected: EXPECTED,
      counted: null,
      difference: null,
    });
    expect(x.session.status).toBe('ABIERTA');
  });

  it('Z report: closes with a count by denomination and stores expected, counted and difference', async () => {
    const { session } = await day();
    const z = await till.call('cash.close', {
      denominations: [
        { value: 10000, count: 2 },
        { value: 100, count: 3 },
        { value: 50, count: 0 },
      ],
    });
    expect(z).toMatchObject({ kind: 'Z', ...FIGURES });
    expect(z.cash).toMatchObject({ expected: 20400, counted: 20300, difference: -100 });
    expect(z.session).toMatchObject({
      id: session.id,
      status: 'CERRADA',
      expectedCash: 20400,
      countedCash: 20300,
      difference: -100,
      denominations: [
        { value: 10000, count: 2 },
        { value: 100, count: 3 },
      ],
      closedBy: { name: 'Ana' },
    });
    expect(await till.call('cash.report', { sessionId: session.id })).toEqual(z);
  });

  it('the Z is frozen: a later delete of one of its sales does not change it', async () => {
    const { session, s2 } = await day();
    const z = await till.call('cash.close', { countedCash: 20400 });
    expect(z.cash.difference).toBe(0);
    till.clock.advance(60_000);
    await till.call('sales.delete', { id: s2.id, reason: 'Prueba' });
    expect(await till.call('cash.report', { sessionId: session.id })).toEqual(z);
    const [listed] = await till.call('cash.list', {});
    expect(listed).toMatchObject({ id: session.id, expectedCash: 20400, countedCash: 20400 });
  });

  it('shows an over count as a positive difference', async () => {
    await openSession(till, 5000);
    const z = await till.call('cash.close', { countedCash: 5250 });
    expect(z.cash).toMatchObject({ expected: 5000, counted: 5250, difference: 250 });
    expect(z.sales).toEqual({ count: 0, total: 0 });
  });
});
