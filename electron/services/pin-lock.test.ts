/**
 * PIN guessing at the till: escalating locks, the admin told on their next
 * login, a login that cannot be audited does not log in, and 6-digit PINs an
 * admin can require. Every PIN check (login, a supervisor's authorization,
 * a PIN change) goes through the same counter.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditRows, openSession, product, sell, user } from '../testing/fixtures';
import { ADMIN, setUpTill, type Till } from '../testing/till';

let till: Till;

beforeEach(async () => {
  till = await setUpTill('PE');
});
afterEach(() => till.close());

async function login(name: string, pin: string) {
  till.session = { actor: null };
  return till.result('auth.login', { name, pin });
}

async function miss(times: number, name = 'Carla') {
  const results = [];
  for (let i = 0; i < times; i++) results.push(await login(name, '0000'));
  return results;
}

const MINUTE = 60_000;

describe('escalating PIN lock', () => {
  it('locks for 1, 5, 15 and then 60 minutes, says how long, and resets on a good login', async () => {
    await user(till, 'Carla', 'cashier', '1111');
    for (const minutes of [1, 5, 15, 60, 60]) {
      const results = await miss(5);
      expect(results.slice(0, 4).map((r) => r.ok || r.error.details?.reason)).toEqual(
        Array(4).fill('BAD_CREDENTIALS'),
      );
      const fifth = results[4]!;
      const until = new Date(till.clock.now.getTime() + minutes * MINUTE).toISOString();
      expect(fifth.ok || fifth.error).toMatchObject({
        code: 'UNAUTHENTICATED',
        details: { reason: 'LOCKED', lockMinutes: minutes, until, retryAfterSeconds: minutes * 60 },
      });
      // The right PIN is refused until the lock ends, and says how long is left.
      till.clock.advance(minutes * MINUTE - 30_000);
      const early = await login('Carla', '1111');
      expect(early.ok || early.error.details).toMatchObject({
        reason: 'LOCKED',
        until,
        retryAfterSeconds: 30,
      });
      till.clock.advance(30_000);
    }
    expect((await login('Carla', '1111')).ok).toBe(true);
    // A good login starts the ladder again at one minute.
    const again = await miss(5);
    expect(again[4]!.ok || again[4]!.error.details).toMatchObject({ lockMinutes: 1 });
  });

  it('counts a supervisor PIN typed to authorize on the same lock as a login', async () => {
    await user(till, 'Carla', 'cashier', '1111');
    await user(till, 'Sergio', 'supervisor', '2222');
    const p = await product(till, { code: 'P', price: 500, stock: 10 });
    await openSession(till);
    const sale = await sell(till, [{ productId: p.id, quantity: 1 }]);
    await till.as('Carla', '1111');
    const tries = [];
    for (let i = 0; i < 6; i++) {
      tries.push(
        await till.fail('sales.void', {
          id: sale.id,
          reason: 'x',
          authorizedBy: { name: 'Sergio', pin: '0000' },
        }),
      );
    }
    expect(tries.map((e) => e.details?.reason)).toEqual([
      'BAD_AUTHORIZATION',
      'BAD_AUTHORIZATION',
      'BAD_AUTHORIZATION',
      'BAD_AUTHORIZATION',
      'AUTHORIZER_LOCKED',
      'AUTHORIZER_LOCKED',
    ]);
    expect(tries[4]!.details).toMatchObject({ lockMinutes: 1, retryAfterSeconds: 60 });
    // Sergio cannot log in either: one counter for every place a PIN is checked.
    const locked = await login('Sergio', '2222');
    expect(locked.ok || locked.error.details).toMatchObject({ reason: 'LOCKED' });
  });
});

describe('the admin is told of lockouts on their next login', () => {
  it('lists who was locked, when and after how many tries, until an admin dismisses it', async () => {
    await user(till, 'Carla', 'cashier', '1111');
    const lockedAt = new Date(till.clock.now.getTime() + 4 * 1000).toISOString();
    for (let i = 0; i < 5; i++) {
      await login('Carla', '0000');
      if (i < 4) till.clock.advance(1000);
    }
    await miss(2); // refused while locked: still counted
    till.clock.advance(MINUTE);
    await miss(5); // a second lockout, five minutes this time
    const lockedUntil = new Date(till.clock.now.getTime() + 5 * MINUTE).toISOString();

    // Nobody reads them without logging in.
    till.session = { actor: null };
    expect((await till.fail('users.lockAlerts', {})).code).toBe('UNAUTHENTICATED');

    expect((await login(ADMIN.name, ADMIN.pin)).ok).toBe(true);
    const alerts = await till.call('users.lockAlerts', {});
    expect(alerts).toEqual([
      {
        id: expect.any(Number),
        userId: expect.any(Number),
        userName: 'Carla',
        firstLockedAt: lockedAt,
        lastLockedAt: new Date(till.clock.now.getTime()).toISOString(),
        lockedUntil,
        lockouts: 2,
        misses: 12,
      },
    ]);
    const dismissed = await till.call('users.dismissLockAlerts', { ids: [alerts[0]!.id] });
    expect(dismissed).toEqual({ dismissed: 1 });
    expect(await till.call('users.lockAlerts', {})).toEqual([]);
    expect(auditRows(till, 'users.dismissLockAlerts')).toMatchObject([
      { user_name: 'Ana', outcome: 'ok' },
    ]);
  });
});

describe('a login that cannot be audited', () => {
  it('does not log in when the disk is full, and says so', async () => {
    await user(till, 'Carla', 'cashier', '1111');
    const sqlite = till.db.sqlite;
    // The file may not grow by one page: fill what room is left, so the next
    // audit row needs a page the disk does not have (SQLITE_FULL).
    const pages = sqlite.pragma('page_count', { simple: true }) as number;
    sqlite.pragma(`max_page_count = ${pages}`);
    const filler = sqlite.prepare(
      "INSERT INTO audit_log (at, user_name, action, outcome, entity, entity_id, reason) VALUES ('x', '', 'filler', 'ok', '', '', '')",
    );
    for (;;) {
      try {
        filler.run();
      } catch (error) {
        expect(String((error as { code?: string }).code)).toBe('SQLITE_FULL');
        break;
      }
    }
    const result = await login('Carla', '1111');
    expect(result.ok || result.error).toMatchObject({
      code: 'INTERNAL',
      details: { reason: 'DISK_FULL' },
    });
    expect(till.session.actor).toBeNull();
    expect(await till.call('auth.current', {})).toBeNull();
    expect((await till.fail('settings.get', {})).code).toBe('UNAUTHENTICATED');

    sqlite.pragma('max_page_count = 1073741823');
    expect((await login('Carla', '1111')).ok).toBe(true);
    expect(auditRows(till, 'auth.login').filter((r) => r.outcome === 'ok')).toHaveLength(2);
  });
});

describe('6-digit PINs', () => {
  it('takes 4 to 6 digits, and only 6 once the admin requires them', async () => {
    await user(till, 'Seis', 'cashier', '123456');
    expect((await login('Seis', '123456')).ok).toBe(true);
    await login(ADMIN.name, ADMIN.pin);
    for (const pin of ['123', '1234567', '12a4']) {
      const error = await till.fail('users.create', { name: `X${pin}`, role: 'cashier', pin });
      expect(error.code).toBe('VALIDATION');
    }
    await till.call('settings.update', { requireSixDigitPins: true });
    expect((await till.call('settings.get', {})).requireSixDigitPins).toBe(true);
    const short = await till.fail('users.create', { name: 'Corto', role: 'cashier', pin: '1111' });
    expect(short).toMatchObject({
      code: 'VALIDATION',
      details: { reason: 'PIN_TOO_SHORT', path: ['pin'], minLength: 6 },
    });
  });

  it('makes a user with a shorter PIN choose a 6-digit one before anything else', async () => {
    await user(till, 'Carla', 'cashier', '1111');
    await user(till, 'Sergio', 'supervisor', '2222');
    await till.call('settings.update', { requireSixDigitPins: true });

    const refused = await login('Carla', '1111');
    expect(refused.ok || refused.error).toMatchObject({
      code: 'UNAUTHENTICATED',
      details: { reason: 'PIN_CHANGE_REQUIRED', minLength: 6 },
    });
    expect(till.session.actor).toBeNull();
    // A right but short PIN is not a miss.
    const row = till.db.sqlite.prepare("SELECT failed_logins FROM users WHERE name = 'Carla'");
    expect(row.get()).toEqual({ failed_logins: 0 });

    const tooShort = await till.fail('auth.changePin', {
      name: 'Carla',
      pin: '1111',
      newPin: '4321',
    });
    expect(tooShort.details).toMatchObject({ reason: 'PIN_TOO_SHORT', path: ['newPin'] });
    const wrongOld = await till.fail('auth.changePin', {
      name: 'Carla',
      pin: '9999',
      newPin: '654321',
    });
    expect(wrongOld.details).toMatchObject({ reason: 'BAD_CREDENTIALS' });
    expect(row.get()).toEqual({ failed_logins: 1 });
    await till.call('auth.changePin', { name: 'Carla', pin: '1111', newPin: '654321' });
    expect((await login('Carla', '1111')).ok).toBe(false);
    expect((await login('Carla', '654321')).ok).toBe(true);
    expect(auditRows(till, 'auth.changePin').map((r) => [r.user_name, r.outcome])).toEqual([
      ['', 'denied'],
      ['Carla', 'ok'],
    ]);

    // The admin's own short PIN too; then a supervisor's short PIN cannot authorize.
    const ana = await login(ADMIN.name, ADMIN.pin);
    expect(ana.ok || ana.error.details).toMatchObject({ reason: 'PIN_CHANGE_REQUIRED' });
    await till.call('auth.changePin', { name: 'Ana', pin: ADMIN.pin, newPin: '123456' });
    expect((await login('Ana', '123456')).ok).toBe(true);
    const p = await product(till, { code: 'P', price: 500, stock: 10 });
    await openSession(till);
    const sale = await sell(till, [{ productId: p.id, quantity: 1 }]);
    await till.as('Carla', '654321');
    const error = await till.fail('sales.void', {
      id: sale.id,
      reason: 'x',
      authorizedBy: { name: 'Sergio', pin: '2222' },
    });
    expect(error).toMatchObject({
      code: 'FORBIDDEN',
      details: { reason: 'AUTHORIZER_PIN_CHANGE', minLength: 6 },
    });
  });
});
