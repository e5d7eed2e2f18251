/**
 * Pull: a till reads its store's change log after its cursor. The cursor is
 * `v1.<epoch>.<seq>`; seqs are assigned in commit order (changes.ts), so
 * reading "seq > cursor" never steps over a change that committed late.
 *
 * reset: true (drop what you pulled and apply these, from the start) when the
 * cursor is of another epoch (the log was rebuilt), older than what pruning
 * removed outright, or ahead of the log (a server restored from a backup).
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt, lt, sql } from 'drizzle-orm';
import { pullRequest, type PullResponse } from '../core/sync';
import type { DeviceIdentity } from './auth';
import { Changes } from './changes';
import { productChange } from './catalog';
import type { Orm, Tx } from './db/open';
import { categories, changeCounters, changeLog, products, stockMovements } from './db/schema';
import { SyncFailure } from './errors';

const CURSOR = /^v1\.([0-9a-f-]{36})\.(\d{1,15})$/;

export function formatCursor(epoch: string, seq: number): string {
  return `v1.${epoch}.${seq}`;
}

function parseCursor(cursor: string | null): { epoch: string; seq: number } | null {
  if (cursor === null) return null;
  const match = CURSOR.exec(cursor);
  if (!match) {
    throw new SyncFailure('VALIDATION', 'The cursor is not one this server gave', {
      path: ['cursor'],
    });
  }
  return { epoch: match[1]!, seq: Number(match[2]) };
}

async function counterOf(orm: Orm | Tx, storeId: string) {
  const read = () => orm.select().from(changeCounters).where(eq(changeCounters.storeId, storeId));
  let [counter] = await read();
  if (!counter) {
    await orm.insert(changeCounters).values({ storeId, epoch: randomUUID() }).onConflictDoNothing();
    [counter] = await read();
  }
  return counter!;
}

export async function pull(
  orm: Orm,
  device: DeviceIdentity,
  body: unknown,
  now = () => new Date(),
): Promise<PullResponse> {
  const request = pullRequest.parse(body ?? {});
  const cursor = parseCursor(request.cursor);
  const counter = await counterOf(orm, device.storeId);
  const reset =
    cursor !== null &&
    (cursor.epoch !== counter.epoch ||
      cursor.seq < counter.prunedThrough ||
      cursor.seq > counter.lastSeq);
  const from = cursor && !reset ? cursor.seq : 0;
  // Only the device's own store: the store comes from its credential, never from the request.
  const rows = await orm
    .select()
    .from(changeLog)
    .where(and(eq(changeLog.storeId, device.storeId), gt(changeLog.seq, from)))
    .orderBy(asc(changeLog.seq))
    .limit(request.limit + 1);
  const page = rows.slice(0, request.limit);
  const last = page.at(-1)?.seq ?? from;
  return {
    changes: page.map((row) => ({
      entity: row.entity as PullResponse['changes'][number]['entity'],
      key: row.key,
      op: row.op as 'upsert' | 'delete',
      data: row.data,
    })),
    cursor: formatCursor(counter.epoch, last),
    hasMore: rows.length > request.limit,
    reset,
    serverTime: now().toISOString(),
  };
}

/**
 * Keeps the log small without losing anything a till needs: a change with a
 * later one for the same key is dropped at once (a till behind it gets the
 * later one anyway); a delete older than `before` is dropped too, and cursors
 * from before it then answer reset.
 */
export async function pruneChangeLog(orm: Orm, storeId: string, before: Date) {
  return orm.transaction(async (tx) => {
    await counterOf(tx, storeId);
    await tx.select().from(changeCounters).where(eq(changeCounters.storeId, storeId)).for('update');
    const superseded = await tx.execute(sql`
      delete from change_log c using change_log d
      where c.store_id = ${storeId} and d.store_id = c.store_id
        and d.entity = c.entity and d.key = c.key and d.seq > c.seq`);
    const tombstones = await tx
      .delete(changeLog)
      .where(
        and(
          eq(changeLog.storeId, storeId),
          eq(changeLog.op, 'delete'),
          lt(changeLog.createdAt, before),
        ),
      )
      .returning({ seq: changeLog.seq });
    const through = Math.max(0, ...tombstones.map((t) => t.seq));
    if (through > 0) {
      await tx
        .update(changeCounters)
        .set({ prunedThrough: sql`greatest(${changeCounters.prunedThrough}, ${through})` })
        .where(eq(changeCounters.storeId, storeId));
    }
    return { superseded: affected(superseded), tombstones: tombstones.length };
  });
}

function affected(result: unknown): number {
  const r = result as { rowCount?: number; affectedRows?: number };
  return r.rowCount ?? r.affectedRows ?? 0;
}

/**
 * Writes the store's log again from its tables under a new epoch (after a
 * restore, or to compact it completely): every till's next pull answers reset.
 */
export async function rebuildChangeLog(orm: Orm, storeId: string) {
  return orm.transaction(async (tx) => {
    await counterOf(tx, storeId);
    await tx.select().from(changeCounters).where(eq(changeCounters.storeId, storeId)).for('update');
    await tx.delete(changeLog).where(eq(changeLog.storeId, storeId));
    await tx
      .update(changeCounters)
      .set({ epoch: randomUUID(), lastSeq: 0, prunedThrough: 0 })
      .where(eq(changeCounters.storeId, storeId));
    const changes = new Changes();
    for (const c of await tx.select().from(categories).where(eq(categories.storeId, storeId))) {
      changes.upsert('category', c.name, { name: c.name });
    }
    for (const p of await tx.select().from(products).where(eq(products.storeId, storeId))) {
      changes.upsert('product', p.code, productChange(p));
    }
    const moved = await tx
      .selectDistinct({ code: stockMovements.productCode })
      .from(stockMovements)
      .where(eq(stockMovements.storeId, storeId));
    for (const { code } of moved) changes.stockMoved(code);
    const written = changes.size;
    await changes.flush(tx, storeId);
    return { changes: written };
  });
}
