import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actingAs, auditRows, user } from '../testing/fixtures';
import { setUpTill, type Till } from '../testing/till';

let till: Till;

beforeEach(async () => {
  till = await setUpTill('PE');
});
afterEach(() => till.close());

async function login(name: string, pin: string) {
  till.session = { actor: null };
  return till.result('auth.login', { name, pin });
}

describe('auth.login', () => {
  it('refuses a wrong PIN or an unknown user alike', async () => {
    await user(till, 'Carla', 'cashier', '1111');
    for (const [name, pin] of [
      ['Carla', '1112'],
      ['Nadie', '1111'],
    ]) {
      const result = await login(name!, pin!);
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'UNAUTHENTICATED', details: { reason: 'BAD_CREDENTIALS' } },
      });
      expect(till.session.actor).toBeNull();
    }
    expect((await login('Carla', '1111')).ok).toBe(true);
    expect(till.session.actor).toMatchObject({ name: 'Carla', role: 'cashier' });
  });

  it('locks a user for 60 s after 5 wrong PINs in a row (the first step of the ladder)', async () => {
    await user(till, 'Carla', 'cashier', '1111');
    for (let i = 1; i <= 4; i++) {
      const result = await login('Carla', '0000');
      expect(result.ok || result.error.details).toMatchObject({ reason: 'BAD_CREDENTIALS' });
    }
    const fifth = await login('Carla', '0000');
    expect(fifth.ok || fifth.error.details).toMatchObject({ reason: 'LOCKED' });
    const locked = await login('Carla', '1111');
    expect(locked.ok || locked.error).toMatchObject({
      code: 'UNAUTHENTICATED',
      details: { reason: 'LOCKED', until: '2026-03-06T15:31:00.000Z' },
    });
    till.clock.advance(59_000);
    expect((await login('Carla', '1111')).ok).toBe(false);
    till.clock.advance(1_001);
    expect((await login('Carla', '1111')).ok).toBe(true);
    const denied = auditRows(till, 'auth.login').filter((r) => r.outcome === 'denied');
    expect(denied.map((r) => r.reason)).toEqual([
      'wrong PIN',
      'wrong PIN',
      'wrong PIN',
      'wrong PIN',
      'locked 1 min',
      'refused: locked',
      'refused: locked',
    ]);
  });

  it('a right PIN resets the count of wrong ones', async () => {
    await user(till, 'Carla', 'cashier', '1111');
    for (let i = 0; i < 4; i++) await login('Carla', '0000');
    expect((await login('Carla', '1111')).ok).toBe(true);
    for (let i = 0; i < 4; i++) await login('Carla', '0000');
    expect((await login('Carla', '1111')).ok).toBe(true);
  });

  it('lets an admin reset a locked PIN', async () => {
    await user(till, 'Carla', 'cashier', '1111');
    const admin = till.session;
    for (let i = 0; i < 5; i++) await login('Carla', '0000');
    till.session = admin;
    const carla = (await till.call('users.list', {})).find((u) => u.name === 'Carla')!;
    await till.call('users.update', { id: carla.id, pin: '5555' });
    expect((await login('Carla', '5555')).ok).toBe(true);
  });
});

describe('users', () => {
  it("takes a deactivated user's rights away at once, even mid-session", async () => {
    const carla = await user(till, 'Carla', 'cashier', '1111');
    const admin = await till.as('Carla', '1111');
    const carlaSession = till.session;
    expect((await till.call('settings.get', {})).businessName).toBe('Bodega Don Lucho');
    till.session = admin;
    await till.call('users.update', { id: carla.id, active: false });
    till.session = carlaSession;
    expect((await till.fail('settings.get', {})).code).toBe('UNAUTHENTICATED');
    expect(carlaSession.actor).toBeNull();
    expect((await login('Carla', '1111')).ok).toBe(false);
    till.session = admin;
    expect((await till.call('users.names', {})).map((u) => u.name)).toEqual(['Ana']);
  });

  it("takes a demoted user's rights away at once", async () => {
    const sergio = await user(till, 'Sergio', 'supervisor', '2222');
    const admin = await till.as('Sergio', '2222');
    const sergioSession = till.session;
    expect((await till.call('audit.list', {})).length).toBeGreaterThan(0);
    till.session = admin;
    await till.call('users.update', { id: sergio.id, role: 'cashier' });
    till.session = sergioSession;
    expect((await till.fail('audit.list', {})).code).toBe('FORBIDDEN');
  });

  it('never demotes or deactivates the last active admin', async () => {
    for (const change of [{ role: 'supervisor' }, { role: 'cashier' }, { active: false }]) {
      const error = await till.fail('users.update', { id: 1, ...change });
      expect(error).toMatchObject({ code: 'INVALID_STATE', details: { reason: 'LAST_ADMIN' } });
    }
    const second = await user(till, 'Beto', 'admin', '4444');
    const demoted = await till.call('users.update', { id: 1, role: 'supervisor' });
    expect(demoted.role).toBe('supervisor');
    // Ana is no admin any more; Beto is the last one now.
    await actingAs(till, 'Beto', '4444', async () => {
      const error = await till.fail('users.update', { id: second.id, active: false });
      expect(error.details).toMatchObject({ reason: 'LAST_ADMIN' });
    });
  });

  it('lists users in Spanish alphabetical order, active first', async () => {
    await user(till, 'Óscar', 'cashier', '1111');
    await user(till, 'beto', 'cashier', '2222');
    const olga = await user(till, 'Olga', 'cashier', '3333');
    await user(till, 'Ángel', 'supervisor', '4444');
    await till.call('users.update', { id: olga.id, active: false });
    expect((await till.call('users.list', {})).map((u) => u.name)).toEqual([
      'Ana',
      'Ángel',
      'beto',
      'Óscar',
      'Olga',
    ]);
    expect((await till.call('users.names', {})).map((u) => u.name)).toEqual([
      'Ana',
      'Ángel',
      'beto',
      'Óscar',
    ]);
  });

  it('refuses duplicate names whatever their case, and non-admins', async () => {
    const carla = await user(till, 'Carla', 'cashier', '1111');
    const dup = await till.fail('users.create', { name: 'CARLA', role: 'cashier', pin: '9999' });
    expect(dup).toMatchObject({ code: 'CONFLICT', details: { reason: 'DUPLICATE_NAME' } });
    const sergio = await user(till, 'Sergio', 'supervisor', '2222');
    const rename = await till.fail('users.update', { id: sergio.id, name: 'carla' });
    expect(rename).toMatchObject({ code: 'CONFLICT', details: { reason: 'DUPLICATE_NAME' } });
    const forbidden = await actingAs(till, 'Sergio', '2222', () =>
      till.fail('users.create', { name: 'Nuevo', role: 'admin', pin: '9999' }),
    );
    expect(forbidden.code).toBe('FORBIDDEN');
    const list = await till.call('users.list', {});
    expect(list.map((u) => [u.name, u.role, u.active])).toEqual([
      ['Ana', 'admin', true],
      ['Carla', 'cashier', true],
      ['Sergio', 'supervisor', true],
    ]);
    expect(carla).toMatchObject({ name: 'Carla', role: 'cashier', active: true });
    expect(JSON.stringify(list)).not.toContain('scrypt');
    const [created] = auditRows(till, 'users.create');
    expect(JSON.stringify(created)).not.toContain('1111');
  });
});
