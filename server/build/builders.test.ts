/** Every event type the till pushes builds the server's tables; refusals go to review. */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { SyncEvent } from '../../core/sync';
import { buildApp } from '../app';
import { stockFigures } from '../changes';
import {
  cashMovements,
  cashSessions,
  changeLog,
  products,
  reviewItems,
  saleLines,
  saleReturns,
  sales,
  stockMovements,
} from '../db/schema';
import { describeEachDatabase } from '../testing/databases';
import {
  anEvent,
  enrollTill,
  productPayload,
  returnPayload,
  saleEvent,
  storeWithRegister,
  type Till,
} from '../testing/fixtures';

const CODE = '7751001200373';

describeEachDatabase('builders', (t) => {
  let app: FastifyInstance;
  let till: Till;
  let seq = 0;
  beforeEach(async () => {
    app = await buildApp({ db: t.db(), rateLimit: { max: 1000, timeWindow: 60_000 } });
    const { code } = await storeWithRegister(t.db());
    till = await enrollTill(app, code, [
      { documentType: 'BOLETA', series: 'B001' },
      { documentType: 'NOTA_CREDITO', series: 'BC01' },
    ]);
    seq = 0;
  });
  afterEach(async () => {
    await app.close();
  });

  const next = () => ++seq;
  const ev = (type: SyncEvent['type'], payload: Record<string, unknown>) =>
    anEvent(till.deviceId, next(), type, payload);
  const sale = (overrides: Record<string, unknown> = {}) =>
    saleEvent(till.deviceId, next(), overrides);
  async function push(...list: SyncEvent[]) {
    const reply = await app.inject({
      method: 'POST',
      url: '/v1/push',
      headers: till.headers,
      payload: { device: till.deviceId, events: list },
    });
    expect(reply.statusCode, reply.body).toBe(200);
    return reply.json();
  }
  const stock = async () => (await stockFigures(t.db().orm, till.storeId, [CODE])).get(CODE) ?? 0;
  const saleRow = async (id: string) =>
    (await t.db().orm.select().from(sales).where(eq(sales.saleId, id)))[0]!;

  it('a sale takes its quantity out of stock; a void puts it back', async () => {
    const sold = sale();
    await push(sold);
    expect(await stock()).toBe(-2000);
    await push(ev('sale.voided', { id: sold.aggregateId, reason: 'error' }));
    expect(await stock()).toBe(0);
    const kinds = (await t.db().orm.select().from(stockMovements)).map((m) => m.kind).sort();
    expect(kinds).toEqual(['SALE', 'VOID']);
  });

  it('a product the server knows does not track stock moves none', async () => {
    await push(ev('product.upserted', productPayload({ trackStock: false })));
    await push(sale());
    expect(await t.db().orm.select().from(stockMovements)).toEqual([]);
  });

  it('sale.updated replaces the lines and figures, keeps the number and moves the difference in stock', async () => {
    const sold = sale();
    await push(sold);
    const edited = {
      ...sold.payload,
      status: 'EDITADA',
      customer: { id: 3, name: 'Ana Quispe', documentType: 'DNI', documentNumber: '45678912' },
      lines: [
        {
          ...(sold.payload as any).lines[0],
          quantity: 3,
          gross: 1770,
          base: 1500,
          tax: 270,
          total: 1770,
        },
      ],
      taxed: [{ rate: 1800, base: 1500, tax: 270 }],
      taxableBase: 1500,
      tax: 270,
      total: 1770,
    };
    const reply = await push(ev('sale.updated', edited));
    expect(reply).toMatchObject({ applied: 1, rejected: [] });
    expect(await saleRow(sold.aggregateId)).toMatchObject({
      status: 'EDITADA',
      total: 1770,
      customerName: 'Ana Quispe',
      number: 'B001-00000001',
    });
    expect(await t.db().orm.select().from(saleLines)).toMatchObject([
      { quantity: 3000, total: 1770 },
    ]);
    expect(await stock()).toBe(-3000);

    const renumbered = { ...edited, correlative: 9, number: 'B001-00000009' };
    const unknown = { ...edited, id: randomUUID() };
    const refused = await push(ev('sale.updated', renumbered), ev('sale.updated', unknown));
    expect(refused.rejected.map((r: { code: string }) => r.code)).toEqual([
      'NUMBER_CHANGED',
      'SALE_NOT_FOUND',
    ]);
    expect(await stock()).toBe(-3000);
  });

  it('sale.returned records the credit note, what was refunded, and brings stock back', async () => {
    const sold = sale();
    await push(sold);
    const credit = returnPayload(sold.aggregateId, 1);
    expect(await push(ev('sale.returned', credit))).toMatchObject({ applied: 1, rejected: [] });
    expect(await t.db().orm.select().from(saleReturns)).toMatchObject([
      { number: 'BC01-00000001', total: 590, refunded: 590, saleId: sold.aggregateId },
    ]);
    expect((await saleRow(sold.aggregateId)).refunded).toBe(590);
    expect(await stock()).toBe(-1000);

    // The same credit-note number for another return, and a return of an unknown sale: review.
    const again = returnPayload(sold.aggregateId, 1);
    const orphan = returnPayload(randomUUID(), 1, { number: 'BC01-00000002' });
    const refused = await push(ev('sale.returned', again), ev('sale.returned', orphan));
    expect(refused.rejected.map((r: { code: string }) => r.code)).toEqual([
      'DOCUMENT_NUMBER_TAKEN',
      'SALE_NOT_FOUND',
    ]);
    expect(await t.db().orm.$count(saleReturns)).toBe(1);
    expect(await stock()).toBe(-1000);
  });

  it('sale.deleted keeps the row as ELIMINADA, returns its stock, and refuses a sale with returns', async () => {
    const plain = sale();
    const returned = sale();
    await push(plain, returned, ev('sale.returned', returnPayload(returned.aggregateId, 1)));
    const reply = await push(
      ev('sale.deleted', { id: plain.aggregateId, number: 'B001-00000001', reason: 'prueba' }),
      ev('sale.deleted', { id: returned.aggregateId, number: 'B001-00000002', reason: 'x' }),
    );
    expect(reply).toMatchObject({ applied: 1, rejected: [{ code: 'HAS_RETURNS' }] });
    expect(await saleRow(plain.aggregateId)).toMatchObject({
      status: 'ELIMINADA',
      statusReason: 'prueba',
    });
    expect((await saleRow(returned.aggregateId)).status).toBe('COMPLETADA');
    // plain's 2 came back; returned still holds 2 − 1.
    expect(await stock()).toBe(-1000);
  });

  it('cash sessions: opened, movements, closed with the Z report; out-of-order ones go to review', async () => {
    const sessionId = randomUUID();
    const opened = {
      id: sessionId,
      number: 1,
      openingFloat: 10000,
      openedAt: '2026-12-05T13:00:00.000Z',
      openedBy: { id: 2, name: 'Carlos' },
      status: 'ABIERTA',
    };
    const movement = (id: string, session: string = sessionId) => ({
      id,
      sessionId: session,
      direction: 'OUT',
      type: 'gasto',
      amount: 1500,
      description: 'Bolsas',
      user: { id: 2, name: 'Carlos' },
      createdAt: '2026-12-05T18:00:00.000Z',
    });
    const z = {
      kind: 'Z',
      session: {
        id: sessionId,
        closedAt: '2026-12-06T02:30:00.000Z',
        closedBy: { id: 2, name: 'Carlos' },
        expectedCash: 8500,
        countedCash: 8400,
        difference: -100,
      },
      sales: { count: 0, total: 0 },
    };
    const reply = await push(
      ev('cash.opened', opened),
      ev('cash.movement', movement(randomUUID())),
      ev('cash.movement', movement(randomUUID(), 'no-such-session')),
      ev('cash.closed', z),
      ev('cash.movement', movement(randomUUID())),
      ev('cash.opened', opened),
    );
    expect(reply).toMatchObject({ acknowledgedSeq: 6, applied: 3 });
    expect(reply.rejected.map((r: { code: string }) => r.code)).toEqual([
      'SESSION_NOT_FOUND',
      'SESSION_CLOSED',
      'DUPLICATE_SESSION',
    ]);
    expect(await t.db().orm.select().from(cashSessions)).toMatchObject([
      {
        status: 'CERRADA',
        openingFloat: 10000,
        openedBy: 'Carlos',
        countedCash: 8400,
        difference: -100,
        zReport: { kind: 'Z', sales: { count: 0 } },
      },
    ]);
    expect(await t.db().orm.select().from(cashMovements)).toMatchObject([
      { direction: 'OUT', type: 'gasto', amount: 1500 },
    ]);
  });

  it('stock.adjusted adds a delta to a product the server can name, else goes to review', async () => {
    const adjust = (extra: Record<string, unknown>) => ({
      id: 40,
      productId: 7,
      quantity: 12.5,
      kind: 'ADJUST',
      reason: 'Conteo',
      balanceAfter: 12.5,
      createdAt: '2026-12-05T12:00:00.000Z',
      ...extra,
    });
    const unknown = await push(ev('stock.adjusted', adjust({})));
    expect(unknown.rejected).toMatchObject([{ code: 'UNKNOWN_PRODUCT' }]);
    // Once the till said which code its product 7 is, its adjustments apply.
    await push(ev('product.upserted', productPayload()), ev('stock.adjusted', adjust({})));
    expect(await stock()).toBe(12_500);
    await push(ev('stock.adjusted', adjust({ productId: 99, code: 'OTRO', quantity: -1 })));
    expect((await stockFigures(t.db().orm, till.storeId, ['OTRO'])).get('OTRO')).toBe(-1000);
  });

  it('product.upserted writes the catalogue by code, leaves stock to movements, and logs it for pull', async () => {
    await push(ev('product.upserted', productPayload({ stock: 500 })));
    expect(await t.db().orm.select().from(products)).toMatchObject([
      { code: CODE, price: 590, minStock: 6000, category: 'Bebidas', barcodes: [CODE] },
    ]);
    expect(await stock()).toBe(0);
    const log = await t.db().orm.select().from(changeLog).orderBy(changeLog.seq);
    expect(log.map((c) => [c.seq, c.entity, c.key])).toEqual([
      [1, 'category', 'Bebidas'],
      [2, 'product', CODE],
    ]);
  });

  it('a refused event leaves no rows of its own behind', async () => {
    const sold = sale();
    await push(sold);
    const before = await t.db().orm.$count(stockMovements);
    await push(ev('sale.returned', returnPayload(randomUUID(), 1)));
    expect(await t.db().orm.$count(stockMovements)).toBe(before);
    const [item] = await t
      .db()
      .orm.select()
      .from(reviewItems)
      .where(and(eq(reviewItems.storeId, till.storeId), eq(reviewItems.code, 'SALE_NOT_FOUND')));
    expect(item).toMatchObject({ type: 'sale.returned', resolvedAt: null });
  });
});
