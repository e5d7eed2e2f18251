/**
 * The sync.* channels through the real API, and the background runner, against
 * the real server app on a loopback port.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { actingAs, openSession, product, sell, user } from '../../testing/fixtures';
import { startTestServer, type TestServer, type TestStore } from '../../testing/sync-server';
import { setUpTill, type Till } from '../../testing/till';
import { startSyncRunner } from './runner';

let server: TestServer;
let store: TestStore;
let till: Till;

beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  till = await setUpTill('PE');
  store = await server.store();
  await user(till, 'Rosa', 'cashier', '2468');
});
afterEach(() => till.close());

function pending(): number {
  return till.db.sqlite
    .prepare('SELECT count(*) FROM outbox WHERE sent_at IS NULL')
    .pluck()
    .get() as number;
}

describe('sync channels', () => {
  it('lets an admin enrol and push; the credential never comes back through the API', async () => {
    const code = await store.code();
    const status = await till.call('sync.enroll', { serverUrl: `${server.url}/`, code });
    expect(status).toMatchObject({ enrolled: true, serverUrl: server.url, registerCode: 'CAJA1' });
    const credential = till.db.sqlite
      .prepare('SELECT credential FROM sync_state')
      .pluck()
      .get() as string;
    expect(JSON.stringify(status)).not.toContain(credential);

    await openSession(till);
    const p = await product(till, { code: 'ARROZ', price: 590, stock: 10 });
    await sell(till, [{ productId: p.id, quantity: 1 }]);
    await actingAs(till, 'Rosa', '2468', async () => {
      // A cashier sees the state and may send now, never the credential.
      const seen = await till.call('sync.status', {});
      expect(seen.pending).toBeGreaterThan(0);
      expect(JSON.stringify(seen)).not.toContain(credential);
      const pushed = await till.call('sync.pushNow', {});
      expect(pushed).toMatchObject({ status: { phase: 'synced', pending: 0 } });
      expect(pushed.acknowledged).toBeGreaterThan(0);
    });
    expect(await store.saleCount()).toBe(1);
    const audit = till.db.sqlite
      .prepare("SELECT count(*) FROM audit_log WHERE action = 'sync.enroll'")
      .pluck()
      .get();
    expect(audit).toBe(1);
  });

  it('refuses enrolment and settings to a cashier, and writes nothing', async () => {
    const code = await store.code();
    await actingAs(till, 'Rosa', '2468', async () => {
      expect(await till.fail('sync.enroll', { serverUrl: server.url, code })).toMatchObject({
        code: 'FORBIDDEN',
      });
      expect(await till.fail('sync.settings', { serverUrl: 'http://10.0.0.2:5858' })).toMatchObject(
        { code: 'FORBIDDEN' },
      );
    });
    expect(await till.call('sync.status', {})).toMatchObject({ phase: 'not-enrolled' });
  });

  it('refuses a bad address or code with VALIDATION', async () => {
    expect(
      await till.fail('sync.enroll', { serverUrl: 'ftp://server', code: 'K7QM-2XRP-9TDA' }),
    ).toMatchObject({ code: 'VALIDATION' });
    expect(
      await till.fail('sync.enroll', { serverUrl: 'http://a:b@server', code: 'K7QM-2XRP-9TDA' }),
    ).toMatchObject({ code: 'VALIDATION' });
    expect(await till.fail('sync.enroll', { serverUrl: server.url, code: 'x;' })).toMatchObject({
      code: 'VALIDATION',
    });
  });

  it('changes the server address only once enrolled', async () => {
    expect(await till.fail('sync.settings', { serverUrl: server.url })).toMatchObject({
      code: 'INVALID_STATE',
      details: { reason: 'NOT_ENROLLED' },
    });
    await till.call('sync.enroll', { serverUrl: server.url, code: await store.code() });
    const moved = await till.call('sync.settings', { serverUrl: 'http://127.0.0.1:9' });
    expect(moved.serverUrl).toBe('http://127.0.0.1:9');
    const round = await till.call('sync.pushNow', {});
    expect(round.status.phase).toBe('offline');
  });
});

describe('the background runner', () => {
  it('pushes new sales by itself, and keeps them while the server is away', async () => {
    await till.call('sync.enroll', { serverUrl: server.url, code: await store.code() });
    await openSession(till);
    const p = await product(till, { code: 'ARROZ', price: 590, stock: 10 });
    const runner = startSyncRunner({
      ctx: () => ({ db: till.db, now: () => new Date() }),
      idleMs: 20,
    });
    try {
      await sell(till, [{ productId: p.id, quantity: 1 }]);
      await expect.poll(pending, { timeout: 10_000 }).toBe(0);
      expect(await store.saleCount()).toBe(1);

      till.db.sqlite.prepare("UPDATE sync_state SET server_url = 'http://127.0.0.1:9'").run();
      await sell(till, [{ productId: p.id, quantity: 1 }]);
      await expect
        .poll(() => till.db.sqlite.prepare('SELECT offline_since FROM sync_state').pluck().get(), {
          timeout: 10_000,
        })
        .not.toBeNull();
      expect(pending()).toBeGreaterThan(0);
    } finally {
      await runner.stop();
    }
  });
});
