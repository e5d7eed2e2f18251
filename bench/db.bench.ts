/**
 * The local database under a year of trade: 100,000 products and ≥ 300,000
 * sales. The store is generated once (through the real services) and cached
 * in the system temp folder; every run works on a fresh copy of it.
 */
import { spawnSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';
import { addDays } from '../core/time';
import { DEFAULT_MIGRATIONS_FOLDER, openDatabase } from '../db/open';
import type { Summary } from '../core/api/model';
import { createApi, type Session } from '../electron/api';
import { against, measure, measurePair, summarize, type Measurement } from './harness';
import { barcodeOf, productName, PRODUCTS, type YearStore } from './year-store';

// 2: the store carries its report roll-ups (each day's close rolls up the days before it).
const GENERATOR_VERSION = 2;

/** The cache key: the generator, the migrations and the size settings. */
function cacheKey(): string {
  const hash = createHash('sha256');
  hash.update(
    `v${GENERATOR_VERSION} ${process.env.BENCH_PRODUCTS ?? ''} ${process.env.BENCH_DAYS ?? ''}`,
  );
  hash.update(readFileSync(fileURLToPath(new URL('./year-store.ts', import.meta.url))));
  for (const f of readdirSync(DEFAULT_MIGRATIONS_FOLDER)
    .filter((f) => f.endsWith('.sql'))
    .sort()) {
    hash.update(readFileSync(join(DEFAULT_MIGRATIONS_FOLDER, f)));
  }
  return hash.digest('hex').slice(0, 16);
}

export function ensureYearStore(): YearStore {
  const dir = join(tmpdir(), 'tendero-bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `year-${cacheKey()}.sqlite`);
  if (!existsSync(`${file}.json`)) {
    for (const stale of readdirSync(dir)) rmSync(join(dir, stale), { force: true });
    console.log(`Generating the one-year store in ${file} (once; it is cached)…`);
    const started = Date.now();
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL('./year-store.ts', import.meta.url)), file],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
        encoding: 'utf8',
      },
    );
    if (run.status !== 0) throw new Error(`generating the store failed (${run.status})`);
    console.log(`Generated in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  return JSON.parse(readFileSync(`${file}.json`, 'utf8')) as YearStore;
}

function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function benchDb(): Promise<Measurement[]> {
  const store = ensureYearStore();
  const work = join(tmpdir(), 'tendero-bench', `work-${process.pid}.sqlite`);
  copyFileSync(store.file, work);
  const rows: Measurement[] = [];
  try {
    // Opening the year database, migrations checked.
    rows.push(
      against(
        await measure('open the 1-year database', 10, () => openDatabase(work).close(), 2),
        'medianMs',
        200,
      ),
    );

    const db = openDatabase(work);
    const sessionDay = addDays(store.lastDay, 1);
    let clock = new Date(`${sessionDay}T14:00:00Z`);
    const api = createApi({ db, now: () => clock });
    const session: Session = { actor: null };
    const call = async (channel: string, input: unknown) => {
      const result = await api.call(channel, input, session);
      if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
      return result.value;
    };
    await call('auth.login', { name: 'Admin', pin: '1234' });
    await call('cash.open', { float: 10_000 });
    const rand = random(7);
    const tenLines = () => {
      const ids = new Set<number>();
      while (ids.size < 10) ids.add(1 + Math.floor(rand() * PRODUCTS));
      return [...ids].map((productId) => ({ productId, quantity: 1 }));
    };

    // sales.create through the API and the hand-written raw transaction, both
    // durable (synchronous = FULL). Interleaved after a shared warm-up: run one
    // after the other, the first also paid for warming the page cache.
    const raw = rawSaleBenchmark(db.sqlite, rand);
    const apiSale = async () => {
      clock = new Date(clock.getTime() + 1000);
      await call('sales.create', {
        id: randomUUID(),
        lines: tenLines(),
        payments: [{ method: 'EFECTIVO', amount: 10_000_000 }],
      });
    };
    const [create, rawMeasure] = await measurePair(
      ['sales.create, 10 lines, API', 'raw better-sqlite3 transaction, same writes'],
      [apiSale, raw],
      1_000,
      200,
    );
    rows.push(against(create, 'medianMs', 1));
    rows.push({
      ...rawMeasure,
      note: `API/raw ratio ${(create.medianMs / rawMeasure.medianMs).toFixed(2)}, target ≤ 3`,
    });

    rows.push(
      against(
        await measure('products.byBarcode', 5_000, () =>
          call('products.byBarcode', { code: barcodeOf(Math.floor(rand() * PRODUCTS)) }),
        ),
        'p99Ms',
        0.2,
      ),
    );
    rows.push(
      against(
        await measure('products.search, 2–4 chars of a name, top 20', 2_000, () => {
          const name = productName(Math.floor(rand() * PRODUCTS));
          return call('products.search', {
            text: name.slice(0, 2 + Math.floor(rand() * 3)),
            limit: 20,
          });
        }),
        'p99Ms',
        5,
      ),
    );
    // The slower path: the text starts a later word (a brand), not the name, so
    // the ranked full-text match does the work.
    rows.push(
      against(
        await measure('products.search, 2–4 chars of a brand, top 20', 2_000, () => {
          const brand = productName(Math.floor(rand() * PRODUCTS)).split(' ')[1] ?? '';
          return call('products.search', {
            text: brand.slice(0, 2 + Math.floor(rand() * 3)),
            limit: 20,
          });
        }),
        'p99Ms',
        5,
      ),
    );
    // Every close while generating rolled up the days before it; the last day, its
    // month and its year roll on the first report after the year ends. Measured once
    // each, as that first report (or the first close of the new year) does them.
    const { rollDay, rollMonth, rollYear } = await import('../electron/services/rollups');
    const ctx = { db, actor: null, now: () => clock, newId: randomUUID };
    const once = (name: string, run: () => unknown): Measurement => {
      const start = process.hrtime.bigint();
      run();
      return summarize(name, [Number(process.hrtime.bigint() - start) / 1e6]);
    };
    rows.push(once('roll up the last day (2,000 sales)', () => rollDay(ctx, store.lastDay)));
    rows.push(
      once(`roll up ${store.lastDay.slice(0, 7)} from its days`, () =>
        rollMonth(ctx, store.lastDay.slice(0, 7)),
      ),
    );
    rows.push(
      once(`roll up ${store.lastDay.slice(0, 4)} from its months`, () =>
        rollYear(ctx, store.lastDay.slice(0, 4)),
      ),
    );
    // A typical day (830 sales, ~4,150 lines), rolled again and again: its own
    // rows are dropped between runs (its month and year stay).
    const typicalDay = addDays(store.lastDay, -100);
    const dayRolls: number[] = [];
    for (let i = 0; i < 21; i++) {
      for (const table of ['sales', 'products', 'categories', 'taxes', 'payments', 'periods'])
        db.sqlite.prepare(`DELETE FROM rollup_${table} WHERE period = ?`).run(typicalDay);
      const start = process.hrtime.bigint();
      rollDay(ctx, typicalDay);
      if (i > 0) dayRolls.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    // No target of its own: a day rolls once, at the close after it.
    rows.push(summarize('roll up one day (830 sales, ~4,150 lines)', dayRolls));

    const firstDay = addDays(store.lastDay, -364);
    rows.push(
      against(
        await measure(
          'reports.summary, whole year',
          5,
          () => call('reports.summary', { from: firstDay, to: store.lastDay }),
          1,
        ),
        'medianMs',
        300,
      ),
    );
    rows.push(
      against(
        await measure('reports.summary, one day', 50, () =>
          call('reports.summary', { from: store.lastDay, to: store.lastDay }),
        ),
        'medianMs',
        10,
      ),
    );
    // Today, while its session is open: read live from the lines, not rolled up.
    const today = sessionDay;
    const todaySales = ((await call('reports.summary', { from: today, to: today })) as Summary)
      .sales.count;
    rows.push(
      against(
        await measure(
          `reports.summary, today live (${todaySales.toLocaleString('en-US')} sales)`,
          50,
          () => call('reports.summary', { from: today, to: today }),
        ),
        'medianMs',
        10,
      ),
    );
    rows.push(
      against(
        await measure('cash.report Z, 2,000 sales', 50, () =>
          call('cash.report', { sessionId: store.bigSessionId }),
        ),
        'medianMs',
        20,
      ),
    );
    // The Z report is stored at close; computing it again measures the work behind it.
    const { computeCashReport } = await import('../electron/services/cash/report');
    const { sessionRowById } = await import('../electron/services/cash/sessions');
    const sessionRow = sessionRowById(ctx, store.bigSessionId);
    rows.push(
      against(
        await measure('  …computing that Z from the ledger', 50, () =>
          computeCashReport(ctx, sessionRow, 'PEN', 0),
        ),
        'medianMs',
        20,
      ),
    );
    db.close();

    const rssMb = process.resourceUsage().maxRSS / 1024;
    rows.push({
      ...summarize('peak RSS (MB) during all of the above', [rssMb]),
      target: 'peak ≤ 300 MB',
      pass: rssMb <= 300,
      note: `${store.sales.toLocaleString('en-US')} sales, ${store.lines.toLocaleString('en-US')} lines`,
    });
  } finally {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${work}${suffix}`, { force: true });
  }
  return rows;
}

