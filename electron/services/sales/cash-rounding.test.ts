/**
 * Cash rounding (DOMAIN.md, "Cash rounding") end to end on a real SQLite file:
 * the sale, its payments and its own rounding amount, the X/Z and the count.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Sale } from '../../../core/api/model';
import { customer, openSession, product } from '../../testing/fixtures';
import { setUpTill, type Till } from '../../testing/till';

let till: Till;
let item: number;
let small: number;

beforeEach(async () => {
  till = await setUpTill('PE');
  item = (await product(till, { code: 'ARROZ5', price: 4026, stock: 100 })).id;
  small = (await product(till, { code: 'GALLE', price: 475, stock: 100 })).id;
  await openSession(till, 10000);
});
afterEach(() => till.close());

function pay(productId: number, payments: unknown[], extra: Record<string, unknown> = {}) {
  return till.call('sales.create', {
    id: till.uuid(),
    lines: [{ productId, quantity: 1 }],
    payments,
    ...extra,
  } as never);
}

/** paid + balance − rounding = total + IGTF: the invariant every sale keeps. */
function balances(sale: Sale): void {
  expect(sale.paid + sale.balance - sale.cashRounding).toBe(sale.total + sale.igtf);
  expect(sale.payments.reduce((s, p) => s + p.amount, 0)).toBe(sale.paid + sale.balance);
}

describe('cash rounding in Peru (to S/ 0.10, down)', () => {
  it('S/ 40.26 in cash is paid S/ 40.20; the document keeps 40.26 and its IGV', async () => {
    const sale = await pay(item, [{ method: 'EFECTIVO', amount: 5000 }]);
    expect(sale).toMatchObject({
      total: 4026,
      taxableBase: 3412,
      tax: 614,
      cashRounding: -6,
      paid: 4020,
      change: 980,
    });
    expect(sale.payments).toEqual([
      expect.objectContaining({ method: 'EFECTIVO', tendered: 5000, change: 980, amount: 4020 }),
    ]);
    balances(sale);
    // sales.get and the sync event carry the same amount.
    expect((await till.call('sales.get', { id: sale.id })).cashRounding).toBe(-6);
    const event = till.db.sqlite
      .prepare("SELECT payload FROM outbox WHERE type = 'sale.created' AND aggregate_id = ?")
      .pluck()
      .get(sale.id) as string;
    expect(JSON.parse(event)).toMatchObject({ cashRounding: -6, total: 4026 });
  });

  it('S/ 4.75 is settled by S/ 4.70 exactly, and not by S/ 4.69', async () => {
    const exact = await pay(small, [{ method: 'EFECTIVO', amount: 470 }]);
    expect(exact).toMatchObject({ total: 475, paid: 470, change: 0, cashRounding: -5 });
    balances(exact);
    const short = await till.fail('sales.create', {
      id: till.uuid(),
      lines: [{ productId: small, quantity: 1 }],
      payments: [{ method: 'EFECTIVO', amount: 469 }],
    });
    expect(short).toMatchObject({
      code: 'VALIDATION',
      details: { reason: 'UNDERPAID', due: 470, missing: 1 },
    });
  });

  it('a replay of the same request returns the same rounded sale', async () => {
    const request = {
      id: till.uuid(),
      lines: [{ productId: item, quantity: 1 }],
      payments: [{ method: 'EFECTIVO' as const, amount: 5000 }],
    };
    const first = await till.call('sales.create', request);
    const again = await till.call('sales.create', request);
    expect(again).toEqual(first);
    expect(again.cashRounding).toBe(-6);
  });

  it('never rounds card, QR or transfer: they pay the exact amount', async () => {
    for (const method of ['TARJETA', 'QR'] as const) {
      const sale = await pay(item, [{ method, amount: 4026 }]);
      expect(sale).toMatchObject({ cashRounding: 0, paid: 4026 });
      balances(sale);
    }
    const transfer = await pay(item, [{ method: 'TRANSFERENCIA', amount: 4026, bank: 'BCP' }]);
    expect(transfer.cashRounding).toBe(0);
    const short = await till.fail('sales.create', {
      id: till.uuid(),
      lines: [{ productId: item, quantity: 1 }],
      payments: [{ method: 'TARJETA', amount: 4020 }],
    });
    expect(short.details).toMatchObject({ reason: 'UNDERPAID', due: 4026 });
  });

  it('rounds only the part cash settles in a mixed payment', async () => {
    const mixed = await pay(item, [
      { method: 'TARJETA', amount: 2000 },
      { method: 'EFECTIVO', amount: 2020 },
    ]);
    expect(mixed).toMatchObject({ cashRounding: -6, paid: 4020, change: 0 });
    balances(mixed);
    // The card took the odd céntimos: the cash settles S/ 20.00 and nothing is rounded.
    const even = await pay(item, [
      { method: 'TARJETA', amount: 2026 },
      { method: 'EFECTIVO', amount: 5000 },
    ]);
    expect(even).toMatchObject({ cashRounding: 0, paid: 4026, change: 3000 });
    balances(even);
  });

  it('does not round a sale with a part on credit: the rest stays owed to the cent', async () => {
    const client = await customer(till, {
      name: 'Rosa',
      documentType: 'DNI',
      documentNumber: '12345678',
    });
    const sale = await pay(
      item,
      [
        { method: 'EFECTIVO', amount: 2000 },
        { method: 'CREDITO', amount: 0 },
      ],
      { customerId: client.id },
    );
    expect(sale).toMatchObject({ cashRounding: 0, paid: 2000, balance: 2026 });
    balances(sale);
  });

  it('is a setting: off, cash pays to the cent; GENERIC has no rule to turn on', async () => {
    expect((await till.call('settings.get', {})).cashRounding).toBe(true);
    const off = await till.call('settings.update', { cashRounding: false });
    expect(off.cashRounding).toBe(false);
    const sale = await pay(item, [{ method: 'EFECTIVO', amount: 5000 }]);
    expect(sale).toMatchObject({ cashRounding: 0, paid: 4026, change: 974 });
    await till.call('settings.update', { cashRounding: true });
    expect((await pay(item, [{ method: 'EFECTIVO', amount: 5000 }])).cashRounding).toBe(-6);

    const generic = await setUpTill('GENERIC');
    try {
      expect((await generic.call('settings.get', {})).cashRounding).toBe(false);
      const refused = await generic.fail('settings.update', { cashRounding: true });
      expect(refused).toMatchObject({
        code: 'VALIDATION',
        details: { reason: 'NOT_APPLICABLE', path: ['cashRounding'] },
      });
    } finally {
      generic.close();
    }
  });
});

