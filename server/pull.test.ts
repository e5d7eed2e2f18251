/** Pull: a store's catalogue and stock reach its tills, by a cursor that never skips a change. */
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { PullResponse, SyncEvent } from '../core/sync';
import { buildApp } from './app';
import { setPrice } from './catalog-admin';
import { writeProduct, type CatalogProduct } from './catalog';
import { Changes, withChanges } from './changes';
import { changeLog, devices } from './db/schema';
import { pruneChangeLog, rebuildChangeLog } from './pull';
import { addRegister, addStore, issueEnrolmentCode } from './stores';
import { describeEachDatabase } from './testing/databases';
import {
  anEvent,
  enrollTill,
  productPayload,
  saleEvent,
  storeWithRegister,
  type Till,
} from './testing/fixtures';

const CODE = '7751001200373';

const catalogProduct = (code: string): CatalogProduct => ({
  code,
  name: code,
  category: null,
  soldBy: 'unit',
  price: 100,
  cost: 0,
  taxCategory: 'IGV',
  trackStock: true,
  allowNegative: false,
  minStock: 0,
  active: true,
  barcodes: [],
});

describeEachDatabase('pull', (t) => {
  let app: FastifyInstance;
  let till: Till;
  let seq = 0;
  beforeEach(async () => {
    app = await buildApp({ db: t.db(), rateLimit: { max: 1000, timeWindow: 60_000 } });
    const { code } = await storeWithRegister(t.db());
    till = await enrollTill(app, code);
    seq = 0;
  });
  afterEach(async () => {
    await app.close();
  });

  async function pushAs(who: Till, ...list: SyncEvent[]) {
    const reply = await app.inject({
      method: 'POST',
      url: '/v1/push',
      headers: who.headers,
      payload: { device: who.deviceId, events: list },
    });
    expect(reply.statusCode, reply.body).toBe(200);
    return reply.json();
  }
  const upsert = (overrides: Record<string, unknown> = {}) =>
    anEvent(till.deviceId, ++seq, 'product.upserted', productPayload(overrides));
  async function pullAs(who: Till, payload: unknown) {
    return app.inject({
      method: 'POST',
      url: '/v1/pull',
      headers: who.headers,
      payload: payload as object,
    });
  }
  async function pullOk(who: Till, cursor: string | null, limit = 1000): Promise<PullResponse> {
    const reply = await pullAs(who, { cursor, limit });
    expect(reply.statusCode, reply.body).toBe(200);
    return reply.json();
  }
  async function secondTill(storeId = till.storeId, series = 'B002') {
    const register = await addRegister(t.db().orm, storeId, `CAJA-${series}`);
    const code = await issueEnrolmentCode(t.db().orm, storeId, register.registerId);
    return enrollTill(app, code.code, [{ documentType: 'BOLETA', series }]);
  }

  it('pages the store’s changes by cursor with hasMore, then answers nothing new', async () => {
    await pushAs(
      till,
      upsert(),
      upsert({ id: 8, code: 'ARR001', name: 'Arroz', categoryName: 'Abarrotes' }),
    );
    const first = await pullOk(till, null, 2);
    expect(first).toMatchObject({ hasMore: true, reset: false });
    expect(first.changes.map((c) => [c.entity, c.key])).toEqual([
      ['category', 'Bebidas'],
      ['product', CODE],
    ]);
    expect(first.changes[1]!.data).toMatchObject({
      code: CODE,
      price: 590,
      minStock: 6,
      barcodes: [CODE],
    });
    const second = await pullOk(till, first.cursor, 2);
    expect(second.changes.map((c) => c.key)).toEqual(['Abarrotes', 'ARR001']);
    expect(second.hasMore).toBe(false);
    const third = await pullOk(till, second.cursor, 2);
    expect(third).toMatchObject({
      changes: [],
      hasMore: false,
      reset: false,
      cursor: second.cursor,
    });
    expect(Math.abs(Date.parse(third.serverTime) - Date.now())).toBeLessThan(60_000);
  });

  it('a till receives the stock its store’s other registers moved, as the store’s figure', async () => {
    const other = await secondTill();
    const start = await pullOk(till, null);
    await pushAs(other, saleEvent(other.deviceId, 1, { series: 'B002', number: 'B002-00000001' }));
    const after = await pullOk(till, start.cursor);
    expect(after.changes).toEqual([
      { entity: 'stockMovement', key: CODE, op: 'upsert', data: { code: CODE, stock: -2 } },
    ]);
  });

  it('a device of another store sees none of this store’s changes, and this one none of its', async () => {
    await pushAs(till, upsert());
    const store = await addStore(t.db().orm, 'Otra tienda');
    const foreign = await secondTill(store.storeId, 'B001');
    expect((await pullOk(foreign, null)).changes).toEqual([]);
    // Even with this store's cursor in hand.
    const mine = await pullOk(till, null);
    const stolen = await pullOk(foreign, mine.cursor.replace(/\.\d+$/, '.0'));
    expect(stolen.changes).toEqual([]);
    await pushAs(
      foreign,
      anEvent(foreign.deviceId, 1, 'product.upserted', productPayload({ code: 'FOREIGN' })),
    );
    const again = await pullOk(till, mine.cursor);
    expect(again.changes).toEqual([]);
  });

  it('refuses a revoked device, no credential, a malformed cursor or limit, and writes nothing', async () => {
    await pushAs(till, upsert());
    const bad = [
      { cursor: 'garbage', limit: 10 },
      { cursor: 'v1.x.1', limit: 10 },
      { cursor: null, limit: 0 },
      { cursor: null, limit: 100_000 },
      { cursor: 42 },
      [1, 2, 3],
    ];
    for (const body of bad) {
      const reply = await pullAs(till, body);
      expect(reply.statusCode, JSON.stringify(body)).toBe(400);
      expect(reply.json().error.code).toBe('VALIDATION');
    }
    const anonymous = await app.inject({
      method: 'POST',
      url: '/v1/pull',
      payload: { cursor: null },
    });
    expect(anonymous.statusCode).toBe(401);
    const forged = await app.inject({
      method: 'POST',
      url: '/v1/pull',
      headers: { authorization: `Bearer ${till.storeId}.${till.deviceId}.forged-secret` },
      payload: { cursor: null },
    });
    expect(forged.statusCode).toBe(401);
    await t.db().orm.update(devices).set({ revokedAt: new Date() });
    const revoked = await pullAs(till, { cursor: null });
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().error.code).toBe('REVOKED');
  });

  it('answers reset to a cursor from before a pruned delete or a rebuilt log, with the whole state', async () => {
    await pushAs(till, upsert());
    const old = await pullOk(till, null);
    await withChanges(t.db().orm, till.storeId, async (_tx, changes: Changes) => {
      changes.upsert('category', 'Temporal', { name: 'Temporal' });
    });
    await withChanges(t.db().orm, till.storeId, async (_tx, changes: Changes) => {
      changes.delete('category', 'Temporal');
    });
    await setPrice(t.db().orm, till.storeId, CODE, 650);
    const caughtUp = await pullOk(till, null);
    // The first product change is superseded by the price: pruned, yet no reset is needed for it.
    const pruned = await pruneChangeLog(t.db().orm, till.storeId, new Date(Date.now() + 60_000));
    expect(pruned).toEqual({ superseded: 2, tombstones: 1 });
    const fromOld = await pullOk(till, old.cursor);
    expect(fromOld.reset).toBe(true);
    expect(
      fromOld.changes.map((c) => [c.entity, c.key, (c.data as { price?: number })?.price]),
    ).toEqual([
      ['category', 'Bebidas', undefined],
      ['product', CODE, 650],
    ]);
    expect((await pullOk(till, caughtUp.cursor)).reset).toBe(false);

    await rebuildChangeLog(t.db().orm, till.storeId);
    const afterRebuild = await pullOk(till, caughtUp.cursor);
    expect(afterRebuild.reset).toBe(true);
    expect(afterRebuild.changes.map((c) => c.key)).toEqual(['Bebidas', CODE]);
    expect((await pullOk(till, afterRebuild.cursor)).changes).toEqual([]);
  });

  it('conflicts: the order of receipt decides between a till’s edit and the server’s; stock is a sum of deltas', async () => {
    await pushAs(till, upsert());
    // The server changes the price; then a till's edit made offline earlier arrives: it is newer here.
    await setPrice(t.db().orm, till.storeId, CODE, 650);
    await pushAs(till, upsert({ price: 560, name: 'Inca Kola 500ml (oferta)', stock: 999 }));
    let state = await pullOk(till, null);
    const product = () => state.changes.filter((c) => c.entity === 'product').at(-1)!.data;
    expect(product()).toMatchObject({ price: 560, name: 'Inca Kola 500ml (oferta)' });
    // And the server's next edit wins over that.
    await setPrice(t.db().orm, till.storeId, CODE, 700);
    state = await pullOk(till, null);
    expect(product()).toMatchObject({ price: 700, name: 'Inca Kola 500ml (oferta)' });

    // Two registers adjust the same product: both deltas count, neither figure overwrites.
    const other = await secondTill();
    const adjust = (who: Till, s: number, quantity: number) =>
      anEvent(who.deviceId, s, 'stock.adjusted', {
        productId: 7,
        code: CODE,
        quantity,
        kind: 'ADJUST',
      });
    await pushAs(till, adjust(till, ++seq, 5));
    await pushAs(other, adjust(other, 1, -2));
    state = await pullOk(till, null);
    expect(state.changes.filter((c) => c.entity === 'stockMovement').at(-1)!.data).toEqual({
      code: CODE,
      stock: 3,
    });
  });

  it.runIf(t.kind === 'postgres')(
    'two overlapping transactions that commit out of order: no cursor steps over the late one',
    async () => {
      const other = await t.openAnother();
      const orm = t.db().orm;
      const released = () => {
        let release!: () => void;
        const gate = new Promise<void>((resolve) => (release = resolve));
        return { gate, release };
      };
      const note = (key: string) => (changes: Changes) =>
        changes.upsert('category', key, { name: key });

      // A starts first and holds its change until told; B starts later and commits first.
      const a = released();
      const aNoted = released();
      const txA = orm.transaction(async (tx) => {
        const changes = new Changes();
        // A writes its rows first (a product, as a push would), and its log entry at the end.
        await writeProduct(tx, changes, till.storeId, catalogProduct('A'), 'admin');
        note('A')(changes);
        aNoted.release();
        await a.gate;
        await changes.flush(tx, till.storeId);
        await a.gate;
      });
      await aNoted.gate;
      await other.orm.transaction(async (tx) => {
        const changes = new Changes();
        note('B')(changes);
        await changes.flush(tx, till.storeId);
      });
      const seenB = await pullOk(till, null);
      expect(seenB.changes.map((c) => c.key)).toEqual(['B']);

      // Now A takes its seq and, holding it, has not committed: a third writer must wait for it.
      const flushA = released();
      const c = released();
      const txA2 = orm.transaction(async (tx) => {
        const changes = new Changes();
        note('A2')(changes);
        await changes.flush(tx, till.storeId);
        flushA.release();
        await c.gate;
      });
      a.release();
      await txA;
      await flushA.gate;
      let cDone = false;
      const txC = other.orm
        .transaction(async (tx) => {
          const changes = new Changes();
          note('C')(changes);
          await changes.flush(tx, till.storeId);
        })
        .then(() => (cDone = true));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(cDone).toBe(false);
      const middle = await pullOk(till, seenB.cursor);
      expect(middle.changes.map((ch) => [ch.entity, ch.key])).toEqual([
        ['product', 'A'],
        ['category', 'A'],
      ]);
      c.release();
      await txA2;
      await txC;
      const rest = await pullOk(till, middle.cursor);
      expect(rest.changes.map((ch) => ch.key)).toEqual(['A2', 'C']);
      const all = await orm.select().from(changeLog).where(eq(changeLog.storeId, till.storeId));
      expect(all.map((r) => [r.seq, r.key]).sort((x, y) => Number(x[0]) - Number(y[0]))).toEqual([
        [1, 'B'],
        [2, 'A'],
        [3, 'A'],
        [4, 'A2'],
        [5, 'C'],
      ]);
    },
  );
});
