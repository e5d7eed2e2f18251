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
let a: number;
let b: number;
let sergioId: number;

beforeEach(async () => {
  till = await setUpTill('PE');
  await user(till, 'Carla', 'cashier', '1111');
  sergioId = (await user(till, 'Sergio', 'supervisor', '2222')).id;
  a = (await product(till, { code: 'A', price: 1000, stock: 10 })).id;
  b = (await product(till, { code: 'B', price: 250, stock: 10 })).id;
  await openSession(till, 5000);
});
afterEach(() => till.close());

async function twoSales() {
  const kept = await sell(till, [{ productId: a }], {
    payments: [{ method: 'EFECTIVO', amount: 2000 }],
  });
  const voided = await sell(
    till,
    [
      { productId: a, quantity: 2 },
      { productId: b, quantity: 4 },
    ],
    { payments: [{ method: 'EFECTIVO', amount: 5000 }] },
  );
  return { kept, voided };
}

describe('sales.void', () => {
  it('voids with a reason: status ANULADA, number kept, stock back, out of the X totals', async () => {
    const { kept, voided } = await twoSales();
    expect(await stockOf(till, a)).toBe(7);
    const result = await till.call('sales.void', {
      id: voided.id,
      reason: 'Cliente se arrepintió',
    });
    expect(result).toMatchObject({
      status: 'ANULADA',
      number: voided.number,
      total: 3000,
      void: { reason: 'Cliente se arrepintió', by: 1, at: till.clock.now.toISOString() },
    });
    expect(await stockOf(till, a)).toBe(9);
    expect(await stockOf(till, b)).toBe(10);
    const movements = till.db.sqlite
      .prepare(
        "SELECT product_id AS p, quantity AS q FROM stock_movements WHERE kind = 'VOID' ORDER BY p",
      )
      .all();
    expect(movements).toEqual([
      { p: a, q: 2000 },
      { p: b, q: 4000 },
    ]);
    const x = await till.call('cash.report', {});
    expect(x.sales).toEqual({ count: 1, total: kept.total });
    expect(x.voids).toEqual({ count: 1, total: 3000 });
    expect(x.byMethod).toEqual([{ method: 'EFECTIVO', currency: 'PEN', count: 1, amount: 1000 }]);
    // 5000 float + 2000 received − 1000 change: the voided sale's cash went back.
    expect(x.cash).toMatchObject({ received: 2000, change: 1000, expected: 6000 });
    expect(x.taxes).toEqual([{ rate: 1800, base: 847, tax: 153 }]);
    const listed = await till.call('sales.list', { status: 'ANULADA' });
    expect(listed.items.map((s) => s.number)).toEqual([voided.number]);
    expect(ledgerMismatches(till)).toEqual([]);
  });

  it('lets a supervisor void', async () => {
    const { voided } = await twoSales();
    const result = await actingAs(till, 'Sergio', '2222', () =>
      till.call('sales.void', { id: voided.id, reason: 'Error' }),
    );
    expect(result.void?.by).toBe(sergioId);
  });

  it('refuses a cashier (FORBIDDEN, audited) unless a supervisor types their PIN', async () => {
    const { voided } = await twoSales();
    const refused = await actingAs(till, 'Carla', '1111', () =>
      till.fail('sales.void', { id: voided.id, reason: 'Error' }),
    );
    expect(refused).toMatchObject({
      code: 'FORBIDDEN',
      details: { reason: 'VOID_NEEDS_SUPERVISOR' },
    });
    // The message says how a cashier gets it done, not only that it is refused.
    expect(refused.message).toContain('authorizedBy');
    expect(refused.message).toContain('supervisor');
    const wrongPin = await actingAs(till, 'Carla', '1111', () =>
      till.fail('sales.void', {
        id: voided.id,
        reason: 'Error',
        authorizedBy: { name: 'Sergio', pin: '0000' },
      }),
    );
    expect(wrongPin).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'BAD_AUTHORIZATION' } });
    const selfAuthorized = await actingAs(till, 'Carla', '1111', () =>
      till.fail('sales.void', {
        id: voided.id,
        reason: 'Error',
        authorizedBy: { name: 'Carla', pin: '1111' },
      }),
    );
    expect(selfAuthorized.details).toMatchObject({ reason: 'AUTHORIZER_ROLE' });
    expect(selfAuthorized.message).toMatch(/needs a supervisor; Carla is a cashier$/);
    expect((await till.call('sales.get', { id: voided.id })).status).toBe('COMPLETADA');
    expect(await stockOf(till, a)).toBe(7);
    const denied = auditRows(till, 'sales.void').filter((r) => r.outcome === 'denied');
    expect(denied).toHaveLength(3);
    expect(denied.every((r) => r.user_name === 'Carla')).toBe(true);

    const authorized = await actingAs(till, 'Carla', '1111', () =>
      till.call('sales.void', {
        id: voided.id,
        reason: 'Error de digitación',
        authorizedBy: { name: 'Sergio', pin: '2222' },
      }),
    );
    expect(authorized).toMatchObject({ status: 'ANULADA', void: { by: sergioId } });
    const ok = auditRows(till, 'sales.void').filter((r) => r.outcome === 'ok');
    expect(ok).toHaveLength(1);
    expect(ok[0]).toMatchObject({ user_name: 'Carla', reason: 'Error de digitación' });
    expect(ok[0]!.after).toMatchObject({ status: 'ANULADA', authorizedBy: 'Sergio' });
    expect(ok[0]!.before).toMatchObject({ status: 'COMPLETADA', number: voided.number });
  });

  it('needs a reason, refuses a second void and a sale of a closed session', async () => {
    const { kept, voided } = await twoSales();
    expect((await till.fail('sales.void', { id: voided.id, reason: '' })).code).toBe('VALIDATION');
    await till.call('sales.void', { id: voided.id, reason: 'x' });
    const twice = await till.fail('sales.void', { id: voided.id, reason: 'x' });
    expect(twice).toMatchObject({ code: 'INVALID_STATE', details: { reason: 'SALE_VOIDED' } });
    expect(await stockOf(till, a)).toBe(9);
    await till.call('cash.close', { countedCash: 6000 });
    await openSession(till);
    const closed = await till.fail('sales.void', { id: kept.id, reason: 'tarde' });
    expect(closed).toMatchObject({ code: 'INVALID_STATE', details: { reason: 'SESSION_CLOSED' } });
    const missing = await till.fail('sales.void', { id: till.uuid(), reason: 'x' });
    expect(missing.code).toBe('NOT_FOUND');
  });
});

