/**
 * Routes a cashier could take money out by without a supervisor: a deep
 * discount, an edit that lowers a sale or its cash, an edit of someone else's
 * sale. Each is refused FORBIDDEN with a reason, audited, and goes through on
 * the spot with a supervisor's name and PIN, which the audit names.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorInfo } from '../../../core/errors';
import { actingAs, auditRows, openSession, product, sell, user } from '../../testing/fixtures';
import { setUpTill, type Till } from '../../testing/till';

let till: Till;
let rice: number;
const CASHIER = { name: 'Carla', pin: '1111' };
const SUPERVISOR = { name: 'Sergio', pin: '2222' };

beforeEach(async () => {
  till = await setUpTill('PE');
  await user(till, CASHIER.name, 'cashier', CASHIER.pin);
  await user(till, SUPERVISOR.name, 'supervisor', SUPERVISOR.pin);
  rice = (await product(till, { code: 'ARZ', price: 10000, stock: 50 })).id;
  await openSession(till, 50000);
});
afterEach(() => till.close());

const asCashier = <T>(work: () => Promise<T>) => actingAs(till, CASHIER.name, CASHIER.pin, work);

function saleInput(extra: Record<string, unknown>) {
  return {
    id: till.uuid(),
    lines: [{ productId: rice, quantity: 2 }],
    payments: [{ method: 'EFECTIVO', amount: 20000 }],
    ...extra,
  };
}

function denied(action: string) {
  return auditRows(till, action).filter((r) => r.outcome === 'denied');
}

/** The same call refused with a wrong PIN and with a cashier as authorizer. */
async function badAuthorizers(channel: 'sales.create' | 'sales.update', input: object) {
  const wrongPin = await asCashier(() =>
    till.fail(channel, { ...input, authorizedBy: { name: SUPERVISOR.name, pin: '9999' } }),
  );
  expect(wrongPin).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'BAD_AUTHORIZATION' } });
  const cashier = await asCashier(() => till.fail(channel, { ...input, authorizedBy: CASHIER }));
  expect(cashier).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'AUTHORIZER_ROLE' } });
}

describe('discounts over the limit', () => {
  it("refuses a cashier's 99 % line discount, audited, until a supervisor's PIN", async () => {
    const input = saleInput({
      lines: [{ productId: rice, quantity: 2, discount: 19800 }],
      payments: [{ method: 'EFECTIVO', amount: 200 }],
    });
    const refused = await asCashier(() => till.fail('sales.create', input));
    expect(refused).toMatchObject({
      code: 'FORBIDDEN',
      details: { reason: 'DISCOUNT_OVER_LIMIT', limit: 10, path: ['lines', 0, 'discount'] },
    });
    expect(denied('sales.create')).toMatchObject([
      { user_name: 'Carla', after: { reason: 'DISCOUNT_OVER_LIMIT' } },
    ]);
    await badAuthorizers('sales.create', input);
    const sale = await asCashier(() =>
      till.call('sales.create', { ...input, authorizedBy: SUPERVISOR } as never),
    );
    expect(sale).toMatchObject({ total: 200, lineDiscount: 19800 });
    const ok = auditRows(till, 'sales.create').filter((r) => r.outcome === 'ok');
    expect(ok).toMatchObject([{ user_name: 'Carla', after: { authorizedBy: 'Sergio' } }]);
  });

  it('refuses an order discount, and line and order discounts that stack over the limit', async () => {
    const order = await asCashier(() =>
      till.fail('sales.create', saleInput({ orderDiscount: 2001 })),
    );
    expect(order).toMatchObject({
      code: 'FORBIDDEN',
      details: { reason: 'DISCOUNT_OVER_LIMIT', path: ['orderDiscount'] },
    });
    // 8 % off the line and 8 % off the order: each under 10 %, together 15.4 %.
    const stacked = await asCashier(() =>
      till.fail(
        'sales.create',
        saleInput({
          lines: [{ productId: rice, quantity: 2, discount: 1600 }],
          orderDiscount: 1472,
        }),
      ),
    );
    expect(stacked.details).toMatchObject({ reason: 'DISCOUNT_OVER_LIMIT' });
  });

  it('lets a cashier give up to the limit, a supervisor any, and an admin move the limit', async () => {
    const atLimit = await asCashier(() =>
      till.call('sales.create', saleInput({ orderDiscount: 2000 }) as never),
    );
    expect(atLimit.total).toBe(18000);
    const deep = await actingAs(till, SUPERVISOR.name, SUPERVISOR.pin, () =>
      till.call('sales.create', saleInput({ orderDiscount: 15000 }) as never),
    );
    expect(deep.total).toBe(5000);
    const cashierRefused = await asCashier(() =>
      till.fail('settings.update', { discountLimit: 100 }),
    );
    expect(cashierRefused.code).toBe('FORBIDDEN');
    expect((await till.fail('settings.update', { discountLimit: 101 })).code).toBe('VALIDATION');
    await till.call('settings.update', { discountLimit: 50 });
    expect((await till.call('settings.get', {})).discountLimit).toBe(50);
    const half = await asCashier(() =>
      till.call('sales.create', saleInput({ orderDiscount: 10000 }) as never),
    );
    expect(half.total).toBe(10000);
  });
});

