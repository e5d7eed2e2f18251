/** As an attacker: another store's or register's device, forged credentials, forged and malformed bodies. */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { SyncEvent } from '../core/sync';
import { buildApp } from './app';
import { cashSessions, events, reviewItems, sales, stockMovements } from './db/schema';
import { addRegister, addStore, issueEnrolmentCode } from './stores';
import { describeEachDatabase } from './testing/databases';
import {
  anEvent,
  enrollTill,
  returnPayload,
  saleEvent,
  storeWithRegister,
  type Till,
} from './testing/fixtures';

describeEachDatabase('security', (t) => {
  let app: FastifyInstance;
  let victim: Till;
  let sale: SyncEvent;
  let sessionId: string;
  beforeEach(async () => {
    app = await buildApp({ db: t.db(), rateLimit: { max: 1000, timeWindow: 60_000 } });
    const { code } = await storeWithRegister(t.db());
    victim = await enrollTill(app, code);
    sale = saleEvent(victim.deviceId, 1);
    sessionId = randomUUID();
    await push(victim, [
      sale,
      anEvent(victim.deviceId, 2, 'cash.opened', {
        id: sessionId,
        openingFloat: 5000,
        openedAt: '2026-12-05T13:00:00.000Z',
      }),
    ]);
  });
  afterEach(async () => {
    await app.close();
  });

  function push(who: Till, list: SyncEvent[]) {
    return app.inject({
      method: 'POST',
      url: '/v1/push',
      headers: who.headers,
      payload: { device: who.deviceId, events: list },
    });
  }
  async function tillOf(storeId: string, register: string, series: string) {
    const reg = await addRegister(t.db().orm, storeId, register);
    const code = await issueEnrolmentCode(t.db().orm, storeId, reg.registerId);
    return enrollTill(app, code.code, [{ documentType: 'BOLETA', series }]);
  }
  /** Every event that names the victim's sale or session, from the attacker's own device. */
  const attacks = (who: Till) => [
    anEvent(who.deviceId, 1, 'sale.voided', { id: sale.aggregateId, reason: 'robo' }),
    anEvent(who.deviceId, 2, 'sale.deleted', {
      id: sale.aggregateId,
      number: 'B001-00000001',
      reason: 'x',
    }),
    anEvent(who.deviceId, 3, 'sale.updated', { ...sale.payload, total: 1 }),
    anEvent(who.deviceId, 4, 'cash.movement', {
      id: randomUUID(),
      sessionId,
      direction: 'OUT',
      amount: 5000,
    }),
    anEvent(who.deviceId, 5, 'cash.closed', { kind: 'Z', session: { id: sessionId } }),
  ];
  async function victimUntouched() {
    const [row] = await t.db().orm.select().from(sales);
    expect(row).toMatchObject({ status: 'COMPLETADA', total: 1180 });
    const [session] = await t.db().orm.select().from(cashSessions);
    expect(session).toMatchObject({ status: 'ABIERTA' });
  }

  it('a device of another store cannot void, delete, edit or close anything of this store', async () => {
    const store = await addStore(t.db().orm, 'Otra');
    const attacker = await tillOf(store.storeId, 'CAJA1', 'B001');
    const reply = await push(attacker, [
      ...attacks(attacker),
      anEvent(attacker.deviceId, 6, 'sale.returned', returnPayload(sale.aggregateId, 2)),
    ]);
    expect(reply.statusCode).toBe(200);
    expect(reply.json().rejected.map((r: { code: string }) => r.code)).toEqual([
      'SALE_NOT_FOUND',
      'SALE_NOT_FOUND',
      'SALE_NOT_FOUND',
      'SESSION_NOT_FOUND',
      'SESSION_NOT_FOUND',
      'SALE_NOT_FOUND',
    ]);
    await victimUntouched();
    // What it sent is kept in its own store's review list, not the victim's.
    const items = await t.db().orm.select().from(reviewItems);
    expect(new Set(items.map((i) => i.storeId))).toEqual(new Set([store.storeId]));
  });

  it('another register of the same store cannot void, delete, edit or close this register’s', async () => {
    const attacker = await tillOf(victim.storeId, 'CAJA2', 'B002');
    const reply = await push(attacker, attacks(attacker));
    expect(reply.json().rejected.map((r: { code: string }) => r.code)).toEqual([
      'SALE_OF_ANOTHER_REGISTER',
      'SALE_OF_ANOTHER_REGISTER',
      'SALE_OF_ANOTHER_REGISTER',
      'SESSION_NOT_FOUND',
      'SESSION_NOT_FOUND',
    ]);
    await victimUntouched();
  });

  it('forged credentials get 401 and write nothing', async () => {
    const [storeId, deviceId] = victim.credential.split('.');
    const forged = [
      `Bearer ${storeId}.${deviceId}.${'A'.repeat(43)}`,
      `Bearer ${randomUUID()}.${deviceId}.${victim.credential.split('.')[2]}`,
      `Bearer ${victim.credential}.extra`,
      `Basic ${Buffer.from('admin:admin').toString('base64')}`,
      'Bearer ',
    ];
    for (const authorization of forged) {
      for (const url of ['/v1/push', '/v1/pull']) {
        const reply = await app.inject({
          method: 'POST',
          url,
          headers: { authorization },
          payload: {
            device: victim.deviceId,
            events: [saleEvent(victim.deviceId, 3)],
            cursor: null,
          },
        });
        expect(reply.statusCode, `${url} ${authorization}`).toBe(401);
        expect(reply.json().error.code).toBe('UNAUTHENTICATED');
      }
    }
    expect(await t.db().orm.$count(events)).toBe(2);
  });

  it('a replayed event under a new seq, or a seq with other content, is a 409 that writes nothing', async () => {
    const replayedId = { ...saleEvent(victim.deviceId, 3), eventId: sale.eventId };
    expect((await push(victim, [replayedId])).statusCode).toBe(409);
    const tampered = { ...sale, payload: { ...sale.payload, total: 1 } } as SyncEvent;
    expect((await push(victim, [tampered])).statusCode).toBe(409);
    expect(await t.db().orm.$count(events)).toBe(2);
    await victimUntouched();
  });

  it('malformed bodies get a structured 4xx and write nothing', async () => {
    const bodies: { payload: string; contentType: string }[] = [
      { payload: '{"device":', contentType: 'application/json' },
      { payload: 'device=1', contentType: 'application/x-www-form-urlencoded' },
      { payload: 'hola', contentType: 'text/plain' },
      { payload: '[]', contentType: 'application/json' },
      { payload: 'null', contentType: 'application/json' },
      {
        payload: JSON.stringify({
          device: victim.deviceId,
          events: [{ ...saleEvent(victim.deviceId, 3), seq: '3' }],
        }),
        contentType: 'application/json',
      },
      {
        payload: JSON.stringify({
          device: victim.deviceId,
          events: [
            {
              ...saleEvent(victim.deviceId, 3),
              payload: { ...saleEvent(victim.deviceId, 3).payload, total: 'HUGE' },
            },
          ],
          // A number JSON can write but not hold: it parses as Infinity.
        }).replace('"HUGE"', '1e999'),
        contentType: 'application/json',
      },
      {
        payload: `{"device":"${victim.deviceId}","events":[],"__proto__":{"admin":true}}`,
        contentType: 'application/json',
      },
      {
        payload: JSON.stringify({
          device: victim.deviceId,
          events: [
            {
              ...saleEvent(victim.deviceId, 3),
              payload: { ...saleEvent(victim.deviceId, 3).payload, lines: [] },
            },
          ],
        }),
        contentType: 'application/json',
      },
    ];
    for (const { payload, contentType } of bodies) {
      for (const url of ['/v1/push', '/v1/pull', '/v1/enroll']) {
        const reply = await app.inject({
          method: 'POST',
          url,
          headers: { ...victim.headers, 'content-type': contentType },
          payload,
        });
        if (url === '/v1/pull' && (payload === 'null' || payload.startsWith('{"device"'))) {
          // A pull body with no cursor is a first pull: read-only, nothing to refuse.
          if (reply.statusCode === 200) continue;
        }
        expect(reply.statusCode, `${url} ${payload.slice(0, 60)}`).toBeGreaterThanOrEqual(400);
        expect(reply.statusCode).toBeLessThan(500);
        expect(reply.json()).toMatchObject({
          error: { code: expect.any(String) },
          serverTime: expect.any(String),
        });
      }
    }
    expect(await t.db().orm.$count(events)).toBe(2);
    expect(await t.db().orm.$count(stockMovements)).toBe(1);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });
});