describe('sales.delete', () => {
  it('is for admins only: cashiers and supervisors get FORBIDDEN, audited', async () => {
    const { voided } = await twoSales();
    for (const [name, pin] of [
      ['Carla', '1111'],
      ['Sergio', '2222'],
    ] as const) {
      const error = await actingAs(till, name, pin, () =>
        till.fail('sales.delete', { id: voided.id, reason: 'x' }),
      );
      expect(error.code).toBe('FORBIDDEN');
    }
    expect(auditRows(till, 'sales.delete').map((r) => [r.user_name, r.outcome])).toEqual([
      ['Carla', 'denied'],
      ['Sergio', 'denied'],
    ]);
    expect((await till.call('sales.get', { id: voided.id })).status).toBe('COMPLETADA');
  });

  it('restores stock, keeps the whole sale in the audit, and never reuses the number', async () => {
    const { voided } = await twoSales();
    const full = await till.call('sales.get', { id: voided.id });
    const result = await till.call('sales.delete', { id: voided.id, reason: 'Venta de prueba' });
    expect(result).toEqual({ deleted: true, number: 'B001-00000002' });
    expect((await till.fail('sales.get', { id: voided.id })).code).toBe('NOT_FOUND');
    expect(countRows(till, 'sale_lines', 'sale_id = ?', voided.id)).toBe(0);
    expect(countRows(till, 'payments', 'sale_id = ?', voided.id)).toBe(0);
    expect(await stockOf(till, a)).toBe(9);
    expect(await stockOf(till, b)).toBe(10);
    expect(countRows(till, 'stock_movements', "kind = 'DELETE'")).toBe(2);
    const [row] = auditRows(till, 'sales.delete');
    expect(row).toMatchObject({ outcome: 'ok', reason: 'Venta de prueba', user_name: 'Ana' });
    expect(row!.before).toEqual(JSON.parse(JSON.stringify(full)));
    expect(countRows(till, 'outbox', "type = 'sale.deleted'")).toBe(1);
    const next = await sell(till, [{ productId: b }]);
    expect(next.number).toBe('B001-00000003');
    expect(ledgerMismatches(till)).toEqual([]);
  });

  it('does not restore stock twice for a voided sale', async () => {
    const { voided } = await twoSales();
    await till.call('sales.void', { id: voided.id, reason: 'x' });
    await till.call('sales.delete', { id: voided.id, reason: 'limpieza' });
    expect(await stockOf(till, a)).toBe(9);
    expect(await stockOf(till, b)).toBe(10);
    expect(ledgerMismatches(till)).toEqual([]);
  });

  it('refuses a sale with returns', async () => {
    const { voided } = await twoSales();
    await till.call('sales.return', {
      id: till.uuid(),
      saleId: voided.id,
      reason: 'Fallado',
      lines: [{ saleLineId: voided.lines[1]!.id, quantity: 1 }],
    });
    const error = await till.fail('sales.delete', { id: voided.id, reason: 'x' });
    expect(error).toMatchObject({ code: 'INVALID_STATE', details: { reason: 'HAS_RETURNS' } });
    const voiding = await till.fail('sales.void', { id: voided.id, reason: 'x' });
    expect(voiding.details).toMatchObject({ reason: 'HAS_RETURNS' });
  });
});
