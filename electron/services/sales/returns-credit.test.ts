/** Returns of sales left on credit: cancel what is owed first, pay back only what was paid. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { customer, openSession, product } from '../../testing/fixtures';
import { setUpTill, type Till } from '../../testing/till';

let till: Till;
let p: number;
let buyer: number;

beforeEach(async () => {
  till = await setUpTill('PE');
  p = (await product(till, { code: 'P', name: 'Polo', price: 1000, stock: 10 })).id;
  buyer = (await customer(till, { name: 'Rosa', documentType: 'DNI', documentNumber: '45871236' }))
    .id;
  await openSession(till, 5000);
});
afterEach(() => till.close());

async function creditSale(paidNow: number) {
  return till.call('sales.create', {
    id: till.uuid(),
    customerId: buyer,
    lines: [{ productId: p, quantity: 3 }],
    payments: [{ method: 'EFECTIVO', amount: paidNow }, { method: 'CREDITO' }],
  });
}

describe('returns of credit sales', () => {
  it('cancels the pending balance before refunding anything', async () => {
    const sale = await creditSale(1000);
    expect(sale).toMatchObject({ total: 3000, paid: 1000, balance: 2000 });
    const before = await till.call('cash.report', {});

    const first = await till.call('sales.return', {
      id: till.uuid(),
      saleId: sale.id,
      reason: 'No le quedó',
      lines: [{ saleLineId: sale.lines[0]!.id, quantity: 1 }],
    });
    expect(first).toMatchObject({ total: 1000, balanceReduced: 1000, refunded: 0 });
    expect(await till.call('sales.get', { id: sale.id })).toMatchObject({
      balance: 1000,
      refunded: 1000,
    });

    const second = await till.call('sales.return', {
      id: till.uuid(),
      saleId: sale.id,
      reason: 'No le quedó',
      lines: [{ saleLineId: sale.lines[0]!.id, quantity: 2 }],
    });
    expect(second).toMatchObject({ total: 2000, balanceReduced: 1000, refunded: 1000 });
    expect(await till.call('sales.get', { id: sale.id })).toMatchObject({
      balance: 0,
      refunded: 3000,
    });

    const after = await till.call('cash.report', {});
    expect(after.returns).toEqual({ count: 2, total: 3000, cash: 1000 });
    expect(after.cash.expected).toBe(before.cash.expected - 1000);
  });

  it('refunds in full when the sale was paid in full', async () => {
    const sale = await till.call('sales.create', {
      id: till.uuid(),
      lines: [{ productId: p }],
      payments: [{ method: 'EFECTIVO', amount: 1000 }],
    });
    const back = await till.call('sales.return', {
      id: till.uuid(),
      saleId: sale.id,
      reason: 'Fallado',
      lines: [{ saleLineId: sale.lines[0]!.id, quantity: 1 }],
    });
    expect(back).toMatchObject({ total: 1000, balanceReduced: 0, refunded: 1000 });
  });
});
