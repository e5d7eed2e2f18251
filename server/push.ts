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
import { devices, events, reviewItems } from './db/schema';
import { SyncFailure } from './errors';
import { applySaleCreated, applySaleVoided, BusinessRejection } from './apply-sale';
import { sha256 } from './secrets';

type Builder = (tx: Tx, device: DeviceIdentity, event: SyncEvent) => Promise<void>;

/** Event types the server builds tables from; the others are recorded for later builders. */
const BUILDERS: Partial<Record<SyncEvent['type'], Builder>> = {
  'sale.created': (tx, device, event) =>
    event.type === 'sale.created' ? applySaleCreated(tx, device, event.payload) : Promise.resolve(),
  'sale.voided': (tx, device, event) =>
    event.type === 'sale.voided' ? applySaleVoided(tx, device, event.payload) : Promise.resolve(),
};

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

async function recordNew(tx: Tx, device: DeviceIdentity, event: SyncEvent, hash: string) {
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
  let rejection: BusinessRejection | null = null;
  const builder = BUILDERS[event.type];
  if (builder) {
    try {
      // A savepoint: a refused event leaves no half-built rows, and the batch goes on.
      await tx.transaction((sp) => builder(sp, device, event));
    } catch (error) {
      if (!(error instanceof BusinessRejection)) throw error;
      rejection = error;
    }
  }
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
    status: rejection ? 'REVIEW' : builder ? 'APPLIED' : 'RECORDED',
  });
  if (rejection) {
    await tx.insert(reviewItems).values({
      storeId: device.storeId,
      eventId: event.eventId,
      deviceId: device.deviceId,
      seq: event.seq,
      type: event.type,
      code: rejection.code,
      message: rejection.message,
      details: rejection.details,
    });
  }
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
      const rejection = await recordNew(tx, device, event, hash);
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
    const at = now();
    await tx
      .update(devices)
      .set({ lastSeq, lastSeenAt: at })
      .where(and(eq(devices.storeId, device.storeId), eq(devices.deviceId, device.deviceId)));
    return { ...ack, acknowledgedSeq: lastSeq, serverTime: at.toISOString() };
  });
}
