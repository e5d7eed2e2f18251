import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { PullResponse, SyncEvent } from '../core/sync';
import { ADMIN_COMMANDS, type AdminCommand } from './admin';
import { ensureAdminToken } from './admin-token';
import { buildApp } from './app';
import {
  adminTokens,
  changeLog,
  devices,
  documentSeries,
  events,
  products,
  stockMovements,
  stores,
} from './db/schema';
import { enroll } from './enroll';
import { describeEachDatabase } from './testing/databases';
import {
  anEvent,
  enrollTill,
  productPayload,
  returnPayload,
  saleEvent,
  storeWithRegister,
  type Till,
} from './testing/fixtures';

describeEachDatabase('admin commands', (t) => {
  it('adds a store and a register with its series, issues a code, lists and revokes devices', async () => {
    const orm = t.db().orm;
    const store = await ADMIN_COMMANDS['store-add'](orm, { name: 'Sucursal Centro' });
    expect(await ADMIN_COMMANDS.stores(orm)).toMatchObject([{ name: 'Sucursal Centro' }]);
    await ADMIN_COMMANDS['register-add'](orm, {
      store: store.storeId,
      code: 'CAJA1',
      series: 'B001:BOLETA,F001:FACTURA',
    });
    expect(await orm.select().from(documentSeries)).toHaveLength(2);
    await expect(
      ADMIN_COMMANDS['register-add'](orm, {
        store: store.storeId,
        code: 'CAJA2',
        series: 'B001:BOLETA',
      }),
    ).rejects.toMatchObject({ code: 'SERIES_TAKEN' });
    const code = await ADMIN_COMMANDS['enrolment-code'](orm, {
      store: store.storeId,
      register: 'CAJA1',
    });
    const device = await enroll(orm, { code: code.code });
    expect(device.series).toHaveLength(2);
    expect(await ADMIN_COMMANDS.devices(orm, { store: store.storeId })).toMatchObject([
      { deviceId: device.deviceId, revokedAt: null },
    ]);
    await ADMIN_COMMANDS.revoke(orm, { device: device.deviceId });
    const [row] = await orm.select().from(devices);
    expect(row!.revokedAt).not.toBeNull();
    await expect(ADMIN_COMMANDS.revoke(orm, { device: 'nope' })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await expect(
      ADMIN_COMMANDS['enrolment-code'](orm, { store: store.storeId, register: 'CAJA9' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describeEachDatabase('admin commands for the catalogue, the review list and day totals', (t) => {
  let app: FastifyInstance;
  let till: Till;
  beforeEach(async () => {
    app = await buildApp({ db: t.db(), rateLimit: { max: 1000, timeWindow: 60_000 } });
    const { code } = await storeWithRegister(t.db());
    till = await enrollTill(app, code, [
      { documentType: 'BOLETA', series: 'B001' },
      { documentType: 'NOTA_CREDITO', series: 'BC01' },
    ]);
  });
  afterEach(async () => {
    await app.close();
  });
  const run = <C extends AdminCommand>(command: C, args: Record<string, string>) =>
    ADMIN_COMMANDS[command](t.db().orm, args) as ReturnType<(typeof ADMIN_COMMANDS)[C]>;
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
  async function pulled(cursor: string | null = null): Promise<PullResponse> {
    const reply = await app.inject({
      method: 'POST',
      url: '/v1/pull',
      headers: till.headers,
      payload: { cursor },
    });
    return reply.json();
  }
  const csv = (text: string, encoding: BufferEncoding | 'win1252' = 'utf8') =>
    (encoding === 'win1252' ? iconv.encode(text, 'win1252') : Buffer.from(text, encoding)).toString(
      'base64',
    );

  it('import-products writes the store’s catalogue from the till’s CSV and it reaches the tills', async () => {
    const file =
      '\uFEFFcodigo;nombre;categoria;precio;impuesto;stock;codigos_barras\n' +
      'ARR001;Arroz Costeño 1 kg;Abarrotes;4,90;IGV;50;7751001200373|7750000000017\n' +
      'LEC001;Leche Gloria 400 g;Lácteos;S/ 3.80;IGV;;\n';
    const result = await run('import-products', { store: till.storeId, content: csv(file) });
    expect(result).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const first = await pulled();
    expect(first.changes.filter((c) => c.entity === 'product').map((c) => c.data)).toMatchObject([
      {
        code: 'ARR001',
        name: 'Arroz Costeño 1 kg',
        price: 490,
        categoryName: 'Abarrotes',
        barcodes: ['7751001200373', '7750000000017'],
      },
      { code: 'LEC001', price: 380, categoryName: 'Lácteos' },
    ]);
    // Excel's Windows-1252 re-export changing one price: only that product changes; stock is not read.
    const again =
      'codigo,nombre,precio\r\nARR001,Arroz Costeño 1 kg,5.20\r\nLEC001,Leche Gloria 400 g,3.80\r\n';
    expect(
      await run('import-products', { store: till.storeId, content: csv(again, 'win1252') }),
    ).toEqual({ created: 0, updated: 1, unchanged: 1 });
    const next = await pulled(first.cursor);
    expect(next.changes.map((c) => [c.key, (c.data as { price: number }).price])).toEqual([
      ['ARR001', 520],
    ]);
    expect(await t.db().orm.$count(stockMovements)).toBe(0);
  });

  it('import-products refuses a bad file whole, saying which line and column', async () => {
    const bad = 'codigo;nombre;precio\nA1;Uno;1,234\nA2;;2\nA1;Otra vez;3\nA3;Nuevo;\n';
    await expect(
      run('import-products', { store: till.storeId, content: csv(bad) }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      details: {
        issues: [
          { line: 2, column: 'precio' },
          { line: 3, column: 'nombre' },
          { line: 4, column: 'codigo' },
        ],
      },
    });
    const missingPrice = 'codigo;nombre;precio\nA1;Uno;1\nA3;Nuevo;\n';
    await expect(
      run('import-products', { store: till.storeId, content: csv(missingPrice) }),
    ).rejects.toMatchObject({ code: 'VALIDATION', details: { issues: [{ line: 3 }] } });
    expect(await t.db().orm.$count(products)).toBe(0);
    expect(await t.db().orm.$count(changeLog)).toBe(0);
    await expect(
      run('import-products', { store: randomUUID(), content: csv('codigo\nA\n') }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('price sets a product’s price as typed and it reaches the tills; an unknown code changes nothing', async () => {
    await run('import-products', {
      store: till.storeId,
      content: csv('codigo;nombre;precio\nARR001;Arroz;4.90\n'),
    });
    const before = await pulled();
    expect(
      await run('price', { store: till.storeId, code: 'ARR001', price: '5,50' }),
    ).toMatchObject({
      price: 550,
      before: 490,
    });
    const after = await pulled(before.cursor);
    expect(after.changes).toMatchObject([
      { entity: 'product', key: 'ARR001', data: { price: 550 } },
    ]);
    await expect(
      run('price', { store: till.storeId, code: 'NOPE', price: '1' }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      run('price', { store: till.storeId, code: 'ARR001', price: '1,234' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await expect(
      run('price', { store: till.storeId, code: 'ARR001', price: '-1' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
    });
  });

  it('review lists refused events; review-resolve records a decision, or retries the event', async () => {
    const adjust = anEvent(till.deviceId, 1, 'stock.adjusted', {
      productId: 7,
      quantity: 5,
      kind: 'ADJUST',
    });
    const orphanVoid = anEvent(till.deviceId, 2, 'sale.voided', { id: randomUUID(), reason: 'x' });
    await push(adjust, orphanVoid);
    const open = await run('review', { store: till.storeId });
    expect(open.map((i) => [i.id, i.code])).toEqual([
      [adjust.eventId, 'UNKNOWN_PRODUCT'],
      [orphanVoid.eventId, 'SALE_NOT_FOUND'],
    ]);
    // Still unknown: a retry leaves it open with the reason.
    expect(await run('review-resolve', { id: adjust.eventId, retry: 'true' })).toMatchObject({
      resolved: false,
      code: 'UNKNOWN_PRODUCT',
    });
    // The till names its product 7; now the adjustment applies.
    await push(anEvent(till.deviceId, 3, 'product.upserted', productPayload()));
    expect(await run('review-resolve', { id: adjust.eventId, retry: 'true' })).toMatchObject({
      resolved: true,
      resolution: 'applied',
    });
    expect(await t.db().orm.select().from(stockMovements)).toMatchObject([
      { quantity: 5000, kind: 'ADJUST' },
    ]);
    const [stored] = await t
      .db()
      .orm.select()
      .from(events)
      .where(eq(events.eventId, adjust.eventId));
    expect(stored!.status).toBe('APPLIED');

    await run('review-resolve', { id: orphanVoid.eventId, note: 'Venta anulada en papel' });
    expect(await run('review', { store: till.storeId })).toEqual([]);
    expect(
      (await run('review', { store: till.storeId, all: 'true' })).map((i) => i.resolution),
    ).toEqual(['applied', 'Venta anulada en papel']);
    await expect(run('review-resolve', { id: orphanVoid.eventId })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await expect(run('review-resolve', { id: randomUUID() })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('day-totals: per local day of the store, a late offline sale on its own day, voids and returns apart', async () => {
    // 22:30 in Lima on the 5th is 03:30 UTC on the 6th; it arrives days later.
    const late = saleEvent(till.deviceId, 1, { createdAt: '2026-12-06T03:30:00.000Z' });
    const morning = saleEvent(till.deviceId, 2, {
      createdAt: '2026-12-06T14:00:00.000Z',
      payments: [
        {
          id: randomUUID(),
          method: 'EFECTIVO',
          currency: 'PEN',
          tendered: 500,
          change: 0,
          amount: 500,
          bank: null,
          reference: null,
        },
        {
          id: randomUUID(),
          method: 'TARJETA',
          currency: 'PEN',
          tendered: 680,
          change: 0,
          amount: 680,
          bank: 'BCP',
          reference: '1234',
        },
      ],
    });
    const voided = saleEvent(till.deviceId, 3, { createdAt: '2026-12-06T15:00:00.000Z' });
    await push(
      late,
      morning,
      voided,
      anEvent(till.deviceId, 4, 'sale.voided', { id: voided.aggregateId, reason: 'error' }),
      anEvent(till.deviceId, 5, 'sale.returned', returnPayload(morning.aggregateId, 1)),
    );
    const report = await run('day-totals', {
      store: till.storeId,
      from: '2026-12-05',
      to: '2026-12-07',
    });
    expect(report.timeZone).toBe('America/Lima');
    expect(report.days).toMatchObject([
      {
        date: '2026-12-05',
        sales: { count: 1, total: 1180, tax: 180 },
        payments: [{ method: 'EFECTIVO', count: 1, amount: 1180 }],
        voids: { count: 0 },
        returns: { count: 0 },
        net: 1180,
      },
      {
        date: '2026-12-06',
        sales: { count: 1, total: 1180, tax: 180, taxableBase: 1000 },
        payments: [
          { method: 'EFECTIVO', amount: 500 },
          { method: 'TARJETA', amount: 680 },
        ],
        voids: { count: 1, total: 1180 },
        returns: { count: 1, total: 590, refunded: 590 },
        net: 590,
      },
      { date: '2026-12-07', sales: { count: 0, total: 0 }, payments: [], net: 0 },
    ]);
    // In another store's zone the same instant is another day.
    const tokyo = await run('store-add', { name: 'Tokio', 'time-zone': 'Asia/Tokyo' });
    expect(tokyo).toMatchObject({ timeZone: 'Asia/Tokyo' });
    await expect(
      run('store-add', { name: 'X', 'time-zone': 'Mars/Olympus' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    for (const range of [
      { from: '2026-12-07', to: '2026-12-05' },
      { from: '5/12/2026', to: '2026-12-05' },
      { from: '2024-01-01', to: '2026-01-01' },
    ]) {
      await expect(run('day-totals', { store: till.storeId, ...range })).rejects.toMatchObject({
        code: 'VALIDATION',
      });
    }
  });

  it('changes-prune drops superseded changes; changes-rebuild makes every till start over', async () => {
    const content = csv('codigo;nombre;precio\nARR001;Arroz;4.90\n');
    await run('import-products', { store: till.storeId, content });
    await run('price', { store: till.storeId, code: 'ARR001', price: '5' });
    const before = await pulled();
    expect(await run('changes-prune', { store: till.storeId })).toEqual({
      superseded: 1,
      tombstones: 0,
    });
    expect((await pulled(before.cursor)).reset).toBe(false);
    await expect(run('changes-prune', { store: till.storeId, days: '-1' })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    expect(await run('changes-rebuild', { store: till.storeId })).toEqual({ changes: 1 });
    const after = await pulled(before.cursor);
    expect(after).toMatchObject({
      reset: true,
      changes: [{ key: 'ARR001', data: { price: 500 } }],
    });
  });

  it('the admin endpoint runs the same commands with the admin token, and refuses anyone else', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tendero-admin-'));
    try {
      const { token, created } = await ensureAdminToken(t.db().orm, dir);
      expect(created).toBe(true);
      expect((statSync(join(dir, 'admin-token')).mode & 0o777).toString(8)).toBe('600');
      expect(await ensureAdminToken(t.db().orm, dir)).toEqual({ token, created: false });
      const [row] = await t.db().orm.select().from(adminTokens);
      expect(row!.tokenHash).not.toContain(token);
      const call = (command: string, authorization: string | undefined, args: object = {}) =>
        app.inject({
          method: 'POST',
          url: `/v1/admin/${command}`,
          headers: authorization ? { authorization } : {},
          payload: { args },
        });
      const ok = await call('stores', `Admin ${token}`);
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ ok: true, value: [{ storeId: till.storeId }] });
      for (const authorization of [
        undefined,
        `Admin ${token}x`,
        till.headers.authorization,
        `Bearer ${token}`,
      ]) {
        const refused = await call('store-add', authorization, { name: 'Intrusa' });
        expect(refused.statusCode).toBe(401);
        expect(refused.json().error.code).toBe('UNAUTHENTICATED');
      }
      expect((await call('drop-tables', `Admin ${token}`)).statusCode).toBe(404);
      const bad = await call('price', `Admin ${token}`, {
        store: till.storeId,
        code: 'X',
        price: 'abc',
      });
      expect(bad.statusCode).toBe(400);
      const notStrings = await app.inject({
        method: 'POST',
        url: '/v1/admin/stores',
        headers: { authorization: `Admin ${token}` },
        payload: { args: { name: 5 } },
      });
      expect(notStrings.statusCode).toBe(400);
      expect(await t.db().orm.$count(stores)).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
