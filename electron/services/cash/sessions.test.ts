import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditRows, countRows, openSession, product, sell } from '../../testing/fixtures';
import { setUpTill, type Till } from '../../testing/till';

let till: Till;

beforeEach(async () => {
  till = await setUpTill('PE');
});
afterEach(() => till.close());

function movement(direction: 'IN' | 'OUT', type: string, amount: number, id = till.uuid()) {
  return { id, direction, type, amount, description: `${type} ${amount}` };
}

describe('cash.open and cash.current', () => {
  it('opens one session per register with a float', async () => {
    expect(await till.call('cash.current', {})).toBeNull();
    const session = await openSession(till, 15000);
    expect(session).toMatchObject({
      status: 'ABIERTA',
      openingFloat: 15000,
      registerCode: 'CAJA1',
      openedBy: { name: 'Ana' },
      openedAt: '2026-03-06T15:30:00.000Z',
      closedAt: null,
      expectedCash: null,
    });
    expect(await till.call('cash.current', {})).toEqual(session);
    const again = await till.fail('cash.open', { float: 100 });
    expect(again).toMatchObject({
      code: 'SESSION_ALREADY_OPEN',
      details: { sessionId: session.id },
    });
    expect(countRows(till, 'cash_sessions')).toBe(1);
    expect(auditRows(till, 'cash.open')).toHaveLength(1);
    expect((await till.fail('cash.open', { float: -1 })).code).toBe('VALIDATION');
  });

  it('lists sessions newest first and opens a new one after closing', async () => {
    const first = await openSession(till, 100);
    await till.call('cash.close', { countedCash: 100 });
    till.clock.advance(60_000);
    const second = await openSession(till, 200);
    const list = await till.call('cash.list', {});
    expect(list.map((s) => [s.id, s.status])).toEqual([
      [second.id, 'ABIERTA'],
      [first.id, 'CERRADA'],
    ]);
  });
});

describe('cash.movement', () => {
  it('takes the income types in and the outflow types out', async () => {
    const session = await openSession(till, 10000);
    for (const type of ['domicilio', 'servicio', 'mano_obra', 'otro'])
      await till.call('cash.movement', movement('IN', type, 100) as never);
    for (const type of ['retiro', 'gasto', 'otro'])
      await till.call('cash.movement', movement('OUT', type, 100) as never);
    const list = await till.call('cash.movements', {});
    expect(list).toHaveLength(7);
    expect(list.every((m) => m.sessionId === session.id && m.user.name === 'Ana')).toBe(true);
    const x = await till.call('cash.report', {});
    expect(x.cash).toMatchObject({ in: 400, out: 300, expected: 10100 });
  });

  it('refuses types of the other direction and unknown types', async () => {
    await openSession(till, 10000);
    for (const [direction, type] of [
      ['IN', 'retiro'],
      ['IN', 'gasto'],
      ['OUT', 'domicilio'],
      ['OUT', 'servicio'],
      ['OUT', 'mano_obra'],
    ] as const) {
      const error = await till.fail('cash.movement', movement(direction, type, 100));
      expect(error).toMatchObject({
        code: 'VALIDATION',
        details: { reason: 'INVALID_MOVEMENT_TYPE', path: ['type'] },
      });
    }
    expect((await till.fail('cash.movement', movement('IN', 'propina', 100))).code).toBe(
      'VALIDATION',
    );
    expect((await till.fail('cash.movement', movement('IN', 'otro', 0))).code).toBe('VALIDATION');
    expect(countRows(till, 'cash_movements')).toBe(0);
  });

  it('refuses taking out more than the drawer holds', async () => {
    const p = await product(till, { code: 'P', price: 1000, stock: 5 });
    await openSession(till, 5000);
    await sell(till, [{ productId: p.id }], { payments: [{ method: 'EFECTIVO', amount: 2000 }] });
    await sell(till, [{ productId: p.id }], { payments: [{ method: 'TARJETA', amount: 1000 }] });
    // 5000 + 2000 − 1000 = 6000 in the drawer; the card sale adds nothing.
    const error = await till.fail('cash.movement', movement('OUT', 'retiro', 6001));
    expect(error).toMatchObject({
      code: 'INVALID_STATE',
      details: { reason: 'NOT_ENOUGH_CASH', expected: 6000, requested: 6001 },
    });
    await till.call('cash.movement', movement('OUT', 'retiro', 6000) as never);
    expect((await till.call('cash.report', {})).cash.expected).toBe(0);
  });

  it('is idempotent by id and needs an open session', async () => {
    expect((await till.fail('cash.movement', movement('IN', 'otro', 100))).code).toBe(
      'NO_OPEN_SESSION',
    );
    await openSession(till, 0);
    const input = movement('IN', 'servicio', 700);
    const first = await till.call('cash.movement', input as never);
    expect(await till.call('cash.movement', input as never)).toEqual(first);
    expect(countRows(till, 'cash_movements')).toBe(1);
  });
});

describe('cash.close', () => {
  it('closes with the counted cash and stores the difference', async () => {
    const session = await openSession(till, 10000);
    const z = await till.call('cash.close', { countedCash: 9950, notes: 'faltó una moneda' });
    expect(z.session).toMatchObject({
      id: session.id,
      status: 'CERRADA',
      expectedCash: 10000,
      countedCash: 9950,
      difference: -50,
      denominations: null,
      notes: 'faltó una moneda',
    });
    expect(await till.call('cash.current', {})).toBeNull();
    expect(auditRows(till, 'cash.close')).toHaveLength(1);
    expect(countRows(till, 'outbox', "type = 'cash.closed'")).toBe(1);
  });

  it('accepts counted cash and denominations together only when they agree', async () => {
    await openSession(till, 10000);
    const mismatch = await till.fail('cash.close', {
      countedCash: 10000,
      denominations: [{ value: 5000, count: 1 }],
    });
    expect(mismatch).toMatchObject({
      code: 'VALIDATION',
      details: { reason: 'COUNT_MISMATCH', byDenomination: 5000 },
    });
    const unknown = await till.fail('cash.close', { denominations: [{ value: 300, count: 1 }] });
    expect(unknown).toMatchObject({
      code: 'VALIDATION',
      details: { reason: 'UNKNOWN_DENOMINATION' },
    });
    const nothing = await till.fail('cash.close', {});
    expect(nothing.code).toBe('VALIDATION');
    expect((await till.call('cash.current', {}))?.status).toBe('ABIERTA');
    const z = await till.call('cash.close', {
      countedCash: 10000,
      denominations: [
        { value: 5000, count: 1 },
        { value: 2000, count: 2 },
        { value: 500, count: 2 },
      ],
    });
    expect(z.cash).toMatchObject({ counted: 10000, difference: 0 });
  });

  it('a closed session takes no sales, movements or second close', async () => {
    const p = await product(till, { code: 'P', price: 1000, stock: 5 });
    await openSession(till, 0);
    await till.call('cash.close', { countedCash: 0 });
    const sale = await till.fail('sales.create', {
      id: till.uuid(),
      lines: [{ productId: p.id }],
      payments: [{ method: 'EFECTIVO', amount: 1000 }],
    });
    expect(sale.code).toBe('NO_OPEN_SESSION');
    expect((await till.fail('cash.movement', movement('IN', 'otro', 1))).code).toBe(
      'NO_OPEN_SESSION',
    );
    expect((await till.fail('cash.close', { countedCash: 0 })).code).toBe('NO_OPEN_SESSION');
    expect((await till.fail('cash.report', {})).code).toBe('NO_OPEN_SESSION');
    expect(countRows(till, 'sales')).toBe(0);
  });
});