describe('the Z with cash rounding', () => {
  it('balances to the cent, reverses a voided sale and counts in coins that exist', async () => {
    await pay(item, [{ method: 'EFECTIVO', amount: 5000 }]); // 40.26 → 40.20
    await pay(small, [{ method: 'EFECTIVO', amount: 1000 }]); // 4.75 → 4.70
    await pay(item, [{ method: 'TARJETA', amount: 4026 }]); // exact
    await pay(item, [
      { method: 'QR', amount: 2000 },
      { method: 'EFECTIVO', amount: 2020 },
    ]); // cash 20.26 → 20.20
    const voided = await pay(small, [{ method: 'EFECTIVO', amount: 500 }]);
    await till.call('sales.void', { id: voided.id, reason: 'Error de caja' });

    const x = await till.call('cash.report', {});
    expect(x.cashRounding).toEqual({ sales: -6 - 5 - 6, refunds: 0 });
    const byMethod = x.byMethod.reduce((s, m) => s + m.amount, 0);
    // Σ payments − rounding = the documents' total, to the cent.
    expect(byMethod - x.cashRounding.sales).toBe(x.sales.total + x.igtf);
    expect(x.sales.total).toBe(4026 + 475 + 4026 + 4026);
    // The drawer: float 100.00 + 40.20 + 4.70 + 20.20, all in real coins.
    expect(x.cash.expected).toBe(10000 + 4020 + 470 + 2020);
    expect(x.cash.expected % 10).toBe(0);

    // Counted in S/ 0.10 coins and up: 165.10 = 100 + 50 + 10 + 5 + 0.10.
    const z = await till.call('cash.close', {
      denominations: [
        { value: 10000, count: 1 },
        { value: 5000, count: 1 },
        { value: 1000, count: 1 },
        { value: 500, count: 1 },
        { value: 10, count: 1 },
      ],
    });
    expect(z).toMatchObject({ kind: 'Z', cashRounding: { sales: -17, refunds: 0 } });
    expect(z.cash).toMatchObject({ expected: 16510, counted: 16510, difference: 0 });
    // A Z read back later is the one stored at close.
    const stored = await till.call('cash.report', { sessionId: z.session.id });
    expect(stored.cashRounding).toEqual({ sales: -17, refunds: 0 });
    // A coin that left circulation is refused, not counted.
    await openSession(till, 10000);
    const refused = await till.fail('cash.close', { denominations: [{ value: 5, count: 2 }] });
    expect(refused).toMatchObject({
      code: 'VALIDATION',
      details: { reason: 'UNKNOWN_DENOMINATION' },
    });
  });
});

describe('returns of a rounded cash sale', () => {
  it('pay back the share up to the coin, and never more than was handed over in all', async () => {
    const pair = await product(till, { code: 'DOS', price: 2013, stock: 10 });
    const sale = await till.call('sales.create', {
      id: till.uuid(),
      lines: [{ productId: pair.id, quantity: 2 }],
      payments: [{ method: 'EFECTIVO', amount: 5000 }],
    });
    expect(sale).toMatchObject({ total: 4026, paid: 4020, cashRounding: -6 });
    const line = sale.lines[0]!;
    const back = (quantity: number) =>
      till.call('sales.return', {
        id: till.uuid(),
        saleId: sale.id,
        reason: 'Fallado',
        refundMethod: 'EFECTIVO',
        lines: [{ saleLineId: line.id, quantity }],
      });
    // 20.13 is paid back as 20.20, in the customer's favour.
    const first = await back(1);
    expect(first).toMatchObject({ total: 2013, refunded: 2020, cashRounding: 7 });
    // The last 20.13: only 20.00 of what was handed over is left, so 40.20 in all.
    const last = await back(1);
    expect(last).toMatchObject({ total: 2013, refunded: 2000, cashRounding: -13 });
    const x = await till.call('cash.report', {});
    expect(x.cash.refunds).toBe(4020);
    expect(x.cashRounding).toEqual({ sales: -6, refunds: -6 });
    expect(x.cash.expected).toBe(10000);
  });

  it('a card refund is not rounded up, and also gives back no more than was handed over', async () => {
    const sale = await pay(item, [{ method: 'EFECTIVO', amount: 5000 }]);
    const all = await till.call('sales.return', {
      id: till.uuid(),
      saleId: sale.id,
      reason: 'Fallado',
      refundMethod: 'TARJETA',
      lines: [{ saleLineId: sale.lines[0]!.id, quantity: 1 }],
    });
    // All of it back by card: what the customer handed over, 40.20.
    expect(all).toMatchObject({ total: 4026, refunded: 4020, cashRounding: -6 });
  });
});