/**
 * The same writes as a 10-line sale, hand-written: numbering, the sale, its
 * lines, tax total, payment, stock and ledger, audit and outbox, in one
 * durable transaction with prepared statements. The floor the API is held to.
 */
function rawSaleBenchmark(sqlite: Database.Database, rand: () => number) {
  const series = sqlite.prepare(
    "UPDATE document_series SET last = last + 1 WHERE register_id = 1 AND document_type = 'BOLETA' RETURNING series, last",
  );
  const session = (
    sqlite.prepare("SELECT id FROM cash_sessions WHERE status = 'ABIERTA'").get() as { id: string }
  ).id;
  const insertSale =
    sqlite.prepare(`INSERT INTO sales (id, register_id, session_id, document_type, series, correlative, number, status,
    customer_name, cashier_id, cashier_name, created_at, local_date, local_hour, currency, prices_include_tax, rounding_method,
    gross, line_discount, order_discount, taxable_base, exempt, unaffected, tax, fixed_tax, total, igtf, paid, change, balance,
    cost_total, taxes, fixed_taxes) VALUES (?, 1, ?, 'BOLETA', ?, ?, ?, 'COMPLETADA', '', 1, 'Admin', ?, ?, 9, 'PEN', 1, 'line',
    ?, 0, 0, ?, 0, 0, ?, 0, ?, 0, ?, ?, 0, ?, ?, '[]')`);
  const product = sqlite.prepare(
    'SELECT code, name, price, cost, category_id FROM products WHERE id = ?',
  );
  const insertLine =
    sqlite.prepare(`INSERT INTO sale_lines (sale_id, line_no, product_id, code, name, sold_by, category_id, quantity,
    unit_price, price_overridden, unit_cost, tax_category, tax_kind, tax_rate, gross, line_discount, order_discount, base, tax,
    fixed_tax, fixed_taxes, total, cost_total, local_date) VALUES (?, ?, ?, ?, ?, 'unit', ?, 1000, ?, 0, ?, 'IGV', 'TAXED', 1800,
    ?, 0, 0, ?, ?, 0, '[]', ?, ?, ?)`);
  const insertTax = sqlite.prepare(
    'INSERT INTO sale_taxes (sale_id, rate, base, tax, local_date) VALUES (?, 1800, ?, ?, ?)',
  );
  const insertPayment =
    sqlite.prepare(`INSERT INTO payments (id, sale_id, method, tendered, change, amount, currency, created_at, local_date)
    VALUES (?, ?, 'EFECTIVO', ?, 0, ?, 'PEN', ?, ?)`);
  const stock = sqlite.prepare(
    'UPDATE products SET stock = stock - 1000 WHERE id = ? RETURNING stock',
  );
  const movement =
    sqlite.prepare(`INSERT INTO stock_movements (product_id, quantity, kind, reason, sale_id, user_id, balance_after, created_at)
    VALUES (?, -1000, 'SALE', '', ?, 1, ?, ?)`);
  const audit =
    sqlite.prepare(`INSERT INTO audit_log (at, user_id, user_name, action, outcome, entity, entity_id, reason, after)
    VALUES (?, 1, 'Admin', 'sales.create', 'ok', 'sale', ?, '', ?)`);
  const outbox = sqlite.prepare(
    'INSERT INTO outbox (event_id, type, aggregate_id, payload, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const write = sqlite.transaction((ids: number[]) => {
    const saleId = randomUUID();
    const at = new Date().toISOString();
    const day = at.slice(0, 10);
    const n = series.get() as { series: string; last: number };
    const items = ids.map(
      (id) =>
        product.get(id) as {
          code: string;
          name: string;
          price: number;
          cost: number;
          category_id: number | null;
        },
    );
    const total = items.reduce((s, p) => s + p.price, 0);
    const base = Math.round((total * 100) / 118);
    insertSale.run(
      saleId,
      session,
      n.series,
      n.last,
      `${n.series}-${String(n.last).padStart(8, '0')}`,
      at,
      day,
      total,
      base,
      total - base,
      total,
      total,
      0,
      items.reduce((s, p) => s + p.cost, 0),
      JSON.stringify([{ rate: 1800, base, tax: total - base }]),
    );
    items.forEach((p, i) => {
      const lineBase = Math.round((p.price * 100) / 118);
      insertLine.run(
        saleId,
        i + 1,
        ids[i],
        p.code,
        p.name,
        p.category_id,
        p.price,
        p.cost,
        p.price,
        lineBase,
        p.price - lineBase,
        p.price,
        p.cost,
        day,
      );
    });
    insertTax.run(saleId, base, total - base, day);
    insertPayment.run(randomUUID(), saleId, total, total, at, day);
    ids.forEach((id) => {
      const { stock: after } = stock.get(id) as { stock: number };
      movement.run(id, saleId, after, at);
    });
    audit.run(at, saleId, JSON.stringify({ number: n.last, total }));
    outbox.run(randomUUID(), 'sale.created', saleId, JSON.stringify({ id: saleId, items }), at);
  });
  return () => {
    const ids = new Set<number>();
    while (ids.size < 10) ids.add(1 + Math.floor(rand() * PRODUCTS));
    write.immediate([...ids]);
  };
}
