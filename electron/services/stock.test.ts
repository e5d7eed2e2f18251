import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  actingAs,
  auditRows,
  customer,
  ledgerMismatches,
  openSession,
  product,
  sell,
  stockOf,
  user,
} from '../testing/fixtures';
import { setUpTill, type Till } from '../testing/till';

let till: Till;

beforeEach(async () => {
  till = await setUpTill('PE');
  await user(till, 'Carla', 'cashier', '1111');
  await user(till, 'Sergio', 'supervisor', '2222');
});
afterEach(() => till.close());

describe('stock.adjust', () => {
  it('adjusts by a delta or to a counted quantity, with a reason', async () => {
    const p = await product(till, { code: 'P', price: 100, stock: 10 });
    const up = await till.call('stock.adjust', { productId: p.id, delta: 5, reason: 'Compra' });
    expect(up).toMatchObject({ kind: 'ADJUST', quantity: 5, balanceAfter: 15, reason: 'Compra' });
    const down = await actingAs(till, 'Sergio', '2222', () =>
      till.call('stock.adjust', { productId: p.id, delta: -2.5, reason: 'Merma' }),
    );
    expect(down).toMatchObject({ quantity: -2.5, balanceAfter: 12.5, userName: 'Sergio' });
    const counted = await till.call('stock.adjust', {
      productId: p.id,
      counted: 7,
      reason: 'Inventario',
    });
    expect(counted).toMatchObject({ quantity: -5.5, balanceAfter: 7 });
    expect(await stockOf(till, p.id)).toBe(7);
    const [audit] = auditRows(till, 'stock.adjust').slice(-1);
    expect(audit).toMatchObject({ reason: 'Inventario', outcome: 'ok' });
    expect([audit!.before, audit!.after]).toEqual([{ stock: 12.5 }, { stock: 7 }]);
  });

  it('refuses a cashier (FORBIDDEN, audited), no change, both or neither, and untracked products', async () => {
    const p = await product(till, { code: 'P', price: 100, stock: 10 });
    const service = await product(till, { code: 'S', price: 100, trackStock: false });
    const cashier = await actingAs(till, 'Carla', '1111', () =>
      till.fail('stock.adjust', { productId: p.id, delta: 1, reason: 'x' }),
    );
    expect(cashier.code).toBe('FORBIDDEN');
    expect(auditRows(till, 'stock.adjust')).toEqual([
      expect.objectContaining({ outcome: 'denied', user_name: 'Carla' }),
    ]);
    const fail = (input: object) =>
      till.fail('stock.adjust', { productId: p.id, reason: 'x', ...input });
    expect((await fail({ delta: 0 })).code).toBe('VALIDATION');
    expect((await fail({})).code).toBe('VALIDATION');
    expect((await fail({ delta: 1, counted: 3 })).code).toBe('VALIDATION');
    expect((await fail({ delta: 0.0001 })).code).toBe('VALIDATION');
    expect(await fail({ counted: 10 })).toMatchObject({
      code: 'VALIDATION',
      details: { reason: 'NO_CHANGE' },
    });
    expect((await till.fail('stock.adjust', { productId: p.id, delta: 1, reason: '' })).code).toBe(
      'VALIDATION',
    );
    const untracked = await till.fail('stock.adjust', {
      productId: service.id,
      delta: 1,
      reason: 'x',
    });
    expect(untracked).toMatchObject({
      code: 'INVALID_STATE',
      details: { reason: 'NOT_STOCK_TRACKED' },
    });
    expect((await till.fail('stock.adjust', { productId: 999, delta: 1, reason: 'x' })).code).toBe(
      'NOT_FOUND',
    );
    expect(await stockOf(till, p.id)).toBe(10);
  });
});

describe('stock.adjust with a negative count', () => {
  it('refuses a negative counted quantity with VALIDATION, but takes a negative delta', async () => {
    const p = await product(till, { code: 'P', price: 100, stock: 10 });
    const before = auditRows(till, 'stock.adjust').length;
    for (const counted of [-1, -0.001, -1_000_000]) {
      const error = await till.fail('stock.adjust', { productId: p.id, counted, reason: 'x' });
      expect(error).toMatchObject({
        code: 'VALIDATION',
        details: { issues: [expect.objectContaining({ path: 'counted' })] },
      });
    }
    expect(await stockOf(till, p.id)).toBe(10);
    expect(auditRows(till, 'stock.adjust')).toHaveLength(before);
    // A count of zero is a real count; a delta may still take stock below zero.
    expect(
      await till.call('stock.adjust', { productId: p.id, counted: 0, reason: 'Inventario' }),
    ).toMatchObject({ balanceAfter: 0 });
    await till.call('settings.update', { negativeStock: 'allow' });
    expect(
      await till.call('stock.adjust', { productId: p.id, delta: -2, reason: 'Merma' }),
    ).toMatchObject({ balanceAfter: -2 });
  });
});

