/**
 * Events stored RECORDED (received before the server had a builder for their
 * type) are built later, in the order they were received, as if they had
 * just arrived: applied, or sent to review. The server does this at start,
 * before it listens, so a new event never lands before the ones it follows.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { SyncEvent } from '../core/sync';
import { applyEvent, sendToReview } from './apply-event';
import { Changes } from './changes';
import type { Orm } from './db/open';
import { devices, events } from './db/schema';

// Two processes starting together on one PostgreSQL: one replays, the other then finds nothing.
const REPLAY_LOCK = 5858_0015;
const CHUNK = 500;

export interface ReplayResult {
  readonly applied: number;
  readonly review: number;
}

export async function replayRecorded(orm: Orm): Promise<ReplayResult> {
  let applied = 0;
  let review = 0;
  for (;;) {
    const done = await orm.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${REPLAY_LOCK})`);
      const rows = await tx
        .select({ event: events, registerId: devices.registerId })
        .from(events)
        .innerJoin(
          devices,
          and(eq(devices.storeId, events.storeId), eq(devices.deviceId, events.deviceId)),
        )
        .where(eq(events.status, 'RECORDED'))
        .orderBy(asc(events.receivedAt), asc(events.deviceId), asc(events.seq))
        .limit(CHUNK);
      const changesByStore = new Map<string, Changes>();
      for (const { event: row, registerId } of rows) {
        const device = { storeId: row.storeId, deviceId: row.deviceId, registerId };
        const event = row.payload as SyncEvent;
        const changes = changesByStore.get(row.storeId) ?? new Changes();
        changesByStore.set(row.storeId, changes);
        const rejection = await applyEvent(tx, device, event, changes);
        if (rejection) await sendToReview(tx, device, event, rejection);
        await tx
          .update(events)
          .set({ status: rejection ? 'REVIEW' : 'APPLIED' })
          .where(
            and(
              eq(events.storeId, row.storeId),
              eq(events.deviceId, row.deviceId),
              eq(events.seq, row.seq),
            ),
          );
        if (rejection) review += 1;
        else applied += 1;
      }
      for (const [storeId, changes] of changesByStore) await changes.flush(tx, storeId);
      return rows.length < CHUNK;
    });
    if (done) return { applied, review };
  }
}
