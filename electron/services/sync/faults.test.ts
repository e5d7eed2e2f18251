/**
 * Faults with real processes: the server (`tsx server/main.ts` on a PGlite
 * folder) SIGKILLed mid-push and started again, a reply lost after the server
 * committed, and the till's process SIGKILLed between the server's
 * acknowledgement and recording it. Each ends with the server holding every
 * event of the till's outbox exactly once.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, countDistinct } from 'drizzle-orm';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDatabase } from '../../../server/db/open';
import { events, sales } from '../../../server/db/schema';
import { openSession, product, sell } from '../../testing/fixtures';
import {
  freeLoopbackPort,
  startServerProcess,
  type ServerProcess,
} from '../../testing/server-process';
import { setUpTill, type Till } from '../../testing/till';
import type { ServiceContext } from '../context';
import type { Fetch } from './client';
import { enrollTill } from './enroll';
import { pushPending } from './push';
import { syncStatus } from './state';

const root = join(import.meta.dirname, '..', '..', '..');
let dir: string;
let till: Till;
let ctx: ServiceContext;
let server: ServerProcess | null = null;
const SALES = 12;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tendero-sync-faults-'));
  till = await setUpTill('PE');
  ctx = { db: till.db, actor: null, now: () => till.clock.now, newId: till.uuid };
  await openSession(till);
  const p = await product(till, { code: 'ARROZ', price: 590, stock: 1000 });
  for (let i = 0; i < SALES; i++) await sell(till, [{ productId: p.id, quantity: 1 }]);
});
afterEach(async () => {
  if (server && server.child.exitCode === null && server.child.signalCode === null) {
    server.child.kill('SIGKILL');
    await server.exited();
  }
  server = null;
  till.close();
  rmSync(dir, { recursive: true, force: true });
});

function outboxSize(): number {
  return till.db.sqlite.prepare('SELECT count(*) FROM outbox').pluck().get() as number;
}
function pendingCount(): number {
  return till.db.sqlite
    .prepare('SELECT count(*) FROM outbox WHERE sent_at IS NULL')
    .pluck()
    .get() as number;
}

/** Stops the server cleanly and reads its PGlite folder: events, distinct ids, sales. */
async function serverHolds(): Promise<{ events: number; ids: number; sales: number }> {
  server!.child.kill('SIGTERM');
  await server!.exited();
  server = null;
  const db = await openDatabase({ dataDir: join(dir, 'data') });
  try {
    const [e] = await db.orm
      .select({ n: count(), ids: countDistinct(events.eventId) })
      .from(events);
    const [s] = await db.orm.select({ n: count() }).from(sales);
    return { events: e!.n, ids: e!.ids, sales: s!.n };
  } finally {
    await db.close();
  }
}

async function startEnrolled(): Promise<number> {
  const port = await freeLoopbackPort();
  server = await startServerProcess(port, join(dir, 'data'), true);
  await enrollTill(ctx, { serverUrl: `http://127.0.0.1:${port}`, code: server.code! });
  return port;
}

it('the server SIGKILLed mid-push and restarted: every sale arrives exactly once', async () => {
  const port = await startEnrolled();
  let requests = 0;
  const killing: Fetch = async (input, init) => {
    requests++;
    if (requests === 2) {
      const answer = fetch(input, init);
      server!.child.kill('SIGKILL');
      return answer;
    }
    return fetch(input, init);
  };
  const first = await pushPending(ctx, { batchSize: 5, fetch: killing });
  expect(first.stop).toBe('offline');
  await server!.exited();
  expect(pendingCount()).toBeGreaterThan(0);
  expect(syncStatus(ctx).phase).toBe('offline');

  server = await startServerProcess(port, join(dir, 'data'));
  const second = await pushPending(ctx, { batchSize: 5 });
  expect(second.stop).toBe('done');
  expect(pendingCount()).toBe(0);
  expect(await serverHolds()).toEqual({ events: outboxSize(), ids: outboxSize(), sales: SALES });
}, 240_000);

it('a reply lost after the server committed: the resend is a replay, nothing doubled', async () => {
  await startEnrolled();
  let requests = 0;
  const losing: Fetch = async (input, init) => {
    requests++;
    const response = await fetch(input, init);
    if (requests === 2) throw new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } });
    return response;
  };
  expect((await pushPending(ctx, { batchSize: 5, fetch: losing })).stop).toBe('offline');
  const again = await pushPending(ctx, { batchSize: 5 });
  expect(again).toMatchObject({ stop: 'done', replayed: 5 });
  expect(await serverHolds()).toEqual({ events: outboxSize(), ids: outboxSize(), sales: SALES });
}, 240_000);

it('the till SIGKILLed between the acknowledgement and recording it: resent, acknowledged as a replay', async () => {
  await startEnrolled();
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'electron/testing/sync-push-child.ts', till.file],
    {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  expect(child.signal).toBe('SIGKILL');
  expect(child.stdout).toContain('ACK 200');
  // The server holds the first batch; the till never recorded it.
  expect(pendingCount()).toBe(outboxSize());
  const round = await pushPending(ctx);
  expect(round).toMatchObject({ stop: 'done', replayed: 5 });
  expect(pendingCount()).toBe(0);
  expect(await serverHolds()).toEqual({ events: outboxSize(), ids: outboxSize(), sales: SALES });
}, 240_000);
