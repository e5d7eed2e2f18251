/**
 * Documents: how fast a receipt prints and how long the heavy papers take.
 *
 * The store is a smaller synthetic year, built here through the real
 * services in a few seconds: 365 closed days of 30 sales each plus one
 * session of 2,000 sales for the Z report. The big generated store of
 * db.bench.ts (≥ 300,000 sales, several GB, many minutes to build) would
 * change none of these figures: a receipt reads one sale, a Z report reads
 * the stored Z, and a year report draws 365 bars, 20 products and a few
 * dozen rows however many sales make them up (reports.summary over the big
 * store has its own line in the db suite).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { roundRatio } from '../core/money/rounding';
import { addDays } from '../core/time';
import { openDatabase } from '../db/open';
import { createApi, type Session } from '../electron/api';
import { closeRenderPool, renderPool } from '../electron/documents/handlers';
import { cashReportRequest, periodRequest, saleRequest } from '../electron/documents/load';
import { renderPdf } from '../electron/documents/render';
import { cashHandlers } from '../electron/services/cash/handlers';
import type { ServiceContext } from '../electron/services/context';
import { createSale } from '../electron/services/sales/create';
import { against, measure, summarize, type Measurement } from './harness';

const DAYS = 365;
const SALES_PER_DAY = 30;
const Z_SALES = 2_000;
const FIRST_DAY = '2025-01-01';
const PRODUCTS = 200;

function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Shop {
  readonly ctx: ServiceContext;
  readonly saleId: string;
  readonly zSessionId: string;
  readonly lastDay: string;
  readonly close: () => void;
}

async function buildShop(): Promise<Shop> {
  const dir = mkdtempSync(join(tmpdir(), 'tendero-bench-docs-'));
  const db = openDatabase(join(dir, 'tendero.sqlite'));
  // Building only: nothing here needs to survive a power cut.
  db.sqlite.pragma('synchronous = OFF');
  let clock = new Date(`${FIRST_DAY}T13:00:00Z`);
  const api = createApi({ db, now: () => clock });
  const session: Session = { actor: null };
  const call = async (channel: string, input: unknown) => {
    const result = await api.call(channel, input, session);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value as { id: number };
  };
  await call('setup.init', {
    country: 'PE',
    businessName: 'Minimarket Benchmark',
    taxId: '20601234567',
    address: 'Av. Arequipa 1234, Lince, Lima',
    admin: { name: 'Admin', pin: '1234' },
    registerCode: 'CAJA1',
    timeZone: 'America/Lima',
  });
  await call('auth.login', { name: 'Admin', pin: '1234' });
  const categories: number[] = [];
  for (let c = 0; c < 10; c++)
    categories.push((await call('categories.create', { name: `Categoría ${c + 1}` })).id);
  const rand = random(11);
  const products: number[] = [];
  for (let i = 0; i < PRODUCTS; i++) {
    const price = 100 + Math.floor(rand() * 3_000);
    const created = await call('products.create', {
      code: `P${String(i).padStart(5, '0')}`,
      name: `Producto de góndola número ${i}`,
      price,
      cost: roundRatio(BigInt(price) * 7n, 10n, 'HALF_UP'),
      categoryId: categories[i % categories.length],
      initialStock: 1_000_000,
    });
    products.push(created.id);
  }

  const ctx: ServiceContext = {
    db,
    actor: { id: 1, name: 'Admin', role: 'admin' },
    now: () => clock,
    newId: randomUUID,
  };
  const sell = () => {
    const lines = Array.from({ length: 1 + Math.floor(rand() * 6) }, () => ({
      productId: products[Math.floor(rand() * products.length)]!,
      quantity: 1000 * (1 + Math.floor(rand() * 3)),
    }));
    // A generous cash payment: the change is recorded like at a real till.
    return createSale(ctx, {
      id: randomUUID(),
      lines,
      payments: [{ method: 'EFECTIVO', amount: 10_000_000 }],
    });
  };
  const day = (date: string, sales: number) => {
    const opening = new Date(`${date}T13:00:00Z`);
    clock = opening;
    cashHandlers['cash.open'].run({ float: 20_000 }, ctx);
    let last = '';
    db.sqlite.transaction(() => {
      for (let s = 0; s < sales; s++) {
        clock = new Date(opening.getTime() + Math.floor(((s + 0.5) / sales) * 12 * 3_600_000));
        last = sell().id;
      }
    })();
    clock = new Date(opening.getTime() + 12.5 * 3_600_000);
    const z = cashHandlers['cash.close'].run({ countedCash: 0 }, ctx) as {
      session: { id: string };
    };
    return { last, sessionId: z.session.id };
  };
  let saleId = '';
  for (let d = 0; d < DAYS - 1; d++) saleId = day(addDays(FIRST_DAY, d), SALES_PER_DAY).last;
  const lastDay = addDays(FIRST_DAY, DAYS - 1);
  const zSessionId = day(lastDay, Z_SALES).sessionId;
  db.sqlite.pragma('synchronous = FULL');
  return {
    ctx,
    saleId,
    zSessionId,
    lastDay,
    close: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Node's collector, reachable without starting Node with --expose-gc. */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

