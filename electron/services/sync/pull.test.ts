/**
 * The till's puller against the real server app (in-process PGlite, a real
 * loopback port): an admin's price, an imported catalogue, a reset, another
 * store's catalogue, the till's own unacknowledged edit, and a page that is
 * applied whole or not at all, even when the till is SIGKILLed between pages.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { importProducts, setPrice } from '../../../server/catalog-admin';
import { products as serverProducts } from '../../../server/db/schema';
import { rebuildChangeLog } from '../../../server/pull';
import type { ServiceContext } from '../context';
import { product } from '../../testing/fixtures';
import { startTestServer, type TestServer, type TestStore } from '../../testing/sync-server';
import { setUpTill, type Till } from '../../testing/till';
import type { Fetch } from './client';
import { enrollTill } from './enroll';
import { pullChanges } from './pull';
import { pushExclusive, startSyncRunner } from './runner';
import { readSyncState, syncStatus } from './state';

const root = join(import.meta.dirname, '..', '..', '..');
let till: Till;
let ctx: ServiceContext;
let server: TestServer;
let store: TestStore;

interface LocalProduct {
  id: number;
  code: string;
  name: string;
  price: number;
  stock: number;
  active: number;
  tax_category: string;
  category: string | null;
}

function local(code: string): LocalProduct | undefined {
  return till.db.sqlite
    .prepare(
      `SELECT p.id, p.code, p.name, p.price, p.stock, p.active, p.tax_category, c.name AS category
       FROM products p LEFT JOIN categories c ON c.id = p.category_id WHERE p.code = ?`,
    )
    .get(code) as LocalProduct | undefined;
}
function barcodes(code: string): string[] {
  return till.db.sqlite
    .prepare(
      'SELECT b.barcode FROM product_barcodes b JOIN products p ON p.id = b.product_id WHERE p.code = ? ORDER BY b.barcode',
    )
    .pluck()
    .all(code) as string[];
}
function outboxSize(): number {
  return till.db.sqlite.prepare('SELECT count(*) FROM outbox').pluck().get() as number;
}
function pendingCount(): number {
  return till.db.sqlite
    .prepare('SELECT count(*) FROM outbox WHERE sent_at IS NULL')
    .pluck()
    .get() as number;
}
function codes(): string[] {
  return till.db.sqlite
    .prepare('SELECT code FROM products ORDER BY code')
    .pluck()
    .all() as string[];
}

function csv(text: string): Buffer {
  return Buffer.from(text, 'utf8');
}

async function enroll(): Promise<void> {
  await enrollTill(ctx, { serverUrl: server.url, code: await store.code() });
}

beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  till = await setUpTill('PE');
  ctx = { db: till.db, actor: null, now: () => till.clock.now, newId: till.uuid };
  store = await server.store();
});
afterEach(() => {
  till.close();
});

describe('pulling the catalogue', () => {
  it('brings an admin’s price to the till without writing an outbox event or touching stock', async () => {
    await product(till, { code: 'INC500', name: 'Inca Kola 500 ml', price: 250, stock: 24 });
    await enroll();
    // The till's own product comes back from the server: applying it is not an edit here.
    const first = await pushExclusive(ctx);
    expect(first).toMatchObject({ stop: 'done', pull: { stop: 'done', applied: 0 } });
    const events = outboxSize();
    const stock = local('INC500')!.stock;
    expect(stock).toBe(24_000);

    await setPrice(server.db.orm, store.storeId, 'INC500', 290);
    const round = await pullChanges(ctx);
    expect(round).toMatchObject({ stop: 'done', applied: 1, keptLocal: 0 });
    expect(local('INC500')).toMatchObject({ price: 290, name: 'Inca Kola 500 ml', stock });
    expect(outboxSize()).toBe(events);
    // And a push round after it has nothing to send: no echo goes back.
    expect(await pushExclusive(ctx)).toMatchObject({ sent: 0, stop: 'done' });
    expect(outboxSize()).toBe(events);

    const status = syncStatus(ctx);
    expect(status.lastPulledAt).toBe(till.clock.now.toISOString());
    expect(readSyncState(ctx)!.pullCursor).toMatch(/^v1\./);
  });

  it('receives products imported on the server, with category, tax category and barcodes, stock zero', async () => {
    await enroll();
    await importProducts(
      server.db.orm,
      store.storeId,
      csv(
        'codigo;nombre;categoria;precio;impuesto;stock;codigos_barras\n' +
          'ARR001;Arroz Costeño 1 kg;Abarrotes;4,90;IGV;50;7751001200373|7750000000017\n' +
          'LEC001;Leche Gloria 400 g;Lácteos;3.80;IGV;;\n',
      ),
    );
    const events = outboxSize();
    // Sync now (Settings, `pos sync push`) pulls after it pushes, and says what came down.
    const round = await till.call('sync.pushNow', {});
    expect(round.pulled).toEqual({ applied: 2, deactivated: 0, keptLocal: 0, skipped: 0 });
    expect(round.status.lastPulledAt).not.toBeNull();
    expect(local('ARR001')).toMatchObject({
      name: 'Arroz Costeño 1 kg',
      price: 490,
      category: 'Abarrotes',
      tax_category: 'IGV',
      stock: 0,
      active: 1,
    });
    expect(barcodes('ARR001')).toEqual(['7750000000017', '7751001200373']);
    expect(local('LEC001')).toMatchObject({ price: 380, category: 'Lácteos', stock: 0 });
    expect(outboxSize()).toBe(events);
    // The new product sells at the till by its barcode.
    const scanned = await till.call('products.byBarcode', { code: '7751001200373' });
    expect(scanned).toMatchObject({ product: { code: 'ARR001', stock: 0 }, source: 'barcode' });
  });

  it('moves a barcode to the product the server gave it last, and skips a tax category it lacks', async () => {
    await enroll();
    await importProducts(
      server.db.orm,
      store.storeId,
      csv('codigo;nombre;precio;codigos_barras\nVIEJO;Viejo;1.00;7750000000111\n'),
    );
    await pullChanges(ctx);
    await importProducts(
      server.db.orm,
      store.storeId,
      csv(
        'codigo;nombre;precio;impuesto;codigos_barras\n' +
          'NUEVO;Nuevo;2.00;IGV;7750000000111\n' +
          'RARO;Con impuesto desconocido;3.00;ZZZ;\n',
      ),
    );
    expect(await pullChanges(ctx)).toMatchObject({ stop: 'done', applied: 1, skipped: 1 });
    expect(barcodes('NUEVO')).toEqual(['7750000000111']);
    expect(barcodes('VIEJO')).toEqual([]);
    expect(local('RARO')).toBeUndefined();
    expect(syncStatus(ctx).lastError).toMatchObject({ code: 'PULL_SKIPPED' });
    expect(syncStatus(ctx).lastError!.message).toContain('RARO');
  });

  it('never receives another store’s catalogue', async () => {
    const other = await server.store();
    await importProducts(
      server.db.orm,
      other.storeId,
      csv('codigo;nombre;precio\nOTRA01;De otra tienda;9.90\n'),
    );
    await enroll();
    await importProducts(
      server.db.orm,
      store.storeId,
      csv('codigo;nombre;precio\nMIA01;Mía;1.00\n'),
    );
    await pullChanges(ctx);
    await setPrice(server.db.orm, other.storeId, 'OTRA01', 1);
    await pullChanges(ctx);
    expect(codes()).toContain('MIA01');
    expect(codes()).not.toContain('OTRA01');
  });

  it('keeps the till’s own unacknowledged edit, and the server takes it as the newest', async () => {
    const p = await product(till, { code: 'CAF01', name: 'Café', price: 1500, stock: 5 });
    await enroll();
    await pushExclusive(ctx);
    // Offline, the till changes the price; meanwhile the admin changes it on the server.
    await till.call('products.update', { id: p.id, price: 1600 });
    await setPrice(server.db.orm, store.storeId, 'CAF01', 1450);
    const round = await pullChanges(ctx);
    expect(round).toMatchObject({ keptLocal: 1, applied: 0 });
    expect(local('CAF01')!.price).toBe(1600);
    // Its push arrives after the admin's change: by the server's order of receipt it wins.
    const after = await pushExclusive(ctx);
    expect(after.pull).toMatchObject({ stop: 'done', keptLocal: 0 });
    expect(local('CAF01')!.price).toBe(1600);
    const [onServer] = await server.db.orm
      .select()
      .from(serverProducts)
      .where(and(eq(serverProducts.storeId, store.storeId), eq(serverProducts.code, 'CAF01')));
    expect(onServer!.price).toBe(1600);
  });
});

describe('in the background', () => {
  it('the runner pulls after it pushes: a price changed on the server arrives by itself', async () => {
    await product(till, { code: 'AZU01', name: 'Azúcar', price: 420, stock: 3 });
    await enroll();
    const rounds: string[] = [];
    const runner = startSyncRunner({
      ctx: () => ctx,
      idleMs: 50,
      onRound: (round) => rounds.push(`${round.stop}/${round.pull?.stop ?? '-'}`),
    });
    try {
      await vi.waitFor(() => expect(outboxSize() - pendingCount()).toBeGreaterThan(0));
      await setPrice(server.db.orm, store.storeId, 'AZU01', 450);
      await vi.waitFor(() => expect(local('AZU01')!.price).toBe(450), { timeout: 10_000 });
    } finally {
      await runner.stop();
    }
    expect(rounds).toContain('done/done');
    expect(local('AZU01')!.stock).toBe(3000);
    expect(pendingCount()).toBe(0);
  });
});

describe('reset', () => {
  it('applies the whole current state over several pages and deactivates what the server no longer has', async () => {
    await enroll();
    await importProducts(
      server.db.orm,
      store.storeId,
      csv('codigo;nombre;precio\nA1;Uno;1.00\nA2;Dos;2.00\nA3;Tres;3.00\nGONE;Se va;4.00\n'),
    );
    await pullChanges(ctx);
    expect(codes()).toEqual(['A1', 'A2', 'A3', 'GONE']);
    // The server loses GONE (restored from a backup) and rebuilds its log under a new epoch.
    await server.db.orm
      .delete(serverProducts)
      .where(and(eq(serverProducts.storeId, store.storeId), eq(serverProducts.code, 'GONE')));
    await setPrice(server.db.orm, store.storeId, 'A2', 250);
    await rebuildChangeLog(server.db.orm, store.storeId);
    const events = outboxSize();

    const round = await pullChanges(ctx, { pageSize: 1 });
    expect(round).toMatchObject({ stop: 'done', reset: true, deactivated: 1 });
    expect(round.pages).toBeGreaterThanOrEqual(3);
    // Deactivated, not deleted: past sales still name it.
    expect(local('GONE')).toMatchObject({ active: 0 });
    expect(local('A1')).toMatchObject({ active: 1 });
    expect(local('A2')).toMatchObject({ active: 1, price: 250 });
    expect(readSyncState(ctx)!.pullResetting).toBe(false);
    expect(till.db.sqlite.prepare('SELECT count(*) FROM sync_pull_seen').pluck().get()).toBe(0);
    expect(outboxSize()).toBe(events);
  });

  it('does not deactivate a product whose own edit is still on its way to the server', async () => {
    await enroll();
    await pushExclusive(ctx);
    await rebuildChangeLog(server.db.orm, store.storeId);
    // Created here after the server's log was rebuilt, not pushed yet.
    await product(till, { code: 'NUEVO', price: 100 });
    const round = await pullChanges(ctx);
    expect(round).toMatchObject({ reset: true, deactivated: 0, keptLocal: 1 });
    expect(local('NUEVO')).toMatchObject({ active: 1 });
  });
});

describe('a page is applied whole, with its cursor', () => {
  async function threeProducts(): Promise<void> {
    await enroll();
    await importProducts(
      server.db.orm,
      store.storeId,
      csv('codigo;nombre;precio\nP1;Uno;1.00\nP2;Dos;2.00\nP3;Tres;3.00\nP4;Cuatro;4.00\n'),
    );
  }

  it('leaves nothing of a page that failed half way, and resumes from the last page applied', async () => {
    await threeProducts();
    // The third product cannot be written: the second page (P3, P4) must leave no trace.
    till.db.sqlite.exec(
      "CREATE TRIGGER boom BEFORE INSERT ON products WHEN NEW.code = 'P3' BEGIN SELECT RAISE(ABORT, 'disk full'); END",
    );
    await expect(pullChanges(ctx, { pageSize: 2 })).rejects.toThrow(/disk full/);
    expect(codes()).toEqual(['P1', 'P2']);
    const cursor = readSyncState(ctx)!.pullCursor;
    expect(cursor).toMatch(/^v1\..*\.2$/);
    expect(syncStatus(ctx).lastPulledAt).toBeNull();

    till.db.sqlite.exec('DROP TRIGGER boom');
    const asked: (string | null)[] = [];
    const spying: Fetch = async (input, init) => {
      asked.push((JSON.parse(String(init?.body)) as { cursor: string | null }).cursor);
      return fetch(input, init);
    };
    expect(await pullChanges(ctx, { pageSize: 2, fetch: spying })).toMatchObject({
      stop: 'done',
      applied: 2,
    });
    expect(asked[0]).toBe(cursor);
    expect(codes()).toEqual(['P1', 'P2', 'P3', 'P4']);
  });

  it('a till SIGKILLed between pages resumes from the last page it stored', async () => {
    await threeProducts();
    // Not spawnSync: the server answering the child runs in this process.
    const child = await new Promise<{ signal: NodeJS.Signals | null; stdout: string }>(
      (resolve, reject) => {
        const running = spawn(
          process.execPath,
          ['--import', 'tsx', 'electron/testing/sync-pull-child.ts', till.file],
          { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
        );
        let stdout = '';
        running.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        running.on('error', reject);
        running.on('exit', (_code, signal) => resolve({ signal, stdout }));
      },
    );
    expect(child.signal).toBe('SIGKILL');
    expect(child.stdout).toContain('PAGE 2');
    // The first page (and its cursor) committed; the second was never applied.
    expect(codes()).toEqual(['P1', 'P2']);
    expect(readSyncState(ctx)!.pullCursor).toMatch(/\.2$/);
    expect(await pullChanges(ctx, { pageSize: 2 })).toMatchObject({ stop: 'done', applied: 2 });
    expect(codes()).toEqual(['P1', 'P2', 'P3', 'P4']);
  });

  it('an unreachable server leaves the cursor and says so', async () => {
    await threeProducts();
    const down: Fetch = () => Promise.reject(new TypeError('fetch failed'));
    expect(await pullChanges(ctx, { fetch: down })).toMatchObject({ stop: 'offline', pages: 0 });
    expect(readSyncState(ctx)!.pullCursor).toBeNull();
    expect(syncStatus(ctx)).toMatchObject({ phase: 'offline', lastError: { code: 'OFFLINE' } });
    expect(await pullChanges(ctx)).toMatchObject({ stop: 'done', applied: 4 });
    expect(syncStatus(ctx).phase).toBe('synced');
  });
});
