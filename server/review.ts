/**
 * The review list: events a business rule refused (a number already used, a
 * void of an unknown sale…). They are stored and sequenced; a person decides.
 * Resolving with retry builds the event again (say, once the product it
 * names is known); without retry it only records the person's decision.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { SyncEvent } from '../core/sync';
import { applyEvent, sendToReview } from './apply-event';
import { Changes } from './changes';
import type { Orm } from './db/open';
import { devices, events, reviewItems } from './db/schema';
import { SyncFailure } from './errors';

export async function listReview(orm: Orm, options: { storeId?: string; all?: boolean }) {
  return orm
    .select({
      id: reviewItems.eventId,
      storeId: reviewItems.storeId,
      deviceId: reviewItems.deviceId,
      seq: reviewItems.seq,
      type: reviewItems.type,
      code: reviewItems.code,
      message: reviewItems.message,
      details: reviewItems.details,
      createdAt: reviewItems.createdAt,
      resolvedAt: reviewItems.resolvedAt,
      resolution: reviewItems.resolution,
    })
    .from(reviewItems)
    .where(
      and(
        options.storeId ? eq(reviewItems.storeId, options.storeId) : undefined,
        options.all ? undefined : isNull(reviewItems.resolvedAt),
      ),
    )
    .orderBy(asc(reviewItems.createdAt), asc(reviewItems.seq));
}

export async function resolveReview(
  orm: Orm,
  eventId: string,
  options: { note?: string; retry?: boolean; now?: Date },
) {
  const now = options.now ?? new Date();
  return orm.transaction(async (tx) => {
    const [item] = await tx
      .select()
      .from(reviewItems)
      .where(eq(reviewItems.eventId, eventId))
      .for('update');
    if (!item) throw new SyncFailure('NOT_FOUND', `No review item ${eventId}`);
    if (item.resolvedAt) {
      throw new SyncFailure('VALIDATION', `Review item ${eventId} was already resolved`, {
        resolvedAt: item.resolvedAt.toISOString(),
      });
    }
    const where = and(eq(events.storeId, item.storeId), eq(events.eventId, eventId));
    if (options.retry) {
      const [row] = await tx.select().from(events).where(where);
      const [device] = await tx
        .select({ registerId: devices.registerId })
        .from(devices)
        .where(and(eq(devices.storeId, item.storeId), eq(devices.deviceId, item.deviceId)));
      const identity = {
        storeId: item.storeId,
        deviceId: item.deviceId,
        registerId: device!.registerId,
      };
      const event = row!.payload as SyncEvent;
      const changes = new Changes();
      const rejection = await applyEvent(tx, identity, event, changes);
      if (rejection) {
        await sendToReview(tx, identity, event, rejection);
        return { id: eventId, resolved: false, code: rejection.code, message: rejection.message };
      }
      await tx.update(events).set({ status: 'APPLIED' }).where(where);
      await changes.flush(tx, item.storeId);
    }
    const resolution = options.retry
      ? `applied${options.note ? `: ${options.note}` : ''}`
      : (options.note ?? 'resolved');
    await tx
      .update(reviewItems)
      .set({ resolvedAt: now, resolution })
      .where(and(eq(reviewItems.storeId, item.storeId), eq(reviewItems.eventId, eventId)));
    return { id: eventId, resolved: true, resolution, resolvedAt: now.toISOString() };
  });
}