describe('stock.movements and stock.low', () => {
  it('lists the ledger newest first with the balance after each movement', async () => {
    const p = await product(till, { code: 'P', price: 100, stock: 10 });
    await openSession(till);
    const sale = await sell(till, [{ productId: p.id, quantity: 3 }]);
    await till.call('stock.adjust', { productId: p.id, delta: 4, reason: 'Compra' });
    await till.call('sales.void', { id: sale.id, reason: 'x' });
    const list = await till.call('stock.movements', { productId: p.id });
    expect(list.map((m) => [m.kind, m.quantity, m.balanceAfter, m.saleId])).toEqual([
      ['VOID', 3, 14, sale.id],
      ['ADJUST', 4, 11, null],
      ['SALE', -3, 7, sale.id],
      ['INITIAL', 10, 10, null],
    ]);
    const page = await till.call('stock.movements', {
      productId: p.id,
      limit: 2,
      beforeId: list[1]!.id,
    });
    expect(page.map((m) => m.kind)).toEqual(['SALE', 'INITIAL']);
    expect((await till.fail('stock.movements', { productId: 999 })).code).toBe('NOT_FOUND');
  });

  it('lists active tracked products at or below their minimum', async () => {
    const low = await product(till, { code: 'LOW', name: 'Bajo', price: 1, stock: 2, minStock: 5 });
    const edge = await product(till, {
      code: 'EDGE',
      name: 'Al borde',
      price: 1,
      stock: 5,
      minStock: 5,
    });
    await product(till, { code: 'OK', name: 'Bien', price: 1, stock: 6, minStock: 5 });
    await product(till, {
      code: 'SRV',
      name: 'Servicio',
      price: 1,
      trackStock: false,
      minStock: 5,
    });
    await product(till, {
      code: 'OFF',
      name: 'Inactivo',
      price: 1,
      stock: 0,
      minStock: 5,
      active: false,
    });
    const items = await till.call('stock.low', {});
    expect(items).toEqual([
      { id: edge.id, code: 'EDGE', name: 'Al borde', stock: 5, minStock: 5 },
      { id: low.id, code: 'LOW', name: 'Bajo', stock: 2, minStock: 5 },
    ]);
  });
});

describe('the stock ledger invariant', () => {
  it('products.stock equals the sum of its movements after a mixed day', async () => {
    const a = await product(till, { code: 'A', price: 1000, stock: 20 });
    const b = await product(till, { code: 'B', price: 2400, stock: 8, soldBy: 'weight' });
    const c = await product(till, { code: 'C', price: 300, stock: 1, allowNegative: true });
    const s = await product(till, { code: 'S', price: 500, trackStock: false });
    const rosa = await customer(till, {
      name: 'Rosa',
      documentType: 'DNI',
      documentNumber: '40123456',
    });
    await till.call('settings.update', { negativeStock: 'per_product' });
    await openSession(till, 10000);

    const s1 = await sell(till, [
      { productId: a.id, quantity: 3 },
      { productId: b.id, quantity: 1.25 },
    ]);
    const s2 = await sell(till, [{ productId: c.id, quantity: 3 }, { productId: s.id }]);
    const s3 = await sell(till, [{ productId: a.id, quantity: 2 }], {
      customerId: rosa.id,
      payments: [{ method: 'CREDITO' }],
    });
    await till.call('sales.void', { id: s2.id, reason: 'x' });
    await till.call('sales.update', {
      id: s1.id,
      reason: 'menos queso, más arroz',
      lines: [
        { lineId: s1.lines[0]!.id, quantity: 5 },
        { lineId: s1.lines[1]!.id, quantity: 0.75 },
      ],
      payments: [{ method: 'EFECTIVO', amount: 100000 }],
    });
    await till.call('sales.return', {
      id: till.uuid(),
      saleId: s3.id,
      reason: 'x',
      lines: [{ saleLineId: s3.lines[0]!.id, quantity: 1 }],
    });
    await till.call('stock.adjust', { productId: b.id, delta: -0.2, reason: 'merma' });
    await till.call('stock.adjust', { productId: c.id, counted: 4, reason: 'conteo' });
    const s4 = await sell(till, [{ productId: a.id }]);
    await till.call('sales.delete', { id: s4.id, reason: 'prueba' });

    expect(ledgerMismatches(till)).toEqual([]);
    // 20 − 3 − 2 − 2 (edit) + 1 (return) − 1 + 1 (delete) = 14
    expect(await stockOf(till, a.id)).toBe(14);
    // 8 − 1.25 + 0.5 (edit) − 0.2 = 7.05
    expect(await stockOf(till, b.id)).toBe(7.05);
    expect(await stockOf(till, c.id)).toBe(4);
    expect(await stockOf(till, s.id)).toBe(0);
  });
});
