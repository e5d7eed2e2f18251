/**
 * Applying one received event: its builder runs in a savepoint, so a refused
 * event leaves no half-built rows and the batch (or replay) goes on; a
 * business refusal becomes a review item instead of an error.
 */
import type { SyncEvent } from '../core/sync';
import type { DeviceIdentity } from './auth';
import { BusinessRejection, build } from './build';
import { Changes } from './changes';
import type { Tx } from './db/open';
import { reviewItems } from './db/schema';

export async function applyEvent(
  tx: Tx,
  device: DeviceIdentity,
  event: SyncEvent,
  batchChanges: Changes,
): Promise<BusinessRejection | null> {
  const changes = new Changes();
  try {
    await tx.transaction((sp) =>
      build(
        {
          tx: sp,
          device,
          eventId: event.eventId,
          occurredAt: new Date(event.occurredAt),
          changes,
        },
        event,
      ),
    );
  } catch (error) {
    if (error instanceof BusinessRejection) return error;
    throw error;
  }
  batchChanges.absorb(changes);
  return null;
}

export async function sendToReview(
  tx: Tx,
  device: DeviceIdentity,
  event: SyncEvent,
  rejection: BusinessRejection,
): Promise<void> {
  await tx
    .insert(reviewItems)
    .values({
      storeId: device.storeId,
      eventId: event.eventId,
      deviceId: device.deviceId,
      seq: event.seq,
      type: event.type,
      code: rejection.code,
      message: rejection.message,
      details: rejection.details,
    })
    .onConflictDoUpdate({
      target: [reviewItems.storeId, reviewItems.eventId],
      set: {
        code: rejection.code,
        message: rejection.message,
        details: rejection.details,
        resolvedAt: null,
        resolution: null,
      },
    });
}
