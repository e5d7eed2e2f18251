/**
 * The change log tills pull from. A builder notes what it changed in a
 * Changes (one per event, so a refused event's notes are dropped with its
 * savepoint); the push flushes them all just before it commits.
 *
 * Why a late commit can never be skipped: flush takes the next seqs from the
 * store's change_counters row with an UPDATE, which holds that row's lock
 * until the transaction ends. A second writer of the same store waits on the
 * lock and reads the counter only after the first has committed, so seq
 * order is commit order. A reader at READ COMMITTED therefore always sees a
 * prefix of the store's log: when seq n is visible, every seq below n is too.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { PULL_ENTITIES } from '../core/sync';
import type { Orm, Tx } from './db/open';
import { changeCounters, changeLog, stockMovements } from './db/schema';

export type ChangeEntity = (typeof PULL_ENTITIES)[number];

export interface Change {
  readonly entity: ChangeEntity;
  readonly key: string;
  readonly op: 'upsert' | 'delete';
  readonly data: unknown;
}

export class Changes {
  private readonly byKey = new Map<string, Change>();
  private readonly stock = new Set<string>();

  upsert(entity: ChangeEntity, key: string, data: unknown): void {
    this.put({ entity, key, op: 'upsert', data });
  }

  delete(entity: ChangeEntity, key: string): void {
    this.put({ entity, key, op: 'delete', data: null });
  }

  /** The product's stock moved: its figure is read at flush, under the lock. */
  stockMoved(code: string): void {
    this.stock.add(code);
  }

  /** Takes another event's notes (after that event was applied). */
  absorb(other: Changes): void {
    for (const change of other.byKey.values()) this.put(change);
    for (const code of other.stock) this.stock.add(code);
  }

  get size(): number {
    return this.byKey.size + this.stock.size;
  }

  private put(change: Change): void {
    // Only the last state of a key matters within one transaction.
    const id = `${change.entity}\u0000${change.key}`;
    this.byKey.delete(id);
    this.byKey.set(id, change);
  }

  /** Writes the notes to the log with the store's next seqs; call it last in the transaction. */
  async flush(tx: Tx, storeId: string): Promise<void> {
    const count = this.size;
    if (count === 0) return;
    const last = await takeSeqs(tx, storeId, count);
    const stock = await stockFigures(tx, storeId, [...this.stock]);
    const rows = [
      ...this.byKey.values(),
      ...[...this.stock].map((code): Change => ({
        entity: 'stockMovement',
        key: code,
        op: 'upsert',
        data: { code, stock: (stock.get(code) ?? 0) / 1000 },
      })),
    ];
    await tx.insert(changeLog).values(
      rows.map((change, i) => ({
        storeId,
        seq: last - count + 1 + i,
        entity: change.entity,
        key: change.key,
        op: change.op,
        data: change.data,
      })),
    );
  }
}

/** Reserves `count` seqs; the row lock it takes is held until commit (see above). */
async function takeSeqs(tx: Tx, storeId: string, count: number): Promise<number> {
  const [row] = await tx
    .insert(changeCounters)
    .values({ storeId, epoch: randomUUID(), lastSeq: count })
    .onConflictDoUpdate({
      target: changeCounters.storeId,
      set: { lastSeq: sql`${changeCounters.lastSeq} + ${count}` },
    })
    .returning({ lastSeq: changeCounters.lastSeq });
  return row!.lastSeq;
}

/** Thousandths per product code, as the sum of every movement received. */
export async function stockFigures(
  tx: Orm | Tx,
  storeId: string,
  codes: readonly string[],
): Promise<Map<string, number>> {
  if (codes.length === 0) return new Map();
  const rows = await tx
    .select({
      code: stockMovements.productCode,
      quantity: sql<string>`sum(${stockMovements.quantity})`,
    })
    .from(stockMovements)
    .where(
      and(eq(stockMovements.storeId, storeId), inArray(stockMovements.productCode, [...codes])),
    )
    .groupBy(stockMovements.productCode);
  return new Map(rows.map((r) => [r.code, Number(r.quantity)]));
}

/** Runs `write` in one transaction and flushes what it noted, for writes outside a push. */
export async function withChanges<T>(
  orm: Orm,
  storeId: string,
  write: (tx: Tx, changes: Changes) => Promise<T>,
): Promise<T> {
  return orm.transaction(async (tx) => {
    const changes = new Changes();
    const result = await write(tx, changes);
    await changes.flush(tx, storeId);
    return result;
  });
}
