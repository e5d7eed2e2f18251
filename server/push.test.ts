import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildApp } from './app';
import { devices, events, payments, reviewItems, saleLines, sales, saleTaxes } from './db/schema';
import { describeEachDatabase } from './testing/databases';
import {
  cashOpenedEvent,
  enrollTill,
  saleEvent,
  storeWithRegister,
  type Till,
  voidEvent,
} from './testing/fixtures';
import { addRegister, addStore, issueEnrolmentCode } from './stores';
import type { SyncEvent } from '../core/sync';

describeEachDatabase('push exactly once', (t) => {
  let app: FastifyInstance;
  let till: Till;
  beforeEach(async () => {
    app = await buildApp({ db: t.db() });
    const { code } = await storeWithRegister(t.db());
    till = await enrollTill(app, code);
  });
  afterEach(async () => {
    await app.close();
  });

  const pushAs = (who: Till, list: SyncEvent[], device = who.deviceId) =>
    app.inject({
      method: 'POST',
      url: '/v1/push',
      headers: who.headers,
      payload: { device, events: list },
    });
  const count = async (table: typeof events | typeof sales) =>
    (await t.db().orm.select().from(table)).length;

  it('applies a sale with its lines, taxes and payments, and acknowledges with server time', async () => {
    const batch = [saleEvent(till.deviceId, 1), cashOpenedEvent(till.deviceId, 2)];
    const reply = await pushAs(till, batch);
    expect(reply.statusCode).toBe(200);
    const ack = reply.json();
    expect(ack).toMatchObject({ acknowledgedSeq: 2, applied: 2, replayed: 0, rejected: [] });
    expect(Math.abs(Date.parse(ack.serverTime) - Date.now())).toBeLessThan(60_000);
    const [sale] = await t.db().orm.select().from(sales);
    expect(sale).toMatchObject({
      storeId: till.storeId,
      registerId: till.registerId,
      number: 'B001-00000001',
      total: 1180,
      tax: 180,
      localDate: '2026-12-05',
    });
    expect(await t.db().orm.select().from(saleLines)).toMatchObject([
      { quantity: 2000, unitPrice: 590, base: 1000, tax: 180, total: 1180 },
    ]);
    expect(await t.db().orm.select().from(saleTaxes)).toMatchObject([
      { rate: 1800, base: 1000, tax: 180 },
    ]);
    expect(await t.db().orm.select().from(payments)).toMatchObject([
      { method: 'EFECTIVO', amount: 1180 },
    ]);
    const stored = await t.db().orm.select().from(events).orderBy(events.seq);
    expect(stored.map((e) => [e.seq, e.status])).toEqual([
      [1, 'APPLIED'],
      [2, 'RECORDED'],
    ]);
  });

  it('acknowledges an identical replay without applying it again', async () => {
    const batch = [saleEvent(till.deviceId, 1), saleEvent(till.deviceId, 2)];
    expect((await pushAs(till, batch)).statusCode).toBe(200);
    const again = await pushAs(till, [...batch, saleEvent(till.deviceId, 3)]);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ acknowledgedSeq: 3, applied: 1, replayed: 2 });
    expect(await count(sales)).toBe(3);
    expect(await count(events)).toBe(3);
  });

  it('answers 409 to a replay with other content, and writes nothing', async () => {
    const first = saleEvent(till.deviceId, 1);
    await pushAs(till, [first]);
    const changed = { ...first, payload: { ...first.payload, total: 9999 } } as SyncEvent;
    const reply = await pushAs(till, [changed, saleEvent(till.deviceId, 2)]);
    expect(reply.statusCode).toBe(409);
    expect(reply.json().error).toMatchObject({ code: 'REPLAY_MISMATCH', details: { seq: 1 } });
    expect(await count(sales)).toBe(1);
    expect(await count(events)).toBe(1);
  });

  it('answers 409 to a known event id under a new seq', async () => {
    const first = saleEvent(till.deviceId, 1);
    await pushAs(till, [first]);
    const reply = await pushAs(till, [{ ...first, seq: 2 }]);
    expect(reply.statusCode).toBe(409);
    expect(reply.json().error.code).toBe('REPLAY_MISMATCH');
    expect(await count(events)).toBe(1);
  });

  it('refuses a gap with the seq it expects, writing nothing', async () => {
    await pushAs(till, [saleEvent(till.deviceId, 1)]);
    const reply = await pushAs(till, [saleEvent(till.deviceId, 3), saleEvent(till.deviceId, 4)]);
    expect(reply.statusCode).toBe(409);
    expect(reply.json().error).toMatchObject({
      code: 'SEQ_GAP',
      details: { expectedSeq: 2, acknowledgedSeq: 1 },
    });
    expect(await count(events)).toBe(1);
    const [device] = await t.db().orm.select().from(devices);
    expect(device!.lastSeq).toBe(1);
  });

  it('refuses a bad event with a 4xx naming the field, and writes nothing', async () => {
    const good = saleEvent(till.deviceId, 1);
    const bad = saleEvent(till.deviceId, 2, { total: 11.8 });
    const reply = await pushAs(till, [good, bad]);
    expect(reply.statusCode).toBe(400);
    const error = reply.json().error;
    expect(error.code).toBe('VALIDATION');
    expect(error.details.issues[0].path).toEqual(['events', 1, 'payload', 'total']);
    expect(await count(events)).toBe(0);
    expect(await count(sales)).toBe(0);

    const unknown = await pushAs(till, [{ ...good, type: 'sale.teleported' } as never]);
    expect(unknown.statusCode).toBe(400);
    const notConsecutive = await pushAs(till, [good, saleEvent(till.deviceId, 3)]);
    expect(notConsecutive.statusCode).toBe(400);
    expect(await count(events)).toBe(0);
  });

  it('sends a business rejection to review and still advances the sequence', async () => {
    const first = saleEvent(till.deviceId, 1);
    // The same document number again, under another sale id: a collision kept for review.
    const collision = saleEvent(till.deviceId, 2, { correlative: 1, number: 'B001-00000001' });
    const reply = await pushAs(till, [first, collision, saleEvent(till.deviceId, 3)]);
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toMatchObject({
      acknowledgedSeq: 3,
      applied: 2,
      rejected: [{ seq: 2, code: 'DOCUMENT_NUMBER_TAKEN' }],
    });
    expect(await count(sales)).toBe(2);
    const [item] = await t.db().orm.select().from(reviewItems);
    expect(item).toMatchObject({ seq: 2, code: 'DOCUMENT_NUMBER_TAKEN', resolvedAt: null });
    const [stored] = await t.db().orm.select().from(events).where(eq(events.seq, 2));
    expect(stored!.status).toBe('REVIEW');
    expect((stored!.payload as SyncEvent).eventId).toBe(collision.eventId);
  });

  it('voids a sale it received; a void of an unknown or already void sale goes to review', async () => {
    const sale = saleEvent(till.deviceId, 1);
    const reply = await pushAs(till, [
      sale,
      voidEvent(till.deviceId, 2, sale.aggregateId),
      voidEvent(till.deviceId, 3, sale.aggregateId),
      voidEvent(till.deviceId, 4, '00000000-0000-4000-8000-000000000000'),
    ]);
    expect(reply.json()).toMatchObject({
      acknowledgedSeq: 4,
      applied: 2,
      rejected: [
        { seq: 3, code: 'ALREADY_VOIDED' },
        { seq: 4, code: 'SALE_NOT_FOUND' },
      ],
    });
    const [row] = await t.db().orm.select().from(sales);
    expect(row!.status).toBe('ANULADA');
    expect((await t.db().orm.select().from(saleLines)).every((l) => l.voided)).toBe(true);
  });

  it('a device cannot push for another device, nor sell in another register’s series', async () => {
    const other = await addRegister(t.db().orm, till.storeId, 'CAJA2', [
      { documentType: 'BOLETA', series: 'B002' },
    ]);
    const code = await issueEnrolmentCode(t.db().orm, till.storeId, other.registerId);
    const second = await enrollTill(app, code.code, [{ documentType: 'BOLETA', series: 'B002' }]);

    const asOther = await pushAs(till, [saleEvent(second.deviceId, 1)], second.deviceId);
    expect(asOther.statusCode).toBe(403);
    const mixed = await pushAs(till, [saleEvent(second.deviceId, 1)]);
    expect(mixed.statusCode).toBe(403);
    expect(await count(events)).toBe(0);

    const reply = await pushAs(till, [
      saleEvent(till.deviceId, 1, { series: 'B002', number: 'B002-00000001' }),
    ]);
    expect(reply.json()).toMatchObject({
      acknowledgedSeq: 1,
      rejected: [{ code: 'SERIES_NOT_OWNED' }],
    });
    expect(await count(sales)).toBe(0);
  });

  it('a device of another store cannot reach this store’s rows', async () => {
    const store = await addStore(t.db().orm, 'Otra tienda');
    const register = await addRegister(t.db().orm, store.storeId, 'CAJA1');
    const code = await issueEnrolmentCode(t.db().orm, store.storeId, register.registerId);
    const foreign = await enrollTill(app, code.code);
    await pushAs(till, [saleEvent(till.deviceId, 1)]);
    const reply = await pushAs(foreign, [saleEvent(foreign.deviceId, 1)]);
    expect(reply.json()).toMatchObject({ acknowledgedSeq: 1, applied: 1 });
    const rows = await t.db().orm.select().from(sales);
    expect(rows.map((r) => r.storeId).sort()).toEqual([till.storeId, store.storeId].sort());
    // The same number B001-00000001 in two stores: no collision, the key has the store.
    expect(new Set(rows.map((r) => r.number))).toEqual(new Set(['B001-00000001']));
  });

  it('refuses a revoked device’s push', async () => {
    await t.db().orm.update(devices).set({ revokedAt: new Date() });
    const reply = await pushAs(till, [saleEvent(till.deviceId, 1)]);
    expect(reply.statusCode).toBe(401);
    expect(reply.json().error.code).toBe('REVOKED');
    expect(await count(events)).toBe(0);
  });

  it('refuses a body over the size limit and rate-limits per device', async () => {
    const small = await buildApp({
      db: t.db(),
      bodyLimit: 1_000,
      rateLimit: { max: 2, timeWindow: 60_000 },
    });
    try {
      const big = await small.inject({
        method: 'POST',
        url: '/v1/push',
        headers: till.headers,
        payload: { device: till.deviceId, events: [saleEvent(till.deviceId, 1)] },
      });
      expect(big.statusCode).toBe(413);
      expect(big.json().error.code).toBe('TOO_LARGE');
      const codes = [];
      for (let i = 0; i < 3; i++) {
        const r = await small.inject({ method: 'GET', url: '/v1/whoami', headers: till.headers });
        codes.push(r.statusCode);
        if (r.statusCode === 429) expect(r.json().error.code).toBe('RATE_LIMITED');
      }
      expect(codes).toEqual([200, 200, 429]);
      expect(await count(events)).toBe(0);
    } finally {
      await small.close();
    }
  });

  it.runIf(t.kind === 'postgres')(
    'two app instances on one PostgreSQL receiving the same batch at once store exactly one copy',
    async () => {
      const second = await buildApp({ db: await t.openAnother() });
      try {
        const batch = Array.from({ length: 20 }, (_, i) => saleEvent(till.deviceId, i + 1));
        const replies = await Promise.all([
          pushAs(till, batch),
          second.inject({
            method: 'POST',
            url: '/v1/push',
            headers: till.headers,
            payload: { device: till.deviceId, events: batch },
          }),
        ]);
        expect(replies.map((r) => r.statusCode)).toEqual([200, 200]);
        const acks = replies.map((r) => r.json());
        expect(acks.map((a) => a.acknowledgedSeq)).toEqual([20, 20]);
        expect(acks.map((a) => a.applied).sort()).toEqual([0, 20]);
        expect(await count(events)).toBe(20);
        expect(await count(sales)).toBe(20);
      } finally {
        await second.close();
      }
    },
  );
});
