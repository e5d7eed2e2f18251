/**
 * Cash a cashier could take without a supervisor: a cash-out above the
 * store's limit (any kind of outflow), and closing a session someone else
 * opened. Refused FORBIDDEN with a reason, audited, and authorised on the
 * spot by a supervisor's PIN, which the audit names.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actingAs, auditRows, user } from '../../testing/fixtures';
import { setUpTill, type Till } from '../../testing/till';

let till: Till;
const CASHIER = { name: 'Carla', pin: '1111' };
const SUPERVISOR = { name: 'Sergio', pin: '2222' };

beforeEach(async () => {
  till = await setUpTill('PE');
  await user(till, CASHIER.name, 'cashier', CASHIER.pin);
  await user(till, SUPERVISOR.name, 'supervisor', SUPERVISOR.pin);
});
afterEach(() => till.close());

const asCashier = <T>(work: () => Promise<T>) => actingAs(till, CASHIER.name, CASHIER.pin, work);
const denied = (action: string) => auditRows(till, action).filter((r) => r.outcome === 'denied');

function cashOut(amount: number, extra: Record<string, unknown> = {}) {
  return {
    id: till.uuid(),
    direction: 'OUT',
    type: 'retiro',
    amount,
    description: 'Al banco',
    ...extra,
  };
}

describe('cash-out limit', () => {
  it('defaults to S/ 200.00 in Peru, and an admin changes it', async () => {
    expect((await till.call('settings.get', {})).cashOutLimit).toBe(20000);
    await till.call('settings.update', { cashOutLimit: 5000 });
    expect((await till.call('settings.get', {})).cashOutLimit).toBe(5000);
    expect(
      (await asCashier(() => till.fail('settings.update', { cashOutLimit: 10 ** 9 }))).code,
    ).toBe('FORBIDDEN');
  });

  it('refuses a cashier a cash-out over it, audited, until a supervisor authorizes', async () => {
    await asCashier(() => till.call('cash.open', { float: 100000 }));
    const within = await asCashier(() => till.call('cash.movement', cashOut(20000) as never));
    expect(within.amount).toBe(20000);
    const input = cashOut(20001);
    const refused = await asCashier(() => till.fail('cash.movement', input));
    expect(refused).toMatchObject({
      code: 'FORBIDDEN',
      details: { reason: 'CASH_OUT_OVER_LIMIT', limit: 20000, requested: 20001 },
    });
    // The message is for people: an amount, not minor units.
    expect(refused.message).toContain('A cash-out over S/\u00a0200.00');
    expect(denied('cash.movement')).toMatchObject([
      { user_name: 'Carla', after: { reason: 'CASH_OUT_OVER_LIMIT' } },
    ]);
    // A "gasto" takes the same cash: the same limit.
    const expense = await asCashier(() =>
      till.fail('cash.movement', cashOut(50000, { type: 'gasto' })),
    );
    expect(expense.details).toMatchObject({ reason: 'CASH_OUT_OVER_LIMIT' });
    const wrongPin = await asCashier(() =>
      till.fail('cash.movement', { ...input, authorizedBy: { ...SUPERVISOR, pin: '9999' } }),
    );
    expect(wrongPin.details).toMatchObject({ reason: 'BAD_AUTHORIZATION' });
    const byCashier = await asCashier(() =>
      till.fail('cash.movement', { ...input, authorizedBy: CASHIER }),
    );
    expect(byCashier.details).toMatchObject({ reason: 'AUTHORIZER_ROLE' });
    const made = await asCashier(() =>
      till.call('cash.movement', { ...input, authorizedBy: SUPERVISOR } as never),
    );
    expect(made).toMatchObject({ amount: 20001, user: { name: 'Carla' } });
    const ok = auditRows(till, 'cash.movement').filter((r) => r.outcome === 'ok');
    expect(ok.at(-1)).toMatchObject({ user_name: 'Carla', after: { authorizedBy: 'Sergio' } });
    // A supervisor takes out more alone; cash coming in has no limit.
    await actingAs(till, SUPERVISOR.name, SUPERVISOR.pin, () =>
      till.call('cash.movement', cashOut(30000) as never),
    );
    await asCashier(() =>
      till.call('cash.movement', cashOut(90000, { direction: 'IN', type: 'otro' }) as never),
    );
  });
});

describe('closing a session', () => {
  it("refuses a cashier closing someone else's session until a supervisor authorizes", async () => {
    await till.call('cash.open', { float: 10000 });
    const refused = await asCashier(() => till.fail('cash.close', { countedCash: 10000 }));
    expect(refused).toMatchObject({
      code: 'FORBIDDEN',
      details: { reason: 'CLOSE_OTHERS_SESSION' },
    });
    expect(denied('cash.close')).toMatchObject([{ after: { reason: 'CLOSE_OTHERS_SESSION' } }]);
    expect(await till.call('cash.current', {})).not.toBeNull();
    const byCashier = await asCashier(() =>
      till.fail('cash.close', { countedCash: 10000, authorizedBy: CASHIER }),
    );
    expect(byCashier.details).toMatchObject({ reason: 'AUTHORIZER_ROLE' });
    const z = await asCashier(() =>
      till.call('cash.close', { countedCash: 10000, authorizedBy: SUPERVISOR } as never),
    );
    expect(z.cash.counted).toBe(10000);
    expect(auditRows(till, 'cash.close').filter((r) => r.outcome === 'ok')).toMatchObject([
      { user_name: 'Carla', after: { authorizedBy: 'Sergio' } },
    ]);
    expect(await till.call('cash.current', {})).toBeNull();
  });

  it('lets a cashier close her own session, and a supervisor anyone’s', async () => {
    await asCashier(() => till.call('cash.open', { float: 10000 }));
    await asCashier(() => till.call('cash.close', { countedCash: 10000 }));
    await asCashier(() => till.call('cash.open', { float: 10000 }));
    await actingAs(till, SUPERVISOR.name, SUPERVISOR.pin, () =>
      till.call('cash.close', { countedCash: 10000 }),
    );
    expect(await till.call('cash.current', {})).toBeNull();
  });
});
