/**
 * Push, exactly once. One transaction per batch: the device's row is locked
 * (two server processes receiving the same batch take turns), each new event
 * is recorded and applied together, a replayed one is only compared. A gap or
 * a replay with other content refuses the whole batch and writes nothing.
 */
import { and, eq } from 'drizzle-orm';
import { canonicalJson } from '../core/canonical-json';
import { pushBatch, type PushAck, type SyncEvent } from '../core/sync';
import type { DeviceIdentity } from './auth';
import type { Orm, Tx } from './db/open';
import { devices, events } from './db/schema';
import { SyncFailure } from './errors';
import { applyEvent, sendToReview } from './apply-event';
import { Changes } from './changes';
import { sha256 } from './secrets';

export function contentHash(event: SyncEvent): string {
  return sha256(canonicalJson(event));
}

function checkBatchShape(device: DeviceIdentity, batch: { device: string; events: SyncEvent[] }) {
  if (batch.device !== device.deviceId || batch.events.some((e) => e.device !== device.deviceId)) {
    throw new SyncFailure('FORBIDDEN', 'A device pushes only its own events');
  }
  batch.events.forEach((event, i) => {
    const first = batch.events[0]!.seq;
    if (event.seq !== first + i) {
      throw new SyncFailure('VALIDATION', 'The events of a batch must have consecutive seqs', {
        path: ['events', i, 'seq'],
      });
    }
  });
}

async function recordNew(
  tx: Tx,
  device: DeviceIdentity,
  event: SyncEvent,
  hash: string,
  changes: Changes,
) {
  const [sameId] = await tx
    .select({ seq: events.seq })
    .from(events)
    .where(and(eq(events.storeId, device.storeId), eq(events.eventId, event.eventId)));
  if (sameId) {
    throw new SyncFailure(
      'REPLAY_MISMATCH',
      `Event ${event.eventId} was already received with seq ${sameId.seq}`,
      { seq: event.seq, eventId: event.eventId },
    );
  }
  const rejection = await applyEvent(tx, device, event, changes);
  await tx.insert(events).values({
    storeId: device.storeId,
    deviceId: device.deviceId,
    seq: event.seq,
    eventId: event.eventId,
    type: event.type,
    aggregateId: event.aggregateId,
    occurredAt: new Date(event.occurredAt),
    contentHash: hash,
    payload: event,
    status: rejection ? 'REVIEW' : 'APPLIED',
  });
  if (rejection) await sendToReview(tx, device, event, rejection);
  return rejection;
}

export async function push(
  orm: Orm,
  device: DeviceIdentity,
  body: unknown,
  now = () => new Date(),
): Promise<PushAck> {
  const batch = pushBatch.parse(body);
  checkBatchShape(device, batch);
  return orm.transaction(async (tx) => {
    const [row] = await tx
      .select({ lastSeq: devices.lastSeq, revokedAt: devices.revokedAt })
      .from(devices)
      .where(and(eq(devices.storeId, device.storeId), eq(devices.deviceId, device.deviceId)))
      .for('update');
    if (!row) throw new SyncFailure('UNAUTHENTICATED', 'Unknown device');
    if (row.revokedAt) throw new SyncFailure('REVOKED', 'This device was revoked');
    let lastSeq = row.lastSeq;
    const changes = new Changes();
    const ack: PushAck = {
      acknowledgedSeq: 0,
      applied: 0,
      replayed: 0,
      rejected: [],
      serverTime: '',
    };
    for (const event of batch.events) {
      const hash = contentHash(event);
      if (event.seq <= lastSeq) {
        const [seen] = await tx
          .select({ contentHash: events.contentHash })
          .from(events)
          .where(
            and(
              eq(events.storeId, device.storeId),
              eq(events.deviceId, device.deviceId),
              eq(events.seq, event.seq),
            ),
          );
        // An event before the device's first seq (enrolled mid-history) was never stored here.
        if (seen && seen.contentHash !== hash) {
          throw new SyncFailure(
            'REPLAY_MISMATCH',
            `Seq ${event.seq} was already received with other content`,
            { seq: event.seq, eventId: event.eventId },
          );
        }
        ack.replayed += 1;
        continue;
      }
      if (event.seq !== lastSeq + 1) {
        throw new SyncFailure('SEQ_GAP', `Expected seq ${lastSeq + 1}, got ${event.seq}`, {
          expectedSeq: lastSeq + 1,
          acknowledgedSeq: lastSeq,
        });
      }
      const rejection = await recordNew(tx, device, event, hash, changes);
      if (rejection) {
        ack.rejected.push({
          seq: event.seq,
          eventId: event.eventId,
          code: rejection.code,
          message: rejection.message,
        });
      } else {
        ack.applied += 1;
      }
      lastSeq = event.seq;
    }
    // Last, so the store's change counter is locked only for the end of the transaction.
    await changes.flush(tx, device.storeId);
    const at = now();
    await tx
      .update(devices)
      .set({ lastSeq, lastSeenAt: at })
      .where(and(eq(devices.storeId, device.storeId), eq(devices.deviceId, device.deviceId)));
    return { ...ack, acknowledgedSeq: lastSeq, serverTime: at.toISOString() };
  });
}