describe('edits that work as refunds', () => {
  async function cashierSale() {
    return asCashier(() =>
      sell(till, [{ productId: rice, quantity: 2 }], {
        payments: [{ method: 'EFECTIVO', amount: 20000 }],
      }),
    );
  }

  it("refuses a cashier's edit that lowers the total until a supervisor authorizes it", async () => {
    const sale = await cashierSale();
    const input = {
      id: sale.id,
      reason: 'Se llevó uno',
      lines: [{ lineId: sale.lines[0]!.id, quantity: 1 }],
      payments: [{ method: 'EFECTIVO', amount: 10000 }],
    };
    const refused = await asCashier(() => till.fail('sales.update', input));
    expect(refused).toMatchObject({
      code: 'FORBIDDEN',
      details: { reason: 'EDIT_LOWERS_TOTAL', before: 20000, after: 10000 },
    });
    expect(denied('sales.update')).toMatchObject([{ after: { reason: 'EDIT_LOWERS_TOTAL' } }]);
    expect((await till.call('sales.get', { id: sale.id })).total).toBe(20000);
    await badAuthorizers('sales.update', input);
    const edited = await asCashier(() =>
      till.call('sales.update', { ...input, authorizedBy: SUPERVISOR } as never),
    );
    expect(edited.total).toBe(10000);
    const ok = auditRows(till, 'sales.update').filter((r) => r.outcome === 'ok');
    expect(ok).toMatchObject([{ user_name: 'Carla', after: { authorizedBy: 'Sergio' } }]);
  });

  it('refuses turning cash into card, which leaves the cash in the drawer to take', async () => {
    const sale = await cashierSale();
    const input = {
      id: sale.id,
      reason: 'Pagó con tarjeta',
      payments: [{ method: 'TARJETA', amount: 20000 }],
    };
    const refused = await asCashier(() => till.fail('sales.update', input));
    expect(refused.details).toMatchObject({ reason: 'EDIT_LOWERS_CASH', before: 20000, after: 0 });
    const edited = await asCashier(() =>
      till.call('sales.update', { ...input, authorizedBy: SUPERVISOR } as never),
    );
    expect(edited.payments[0]).toMatchObject({ method: 'TARJETA' });
  });

  it("refuses any edit of another user's sale by a cashier, even of the name", async () => {
    const sale = await sell(till, [{ productId: rice }]);
    const input = { id: sale.id, reason: 'Nombre', customerName: 'Juan' };
    const refused: ErrorInfo = await asCashier(() => till.fail('sales.update', input));
    expect(refused).toMatchObject({
      code: 'FORBIDDEN',
      details: { reason: 'EDIT_OTHERS_SALE', cashier: 'Ana' },
    });
    expect(denied('sales.update')).toHaveLength(1);
    const edited = await asCashier(() =>
      till.call('sales.update', { ...input, authorizedBy: SUPERVISOR } as never),
    );
    expect(edited.customer.name).toBe('Juan');
    // Her own sale, raised rather than lowered: no supervisor needed.
    const own = await cashierSale();
    const more = await asCashier(() =>
      till.call('sales.update', {
        id: own.id,
        reason: 'Uno más',
        lines: [{ lineId: own.lines[0]!.id, quantity: 3 }],
        payments: [{ method: 'EFECTIVO', amount: 30000 }],
      } as never),
    );
    expect(more.total).toBe(30000);
  });
});
