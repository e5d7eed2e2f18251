/**
 * The till's pusher against the real server app (in-process PGlite, a real
 * loopback port): enrolment, batches, every refusal the server can answer,
 * and a network that is not there. Nothing is mocked but the failures a
 * fetch wrapper injects.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../context';
import { openSession, product, sell } from '../../testing/fixtures';
import { setUpTill, type Till } from '../../testing/till';
import { startTestServer, type TestServer, type TestStore } from '../../testing/sync-server';
import { enrollTill } from './enroll';
import { pruneOutbox } from './prune';
import { pushPending } from './push';
import { readSyncState, syncStatus } from './state';
import type { Fetch } from './client';

let till: Till;
let ctx: ServiceContext;
let shared: TestServer;
let server: { url: string; revoke(deviceId: string): Promise<void> };
let store: TestStore;

async function sellSome(n: number): Promise<void> {
  const p = await product(till, {
    code: `P${n}-${Math.random()}`.slice(0, 12),
    price: 590,
    stock: 1000,
  });
  for (let i = 0; i < n; i++) await sell(till, [{ productId: p.id, quantity: 1 }]);
}

function pending(): number {
  return till.db.sqlite
    .prepare('SELECT count(*) FROM outbox WHERE sent_at IS NULL')
    .pluck()
    .get() as number;
}
function total(): number {
  return till.db.sqlite.prepare('SELECT count(*) FROM outbox').pluck().get() as number;
}

/** Counts requests and their batch sizes on their way to the real server. */
function countingFetch(log: number[]): Fetch {
  return async (input, init) => {
    if (typeof init?.body === 'string') log.push((JSON.parse(init.body).events ?? []).length);
    return fetch(input, init);
  };
}

async function enroll(): Promise<void> {
  await enrollTill(ctx, { serverUrl: server.url, code: await store.code() });
}

beforeAll(async () => {
  shared = await startTestServer();
}, 60_000);
afterAll(async () => {
  await shared.close();
});
beforeEach(async () => {
  till = await setUpTill('PE');
  ctx = { db: till.db, actor: null, now: () => till.clock.now, newId: till.uuid };
  await openSession(till);
  server = shared;
  store = await shared.store();
});
afterEach(() => {
  till.close();
});

/** A server of its own, with other limits, for one test. */
async function ownServer(
  options: Parameters<typeof startTestServer>[0],
): Promise<() => Promise<void>> {
  const own = await startTestServer(options);
  server = own;
  store = await own.store();
  return () => own.close();
}

describe('enrolment', () => {
  it('stores the credential out of sight, claims the series and pushes the history', async () => {
    await sellSome(3);
    const before = total();
    expect(syncStatus(ctx).phase).toBe('not-enrolled');
    expect((await pushPending(ctx)).stop).toBe('not-enrolled');

    await enroll();
    const status = syncStatus(ctx);
    expect(status).toMatchObject({
      phase: 'pending',
      enrolled: true,
      registerCode: 'CAJA1',
      pending: before,
    });
    expect(status.series).toContainEqual({ documentType: 'BOLETA', series: 'B001' });
    expect(JSON.stringify(status)).not.toContain(readSyncState(ctx)!.credential);

    const round = await pushPending(ctx);
    expect(round).toMatchObject({ stop: 'done', acknowledged: before, replayed: 0 });
    expect(pending()).toBe(0);
    expect(await store.eventCount()).toBe(before);
    expect(await store.saleCount()).toBe(3);
    expect(syncStatus(ctx)).toMatchObject({ phase: 'synced', acknowledgedSeq: before });
  });

  it('refuses a wrong code with a clear error and stores nothing', async () => {
    await expect(
      enrollTill(ctx, { serverUrl: server.url, code: 'AAAA-BBBB-CCCC' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { reason: 'ENROLMENT_CODE_INVALID' },
    });
    expect(readSyncState(ctx)).toBeNull();
  });

  it('says when the server cannot be reached, and stores nothing', async () => {
    await expect(
      enrollTill(ctx, { serverUrl: 'http://127.0.0.1:9', code: 'AAAA-BBBB-CCCC' }),
    ).rejects.toMatchObject({
      code: 'INVALID_STATE',
      details: { reason: 'SERVER_UNREACHABLE' },
    });
    expect(readSyncState(ctx)).toBeNull();
  });

  it('refuses to enrol twice unless told to replace', async () => {
    await enroll();
    await expect(
      enrollTill(ctx, { serverUrl: server.url, code: await store.code() }),
    ).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'ALREADY_ENROLLED' } });
  });
});

