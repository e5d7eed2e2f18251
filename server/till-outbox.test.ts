/**
 * The contract with the till, on real data: the demo shop made by the till's
 * own CLI (a real process and SQLite file) has two weeks of outbox events;
 * every one must pass the shared wire schemas and be taken exactly once.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MAX_BATCH_EVENTS, syncEvent, type SyncEvent } from '../core/sync';
import { buildApp } from './app';
import { events, sales } from './db/schema';
import { describeEachDatabase } from './testing/databases';
import { enrollTill, storeWithRegister } from './testing/fixtures';

interface OutboxRow {
  seq: number;
  event_id: string;
  type: string;
  aggregate_id: string;
  payload: string;
  created_at: string;
}

const root = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'tendero-till-'));
let rows: OutboxRow[] = [];
let series: { documentType: string; series: string }[] = [];

beforeAll(() => {
  const file = join(dir, 'demo.sqlite');
  const made = spawnSync(
    join(root, 'node_modules', '.bin', 'tsx'),
    ['electron/cli.ts', 'demo', '--db', file],
    { cwd: root, encoding: 'utf8' },
  );
  if (made.status !== 0) throw new Error(`demo failed: ${made.stderr}`);
  const db = new Database(file, { readonly: true });
  rows = db.prepare('select * from outbox order by seq').all() as OutboxRow[];
  series = db
    .prepare('select document_type as documentType, series from document_series')
    .all() as typeof series;
  db.close();
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function toEvent(device: string, row: OutboxRow): unknown {
  return {
    device,
    seq: row.seq,
    eventId: row.event_id,
    type: row.type,
    aggregateId: row.aggregate_id,
    occurredAt: row.created_at,
    payload: JSON.parse(row.payload),
  };
}

describeEachDatabase('a real till outbox', (t) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp({ db: t.db(), rateLimit: { max: 1000, timeWindow: 60_000 } });
  });
  afterAll(async () => {
    await app.close();
  });

  it('passes the wire schemas and is taken exactly once, twice pushed', async () => {
    const { code } = await storeWithRegister(t.db());
    const till = await enrollTill(app, code, series);
    const all = rows.map((row) => syncEvent.parse(toEvent(till.deviceId, row)));
    expect(all.length).toBeGreaterThan(100);
    const saleCount = all.filter((e) => e.type === 'sale.created').length;
    for (let round = 0; round < 2; round++) {
      for (let at = 0; at < all.length; at += MAX_BATCH_EVENTS) {
        const batch: SyncEvent[] = all.slice(at, at + MAX_BATCH_EVENTS);
        const reply = await app.inject({
          method: 'POST',
          url: '/v1/push',
          headers: till.headers,
          payload: { device: till.deviceId, events: batch },
        });
        expect(reply.statusCode, reply.body).toBe(200);
        // The second round only replays: the acknowledgement is the device's whole progress.
        expect(reply.json()).toMatchObject(
          round === 0
            ? { acknowledgedSeq: batch.at(-1)!.seq, replayed: 0, rejected: [] }
            : { acknowledgedSeq: all.at(-1)!.seq, replayed: batch.length, applied: 0 },
        );
      }
    }
    expect(await t.db().orm.$count(events)).toBe(all.length);
    expect(await t.db().orm.$count(sales)).toBe(saleCount);
  });
});
