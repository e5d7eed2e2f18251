/**
 * A sale id is an idempotency key: the same request again returns the stored
 * sale, a different request under the same id is refused (like a payment API),
 * so a client that reuses an id by mistake never mistakes an old sale for its new one.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actingAs, countRows, openSession, product, stockOf, user } from '../../testing/fixtures';
import { setUpTill, type Till } from '../../testing/till';

let till: Till;
let p: number;
let q: number;

beforeEach(async () => {
  till = await setUpTill('PE');
  p = (await product(till, { code: 'P', price: 1000, stock: 10 })).id;
  q = (await product(till, { code: 'Q', price: 500, stock: 10 })).id;
  await openSession(till);
});
afterEach(() => till.close());

function request(id: string) {
  return {
    id,
    lines: [{ productId: p, quantity: 2 }],
    payments: [{ method: 'EFECTIVO' as const, amount: 5000 }],
    notes: 'mesa 4',
  };
}

function counts() {
  return {
    sales: countRows(till, 'sales'),
    payments: countRows(till, 'payments'),
    movements: countRows(till, 'stock_movements'),
    outbox: countRows(till, 'outbox'),
    audit: countRows(till, 'audit_log'),
  };
}

describe('sales.create replayed under the same id', () => {
  it('refuses a different cart with CONFLICT IDEMPOTENCY_MISMATCH and changes nothing', async () => {
    const first = await till.call('sales.create', request(till.uuid()));
    const before = counts();
    const cases = [
      { ...request(first.id), lines: [{ productId: q, quantity: 2 }] },
      { ...request(first.id), lines: [{ productId: p, quantity: 3 }] },
      { ...request(first.id), payments: [{ method: 'TARJETA' as const, amount: 2000 }] },
      { ...request(first.id), notes: 'mesa 5' },
      { ...request(first.id), orderDiscount: 100 },
    ];
    for (const replay of cases) {
      const error = await till.fail('sales.create', replay);
      expect(error).toMatchObject({
        code: 'CONFLICT',
        details: { reason: 'IDEMPOTENCY_MISMATCH', id: first.id, number: first.number },
      });
    }
    expect(counts()).toEqual(before);
    expect(await stockOf(till, p)).toBe(8);
    expect(await stockOf(till, q)).toBe(10);
    expect(await till.call('sales.get', { id: first.id })).toEqual(first);
  });

  it('returns the stored sale for the same request, whatever its key order, spacing or defaults', async () => {
    const first = await till.call('sales.create', request(till.uuid()));
    const before = counts();
    // The same request as another client would spell it: keys reordered, text
    // padded, a quantity written as 2.000 and the payments default spelled out.
    const same = JSON.parse(
      `{"notes":"  mesa 4 ","payments":[{"amount":5000,"method":"EFECTIVO"}],` +
        `"lines":[{"quantity":2.000,"productId":${p}}],"id":"${first.id}"}`,
    ) as unknown;
    expect(await till.call('sales.create', same as never)).toEqual(first);
    expect(counts()).toEqual(before);
  });

  it('treats the supervisor who authorizes as outside the request: a retry with another one returns the sale', async () => {
    await user(till, 'Sergio', 'supervisor', '2222');
    await user(till, 'Sonia', 'supervisor', '4444');
    await user(till, 'Carla', 'cashier', '1111');
    const id = till.uuid();
    const overridden = (authorizedBy?: { name: string; pin: string }) => ({
      id,
      lines: [{ productId: p, unitPrice: 800 }],
      payments: [{ method: 'EFECTIVO' as const, amount: 800 }],
      ...(authorizedBy ? { authorizedBy } : {}),
    });
    await actingAs(till, 'Carla', '1111', async () => {
      const first = await till.call(
        'sales.create',
        overridden({ name: 'Sergio', pin: '2222' }) as never,
      );
      const again = await till.call(
        'sales.create',
        overridden({ name: 'Sonia', pin: '4444' }) as never,
      );
      expect(again).toEqual(first);
      // A different cart is still refused, and before any PIN is checked.
      const other = await till.fail('sales.create', {
        ...overridden({ name: 'Sonia', pin: '0000' }),
        lines: [{ productId: p, unitPrice: 700 }],
      });
      expect(other).toMatchObject({
        code: 'CONFLICT',
        details: { reason: 'IDEMPOTENCY_MISMATCH' },
      });
    });
    // The PIN is never stored in clear, nor any hash of it.
    const row = till.db.sqlite.prepare('SELECT request_hash FROM sales WHERE id = ?').get(id) as {
      request_hash: string;
    };
    expect(row.request_hash).toMatch(/^[0-9a-f]{64}$/);
    const dump = JSON.stringify(till.db.sqlite.prepare('SELECT * FROM sales').all());
    expect(dump).not.toContain('2222');
  });

  it('falls back to returning a legacy sale stored before request hashes existed', async () => {
    const first = await till.call('sales.create', request(till.uuid()));
    till.db.sqlite.prepare('UPDATE sales SET request_hash = NULL WHERE id = ?').run(first.id);
    const replay = { ...request(first.id), notes: 'otra cosa' };
    expect(await till.call('sales.create', replay)).toEqual(first);
  });
});

describe('sales.return replayed under the same id', () => {
  it('returns the stored return for the same request and refuses a different one', async () => {
    const sale = await till.call('sales.create', {
      ...request(till.uuid()),
      lines: [{ productId: p, quantity: 3 }],
      payments: [{ method: 'EFECTIVO' as const, amount: 3000 }],
    });
    const input = {
      id: till.uuid(),
      saleId: sale.id,
      reason: 'vencido',
      lines: [{ saleLineId: sale.lines[0]!.id, quantity: 1 }],
    };
    const first = await till.call('sales.return', input);
    expect(await till.call('sales.return', { ...input, reason: ' vencido ' })).toEqual(first);
    const before = counts();
    for (const replay of [
      { ...input, lines: [{ saleLineId: sale.lines[0]!.id, quantity: 2 }] },
      { ...input, reason: 'roto' },
      { ...input, refundMethod: 'TARJETA' },
    ]) {
      const error = await till.fail('sales.return', replay);
      expect(error).toMatchObject({
        code: 'CONFLICT',
        details: { reason: 'IDEMPOTENCY_MISMATCH', id: input.id, number: first.number },
      });
    }
    expect(counts()).toEqual(before);
    expect(await stockOf(till, p)).toBe(8);
  });
});