describe('pushing', () => {
  it('sends batches of consecutive seqs no larger than asked', async () => {
    await sellSome(4);
    await enroll();
    const sizes: number[] = [];
    const round = await pushPending(ctx, { batchSize: 3, fetch: countingFetch(sizes) });
    expect(round.stop).toBe('done');
    expect(sizes.every((n) => n <= 3)).toBe(true);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(total());
    expect(await store.eventCount()).toBe(total());
  });

  it('keeps every event pending while the server is unreachable, then sends them once', async () => {
    await enroll();
    await sellSome(2);
    const url = server.url;
    till.db.sqlite.prepare("UPDATE sync_state SET server_url = 'http://127.0.0.1:9'").run();
    const round = await pushPending(ctx);
    expect(round.stop).toBe('offline');
    const status = syncStatus(ctx);
    expect(status).toMatchObject({
      phase: 'offline',
      pending: total(),
      lastError: { code: 'OFFLINE' },
    });
    expect(status.offlineSince).toBe(till.clock.now.toISOString());
    till.clock.advance(60_000);
    await pushPending(ctx);
    // Offline since the first failure, not the latest.
    expect(syncStatus(ctx).offlineSince).toBe(status.offlineSince);

    till.db.sqlite.prepare('UPDATE sync_state SET server_url = ?').run(url);
    expect((await pushPending(ctx)).stop).toBe('done');
    expect(syncStatus(ctx)).toMatchObject({ phase: 'synced', offlineSince: null, pending: 0 });
    expect(await store.eventCount()).toBe(total());
  });

  it('resends from the seq the server expects after a gap (a server restored from a backup)', async () => {
    await enroll();
    await sellSome(3);
    // The till believes the first events are on the server; the server never got them.
    till.db.sqlite
      .prepare("UPDATE outbox SET sent_at = '2026-03-06T15:00:00.000Z' WHERE seq <= 2")
      .run();
    const round = await pushPending(ctx);
    expect(round.stop).toBe('done');
    expect(pending()).toBe(0);
    expect(await store.eventCount()).toBe(total());
    expect(await store.saleCount()).toBe(3);
  });

  it('acknowledges a resend as a replay: nothing doubled', async () => {
    await enroll();
    await sellSome(2);
    await pushPending(ctx);
    // As if the till died before recording the acknowledgement.
    till.db.sqlite.prepare('UPDATE outbox SET sent_at = NULL').run();
    const round = await pushPending(ctx);
    expect(round).toMatchObject({ stop: 'done', replayed: total() });
    expect(await store.eventCount()).toBe(total());
    expect(await store.saleCount()).toBe(2);
  });

  it('stops and asks for attention on a replay with other content', async () => {
    await enroll();
    await sellSome(1);
    await pushPending(ctx);
    till.db.sqlite
      .prepare(
        "UPDATE outbox SET sent_at = NULL, payload = json_set(payload, '$.total', 1) WHERE type = 'sale.created'",
      )
      .run();
    const round = await pushPending(ctx);
    expect(round.stop).toBe('attention');
    expect(syncStatus(ctx)).toMatchObject({ phase: 'attention', attention: 'REPLAY_MISMATCH' });
    // The background loop does not retry what cannot succeed; a person's "sync now" does.
    expect((await pushPending(ctx)).stop).toBe('attention');
    expect((await pushPending(ctx, { force: true })).stop).toBe('attention');
    expect(pending()).toBe(1);
  });

  it('stops on a revoked device and keeps every event', async () => {
    await enroll();
    await sellSome(1);
    await server.revoke(readSyncState(ctx)!.deviceId);
    const round = await pushPending(ctx);
    expect(round.stop).toBe('attention');
    expect(syncStatus(ctx)).toMatchObject({ attention: 'REVOKED', pending: total() });
  });

  it('surfaces events the server kept for review, and goes on', async () => {
    await enroll();
    await sellSome(1);
    // A void of a sale the server never heard of: stored for review, the sequence advances.
    till.db.sqlite
      .prepare(
        "INSERT INTO outbox (event_id, type, aggregate_id, payload, created_at, attempts) VALUES ('00000000-0000-4000-8000-0000000abcde', 'sale.voided', '00000000-0000-4000-8000-0000000fffff', ?, '2026-03-06T15:30:00.000Z', 0)",
      )
      .run(
        JSON.stringify({
          id: '00000000-0000-4000-8000-0000000fffff',
          reason: 'x',
          voidedAt: '2026-03-06T15:30:00.000Z',
        }),
      );
    await sellSome(1);
    const round = await pushPending(ctx);
    expect(round).toMatchObject({ stop: 'done', rejected: 1 });
    const status = syncStatus(ctx);
    expect(status.pending).toBe(0);
    expect(status.review).toHaveLength(1);
    expect(status.review[0]).toMatchObject({ eventId: '00000000-0000-4000-8000-0000000abcde' });
  });

  it('warns when the till clock is more than 2 minutes off the server', async () => {
    till.clock.now = new Date();
    await enroll();
    expect(syncStatus(ctx).clockWarning).toBe(false);
    till.clock.now = new Date(Date.now() - 3 * 60_000);
    await sellSome(1);
    await pushPending(ctx);
    const status = syncStatus(ctx);
    expect(status.clockOffsetMs).toBeGreaterThan(2 * 60_000);
    expect(status.clockWarning).toBe(true);
  });
});

