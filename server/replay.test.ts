/** Events an older server stored RECORDED are built later, in the order received. */
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { SyncEvent } from '../core/sync';
import { buildApp } from './app';
import { cashMovements, cashSessions, devices, events, reviewItems, sales } from './db/schema';
import { contentHash } from './push';
import { replayRecorded } from './replay';
import { describeEachDatabase } from './testing/databases';
import { anEvent, enrollTill, saleEvent, storeWithRegister } from './testing/fixtures';

describeEachDatabase('replaying RECORDED events', (t) => {
  it('applies them in order, sends refusals to review, and does it once', async () => {
    const app = await buildApp({ db: t.db() });
    const { code } = await storeWithRegister(t.db());
    const till = await enrollTill(app, code);
    await app.close();
    const sessionId = randomUUID();
    const sold = saleEvent(till.deviceId, 2);
    const list: SyncEvent[] = [
      anEvent(till.deviceId, 1, 'cash.opened', {
        id: sessionId,
        openingFloat: 5000,
        openedAt: '2026-12-05T13:00:00.000Z',
      }),
      sold,
      anEvent(till.deviceId, 3, 'cash.movement', {
        id: randomUUID(),
        sessionId,
        direction: 'IN',
        type: 'ingreso',
        amount: 2000,
      }),
      anEvent(till.deviceId, 4, 'sale.voided', { id: sold.aggregateId, reason: 'error' }),
      anEvent(till.deviceId, 5, 'sale.voided', { id: sold.aggregateId, reason: 'twice' }),
    ];
    // As an older server stored them: recorded, not built.
    const orm = t.db().orm;
    for (const [i, event] of list.entries()) {
      await orm.insert(events).values({
        storeId: till.storeId,
        deviceId: till.deviceId,
        seq: event.seq,
        eventId: event.eventId,
        type: event.type,
        aggregateId: event.aggregateId,
        occurredAt: new Date(event.occurredAt),
        receivedAt: new Date(Date.UTC(2026, 11, 5, 20, 0, i)),
        contentHash: contentHash(event),
        payload: event,
        status: 'RECORDED',
      });
    }
    await orm.update(devices).set({ lastSeq: 5 });

    expect(await replayRecorded(orm)).toEqual({ applied: 4, review: 1 });
    const statuses = (await orm.select().from(events).orderBy(events.seq)).map((e) => e.status);
    expect(statuses).toEqual(['APPLIED', 'APPLIED', 'APPLIED', 'APPLIED', 'REVIEW']);
    expect(await orm.select().from(cashSessions)).toMatchObject([{ openingFloat: 5000 }]);
    expect(await orm.select().from(cashMovements)).toMatchObject([{ amount: 2000 }]);
    expect(await orm.select().from(sales)).toMatchObject([{ status: 'ANULADA' }]);
    expect(await orm.select().from(reviewItems)).toMatchObject([
      { seq: 5, code: 'ALREADY_VOIDED' },
    ]);

    expect(await replayRecorded(orm)).toEqual({ applied: 0, review: 0 });
    expect(await orm.$count(sales)).toBe(1);
  });
});
