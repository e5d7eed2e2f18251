import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  actingAs,
  auditRows,
  countRows,
  ledgerMismatches,
  openSession,
  product,
  sell,
  stockOf,
  user,
} from '../../testing/fixtures';
import { setUpTill, type Till } from '../../testing/till';

let till: Till;
let p: number;
let q: number;

beforeEach(async () => {
  till = await setUpTill('PE');
  await user(till, 'Carla', 'cashier', '1111');
  await user(till, 'Sergio', 'supervisor', '2222');
  p = (await product(till, { code: 'P', name: 'Polo', price: 999, stock: 10 })).id;
  q = (await product(till, { code: 'Q', name: 'Queso', price: 2000, stock: 10, soldBy: 'weight' }))
    .id;
  await openSession(till, 10000);
});
afterEach(() => till.close());

function giveBack(saleId: string, lines: { saleLineId: number; quantity: number }[], extra = {}) {
  return till.call('sales.return', {
    id: till.uuid(),
    saleId,
    reason: 'Producto fallado',
    lines,
    ...extra,
  });
}

describe('sales.return', () => {
  it('issues numbered credit notes whose parts add up exactly to the line', async () => {
    const sale = await sell(till, [{ productId: p, quantity: 3 }]);
    const line = sale.lines[0]!;
    // 3 × 9.99 = 29.97 → base 25.40, IGV 4.57.
    expect([line.base, line.tax, line.total]).toEqual([2540, 457, 2997]);

    const first = await giveBack(sale.id, [{ saleLineId: line.id, quantity: 1 }]);
    expect(first).toMatchObject({
      number: 'BC01-00000001',
      documentType: 'NOTA_CREDITO',
      saleId: sale.id,
      saleNumber: sale.number,
      refundMethod: 'EFECTIVO',
      taxableBase: 847,
      tax: 152,
      total: 999,
      user: { name: 'Ana' },
    });
    expect(first.lines).toEqual([
      expect.objectContaining({
        saleLineId: line.id,
        quantity: 1,
        base: 847,
        tax: 152,
        total: 999,
      }),
    ]);
    const second = await giveBack(sale.id, [{ saleLineId: line.id, quantity: 1 }]);
    expect(second).toMatchObject({ number: 'BC01-00000002', taxableBase: 847, tax: 152 });
    const last = await giveBack(sale.id, [{ saleLineId: line.id, quantity: 1 }]);
    // The last return takes exactly what is left: 25.40 − 16.94 and 4.57 − 3.04.
    expect(last).toMatchObject({ number: 'BC01-00000003', taxableBase: 846, tax: 153, total: 999 });
    expect(first.total + second.total + last.total).toBe(line.total);
    expect(first.taxableBase + second.taxableBase + last.taxableBase).toBe(line.base);
    expect(first.tax + second.tax + last.tax).toBe(line.tax);

    const after = await till.call('sales.get', { id: sale.id });
    expect(after.refunded).toBe(2997);
    expect(after.lines[0]!.returnedQuantity).toBe(3);
    expect(after.returns.map((r) => [r.number, r.total])).toEqual([
      ['BC01-00000001', 999],
      ['BC01-00000002', 999],
      ['BC01-00000003', 999],
    ]);
    expect(after.status).toBe('COMPLETADA');
    // The boleta series goes on untouched.
    expect((await sell(till, [{ productId: p }])).number).toBe('B001-00000002');
  });

  it('cannot return more than was sold', async () => {
    const sale = await sell(till, [{ productId: p, quantity: 2 }]);
    const lineId = sale.lines[0]!.id;
    const tooMany = await till.fail('sales.return', {
      id: till.uuid(),
      saleId: sale.id,
      reason: 'x',
      lines: [{ saleLineId: lineId, quantity: 3 }],
    });
    expect(tooMany).toMatchObject({
      code: 'VALIDATION',
      details: { reason: 'RETURN_EXCEEDS_SOLD' },
    });
    await giveBack(sale.id, [{ saleLineId: lineId, quantity: 1 }]);
    const again = await till.fail('sales.return', {
      id: till.uuid(),
      saleId: sale.id,
      reason: 'x',
      lines: [{ saleLineId: lineId, quantity: 2 }],
    });
    expect(again.details).toMatchObject({ reason: 'RETURN_EXCEEDS_SOLD' });
    const twice = await till.fail('sales.return', {
      id: till.uuid(),
      saleId: sale.id,
      reason: 'x',
      lines: [
        { saleLineId: lineId, quantity: 1 },
        { saleLineId: lineId, quantity: 1 },
      ],
    });
    expect(twice.details).toMatchObject({ reason: 'DUPLICATE_LINE' });
    const foreign = await till.fail('sales.return', {
      id: till.uuid(),
      saleId: sale.id,
      reason: 'x',
      lines: [{ saleLineId: 9999, quantity: 1 }],
    });
    expect(foreign.details).toMatchObject({ reason: 'UNKNOWN_LINE' });
    expect(countRows(till, 'sale_returns')).toBe(1);
    expect(await stockOf(till, p)).toBe(9);
  });

  it('puts stock back with RETURN movements, weighed goods included', async () => {
    const sale = await sell(till, [
      { productId: p, quantity: 2 },
      { productId: q, quantity: 1.5 },
    ]);
    expect(await stockOf(till, q)).toBe(8.5);
    const result = await giveBack(sale.id, [
      { saleLineId: sale.lines[0]!.id, quantity: 1 },
      { saleLineId: sale.lines[1]!.id, quantity: 0.5 },
    ]);
    expect(result.total).toBe(999 + 1000);
    expect(await stockOf(till, p)).toBe(9);
    expect(await stockOf(till, q)).toBe(9);
    const movements = till.db.sqlite
      .prepare(
        "SELECT product_id AS id, quantity FROM stock_movements WHERE kind = 'RETURN' ORDER BY id",
      )
      .all();
    expect(movements).toEqual([
      { id: p, quantity: 1000 },
      { id: q, quantity: 500 },
    ]);
    expect(ledgerMismatches(till)).toEqual([]);
  });

  it('takes a cash refund out of the expected cash of the open session; a card refund does not', async () => {
    const sale = await sell(till, [{ productId: p, quantity: 3 }], {
      payments: [{ method: 'EFECTIVO', amount: 5000 }],
    });
    await giveBack(sale.id, [{ saleLineId: sale.lines[0]!.id, quantity: 1 }]);
    await giveBack(sale.id, [{ saleLineId: sale.lines[0]!.id, quantity: 1 }], {
      refundMethod: 'TARJETA',
    });
    const x = await till.call('cash.report', {});
    // Cash rounding (Peru, S/ 0.10): 29.97 is paid 29.90, so the change is 20.10; the cash
    // refund of 9.99 pays 10.00, in the customer's favour.
    // 10000 float + 5000 received − 2010 change − 1000 refunded in cash.
    expect(x.cash).toMatchObject({
      float: 10000,
      received: 5000,
      change: 2010,
      refunds: 1000,
      expected: 11990,
    });
    expect(x.returns).toEqual({ count: 2, total: 1998, cash: 1000 });
    expect(x.cashRounding).toEqual({ sales: -7, refunds: 1 });
    expect(x.sales).toEqual({ count: 1, total: 2997 });
  });

  it('refunds a sale of a closed session from the session open now, and needs one', async () => {
    const sale = await sell(till, [{ productId: p }]);
    await till.call('cash.close', { countedCash: 10999 });
    const closed = await till.fail('sales.return', {
      id: till.uuid(),
      saleId: sale.id,
      reason: 'x',
      lines: [{ saleLineId: sale.lines[0]!.id, quantity: 1 }],
    });
    expect(closed.code).toBe('NO_OPEN_SESSION');
    const session = await openSession(till, 3000);
    await giveBack(sale.id, [{ saleLineId: sale.lines[0]!.id, quantity: 1 }]);
    const x = await till.call('cash.report', {});
    expect(x.session.id).toBe(session.id);
    // The sale of 9.99 was paid 9.90 in cash (rounding): giving it all back pays 9.90.
    expect(x.cash).toMatchObject({ refunds: 990, expected: 2010 });
  });

  it('refuses a cash refund above the cash in the drawer; a card refund still goes', async () => {
    const sale = await sell(till, [{ productId: p, quantity: 2 }], {
      payments: [{ method: 'TARJETA', amount: 1998 }],
    });
    await till.call('cash.movement', {
      id: till.uuid(),
      direction: 'OUT',
      type: 'retiro',
      amount: 9500,
    });
    const lines = [{ saleLineId: sale.lines[0]!.id, quantity: 1 }];
    const error = await till.fail('sales.return', {
      id: till.uuid(),
      saleId: sale.id,
      reason: 'x',
      lines,
    });
    expect(error).toMatchObject({
      code: 'INVALID_STATE',
      // 9.99 in cash is paid back as 10.00 (cash rounding, in the customer's favour).
      details: { reason: 'NOT_ENOUGH_CASH', expected: 500, requested: 1000 },
    });
    expect(countRows(till, 'sale_returns')).toBe(0);
    expect(await stockOf(till, p)).toBe(8);
    const byCard = await giveBack(sale.id, lines, { refundMethod: 'TARJETA' });
    expect(byCard).toMatchObject({ number: 'BC01-00000001', total: 999 });
  });

  it('needs a supervisor, or a cashier with a supervisor PIN', async () => {
    const sale = await sell(till, [{ productId: p, quantity: 2 }]);
    const lines = [{ saleLineId: sale.lines[0]!.id, quantity: 1 }];
    const refused = await actingAs(till, 'Carla', '1111', () =>
      till.fail('sales.return', { id: till.uuid(), saleId: sale.id, reason: 'x', lines }),
    );
    expect(refused).toMatchObject({
      code: 'FORBIDDEN',
      details: { reason: 'RETURN_NEEDS_SUPERVISOR' },
    });
    expect(auditRows(till, 'sales.return').map((r) => r.outcome)).toEqual(['denied']);
    const wrong = await actingAs(till, 'Carla', '1111', () =>
      till.fail('sales.return', {
        id: till.uuid(),
        saleId: sale.id,
        reason: 'x',
        lines,
        authorizedBy: { name: 'Sergio', pin: '9999' },
      }),
    );
    expect(wrong.code).toBe('FORBIDDEN');
    const ok = await actingAs(till, 'Carla', '1111', () =>
      giveBack(sale.id, lines, { authorizedBy: { name: 'Sergio', pin: '2222' } }),
    );
    expect(ok.user.name).toBe('Carla');
    const bySupervisor = await actingAs(till, 'Sergio', '2222', () => giveBack(sale.id, lines));
    expect(bySupervisor.number).toBe('BC01-00000002');
    expect(countRows(till, 'sale_returns')).toBe(2);
  });

  it('is idempotent by id, refuses refunds on credit and voided sales', async () => {
    const sale = await sell(till, [{ productId: p, quantity: 2 }]);
    const input = {
      id: till.uuid(),
      saleId: sale.id,
      reason: 'x',
      lines: [{ saleLineId: sale.lines[0]!.id, quantity: 1 }],
    };
    const first = await till.call('sales.return', input);
    expect(await till.call('sales.return', input)).toEqual(first);
    expect(countRows(till, 'sale_returns')).toBe(1);
    expect(await stockOf(till, p)).toBe(9);
    const onCredit = await till.fail('sales.return', {
      ...input,
      id: till.uuid(),
      refundMethod: 'CREDITO',
    });
    expect(onCredit.details).toMatchObject({ reason: 'INVALID_REFUND_METHOD' });

    const other = await sell(till, [{ productId: p }]);
    await till.call('sales.void', { id: other.id, reason: 'x' });
    const voided = await till.fail('sales.return', {
      id: till.uuid(),
      saleId: other.id,
      reason: 'x',
      lines: [{ saleLineId: other.lines[0]!.id, quantity: 1 }],
    });
    expect(voided.details).toMatchObject({ reason: 'SALE_VOIDED' });
  });
});