describe('limits', { timeout: 120_000 }, () => {
  it('halves the batch on 413 and stops on one event too large', async () => {
    const close = await ownServer({ bodyLimit: 9_000 });
    await sellSome(6);
    await enroll();
    const sizes: number[] = [];
    const round = await pushPending(ctx, { fetch: countingFetch(sizes) });
    expect(round.stop).toBe('done');
    expect(sizes[0]).toBe(total());
    expect(Math.min(...sizes)).toBeLessThan(total());
    expect(await store.eventCount()).toBe(total());
    await close();

    const closeSmall = await ownServer({ bodyLimit: 500 });
    till.db.sqlite.prepare('DELETE FROM sync_state').run();
    till.db.sqlite.prepare('UPDATE outbox SET sent_at = NULL').run();
    await enroll();
    expect((await pushPending(ctx)).stop).toBe('attention');
    expect(syncStatus(ctx)).toMatchObject({ attention: 'TOO_LARGE', pending: total() });
    await closeSmall();
  });

  it('backs off when rate limited', async () => {
    const close = await ownServer({ rateLimit: { max: 1, timeWindow: 60_000 } });
    await enroll();
    await sellSome(1);
    // Enrolment counted against the address; this first push is the device's one request.
    expect((await pushPending(ctx)).stop).toBe('done');
    await sellSome(1);
    const round = await pushPending(ctx);
    expect(round.stop).toBe('rate-limited');
    expect(round.retryAfterMs).toBeGreaterThan(0);
    expect(syncStatus(ctx)).toMatchObject({
      lastError: { code: 'RATE_LIMITED' },
      pending: pending(),
    });
    expect(pending()).toBeGreaterThan(0);
    await close();
  });
});

describe('pruning', () => {
  it('deletes acknowledged events older than N days, never pending ones', async () => {
    await sellSome(2);
    await enroll();
    await pushPending(ctx);
    await sellSome(1);
    const waiting = pending();
    const everything = total();
    expect(waiting).toBeGreaterThan(0);
    till.clock.advance(29 * 86_400_000);
    expect(pruneOutbox(ctx, 30)).toBe(0);
    till.clock.advance(2 * 86_400_000);
    expect(pruneOutbox(ctx, 30)).toBeGreaterThan(0);
    expect(total()).toBe(waiting);
    expect(pending()).toBe(waiting);
    // A year later, still never the unacknowledged ones.
    till.clock.advance(365 * 86_400_000);
    pruneOutbox(ctx, 30);
    expect(pending()).toBe(waiting);
    // And seqs go on after pruning: the next push is consecutive.
    expect((await pushPending(ctx)).stop).toBe('done');
    expect(await store.eventCount()).toBe(everything);
  });
});