export async function benchDocuments(): Promise<Measurement[]> {
  const started = Date.now();
  const shop = await buildShop();
  console.log(
    `documents: ${DAYS} days × ${SALES_PER_DAY} sales + ${Z_SALES.toLocaleString('en-US')} in one Z session, built in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  const { ctx } = shop;
  const rows: Measurement[] = [];
  try {
    const receipt = saleRequest(ctx, shop.saleId, '80mm');
    rows.push(
      against(
        await measure('80 mm receipt, warm (read + render)', 300, () =>
          renderPdf(saleRequest(ctx, shop.saleId, '80mm')),
        ),
        'medianMs',
        30,
      ),
    );
    rows.push(
      against(await measure('  …render alone', 300, () => renderPdf(receipt)), 'medianMs', 30),
    );
    rows.push(
      against(
        await measure('58 mm receipt, warm', 200, () =>
          renderPdf(saleRequest(ctx, shop.saleId, '58mm')),
        ),
        'medianMs',
        30,
      ),
    );
    rows.push(
      against(
        await measure('A4 invoice', 200, () => renderPdf(saleRequest(ctx, shop.saleId, 'A4'))),
        'medianMs',
        60,
      ),
    );
    const z80 = await cashReportRequest(ctx, shop.zSessionId, '80mm');
    rows.push(
      against(
        await measure('Z report of 2,000 sales, 80 mm', 100, async () =>
          renderPdf(await cashReportRequest(ctx, shop.zSessionId, '80mm')),
        ),
        'medianMs',
        100,
      ),
    );
    rows.push(
      against(
        await measure('Z report of 2,000 sales, A4', 100, async () =>
          renderPdf(await cashReportRequest(ctx, shop.zSessionId, 'A4')),
        ),
        'medianMs',
        100,
      ),
    );
    const yearFrom = addDays(shop.lastDay, -(DAYS - 1));
    rows.push({
      ...against(
        await measure(
          'period report, one year, chart (summary + render)',
          8,
          () => renderPdf(periodRequest(ctx, yearFrom, shop.lastDay)),
          2,
        ),
        'medianMs',
        1500,
      ),
      note: `${DAYS} bars, ${(DAYS * SALES_PER_DAY + Z_SALES).toLocaleString('en-US')} sales`,
    });
    // The same through the render worker, as documents.periodReport runs it.
    const pool = await renderPool();
    rows.push(
      against(
        await measure(
          '  …on the render worker',
          8,
          () => pool.render(periodRequest(ctx, yearFrom, shop.lastDay)),
          2,
        ),
        'medianMs',
        1500,
      ),
    );
    rows.push({
      ...(await measure('Z report, 80 mm, render alone', 100, () => renderPdf(z80))),
      note: 'the stored Z is read once',
    });

    const gc = collector();
    gc();
    const before = process.memoryUsage();
    for (let i = 0; i < 1_000; i++) await renderPdf(receipt);
    gc();
    const after = process.memoryUsage();
    const heapMb = (after.heapUsed - before.heapUsed) / 1024 / 1024;
    const rssMb = (after.rss - before.rss) / 1024 / 1024;
    rows.push({
      ...summarize('memory growth over 1,000 receipts (heap MB)', [heapMb]),
      target: 'growth ≤ 50 MB',
      pass: heapMb <= 50,
      note: `RSS ${rssMb >= 0 ? '+' : ''}${rssMb.toFixed(1)} MB`,
    });
  } finally {
    await closeRenderPool();
    shop.close();
  }
  return rows;
}
