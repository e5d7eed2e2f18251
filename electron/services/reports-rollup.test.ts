/**
 * reports.summary over roll-ups must equal reading every sale live. Random
 * shops sell over several days, months and a new year on the till's frozen
 * clock; they void, edit, delete and return, keep sessions open past
 * midnight, set the clock back, and close. At random moments, and once
 * everything is rolled, the summary of many random ranges is compared with
 * summarizeDirect, which ignores the roll-ups.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Product, Sale } from '../../core/api/model';
import { addDays } from '../../core/time';
import { openDatabase } from '../../db/open';
import { actingAs, openSession, product, user } from '../testing/fixtures';
import { ADMIN, setUpTill, testUuid, type Till } from '../testing/till';
import type { ServiceContext } from './context';
import { summarize, summarizeDirect } from './reports';
import { planRange } from './reports/rolled';
import { daysOf, lastDayOf, pendingRollups } from './rollups';

const ctxOf = (till: Till): ServiceContext => ({
  db: till.db,
  actor: null,
  now: () => till.clock.now,
  newId: testUuid,
});

/** A moment of a store day in Lima (UTC−5), `minutes` after midnight. */
function at(day: string, minutes: number): Date {
  return new Date(Date.parse(`${day}T05:00:00Z`) + minutes * 60_000);
}

function rolledPeriods(till: Till): string[] {
  return till.db.sqlite
    .prepare('SELECT period FROM rollup_periods ORDER BY period')
    .pluck()
    .all() as string[];
}

interface Shop {
  readonly till: Till;
  readonly products: Product[];
  readonly categories: number[];
}

async function openShop(): Promise<Shop> {
  const till = await setUpTill('PE');
  await user(till, 'Carla', 'cashier', '1111');
  const groceries = await till.call('categories.create', { name: 'Abarrotes' });
  const drinks = await till.call('categories.create', { name: 'Bebidas' });
  const spec = [
    { code: 'A', price: 1180, cost: 700, categoryId: groceries.id },
    { code: 'B', price: 590, cost: 300, categoryId: drinks.id },
    { code: 'E', price: 2000, cost: 1500, taxCategory: 'EXONERADO' },
    { code: 'I', price: 750, cost: 500, taxCategory: 'INAFECTO', categoryId: drinks.id },
    { code: 'K', price: 50, cost: 10, taxCategory: 'BOLSA' },
    { code: 'W', price: 1290, cost: 900, soldBy: 'weight', categoryId: groceries.id },
  ];
  const products: Product[] = [];
  for (const fields of spec) products.push(await product(till, { ...fields, stock: 100_000 }));
  return { till, products, categories: [groceries.id, drinks.id] };
}

const METHODS = ['EFECTIVO', 'TARJETA', 'QR', 'MIXTO'] as const;

/** Sells at the clock's moment: asks the total, then pays it by `method`. */
async function sellNow(
  shop: Shop,
  lines: readonly { product: number; quantity: number; discount: number }[],
  method: (typeof METHODS)[number],
): Promise<Sale> {
  const { till, products } = shop;
  const id = till.uuid();
  const request = lines.map((l) => {
    const p = products[l.product % products.length]!;
    return {
      productId: p.id,
      quantity: p.soldBy === 'weight' ? l.quantity * 0.375 : l.quantity,
      ...(l.discount > 0 && p.price > 100 ? { discount: l.discount } : {}),
    };
  });
  // Random discounts go over the store's 10 % limit: an admin authorizes them.
  const preview = await till.result('sales.create', {
    id,
    lines: request,
    payments: [],
    authorizedBy: ADMIN,
  });
  if (preview.ok) return preview.value;
  const due = (preview.error.details as { due?: number } | undefined)?.due;
  if (due === undefined) throw new Error(`${preview.error.code}: ${preview.error.message}`);
  const payments =
    method === 'EFECTIVO'
      ? [{ method, amount: Math.ceil(due / 1000) * 1000 }]
      : method === 'MIXTO'
        ? [
            { method: 'EFECTIVO', amount: Math.floor(due / 2) },
            { method: 'QR', amount: due - Math.floor(due / 2) },
          ]
        : [{ method, amount: due }];
  return till.call('sales.create', {
    id,
    lines: request,
    payments,
    authorizedBy: ADMIN,
  } as never);
}

/** Neither the day, the month nor the year of `day` is rolled up. */
function expectNotRolled(till: Till, day: string) {
  const rolled = new Set(rolledPeriods(till));
  expect([day, day.slice(0, 7), day.slice(0, 4)].filter((p) => rolled.has(p))).toEqual([]);
}

/** What the checks exercised, so the property cannot pass by never reading a roll-up. */
const seen = { days: 0, months: 0, years: 0, live: 0, mixed: 0, checks: 0 };

/** summarize (roll-ups + live days) equals summarizeDirect (all live) for [from, to]. */
async function check(shop: Shop, from: string, to: string, top: number) {
  const { till } = shop;
  const rolled = await till.call('reports.summary', { from, to, top });
  const plan = planRange(ctxOf(till), from, to);
  expect(rolled).toEqual(summarizeDirect(ctxOf(till), from, to, top));
  seen.checks++;
  for (const p of plan.periods) {
    if (p.length === 10) seen.days++;
    else if (p.length === 7) seen.months++;
    else seen.years++;
  }
  if (plan.liveDays.length > 0) seen.live++;
  if (plan.liveDays.length > 0 && plan.periods.length > 0) seen.mixed++;
}

// ---- The random shop --------------------------------------------------------

const lineArb = fc.record({
  product: fc.nat({ max: 5 }),
  quantity: fc.integer({ min: 1, max: 3 }),
  discount: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 90 })),
});

const opArb = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('sell' as const),
      cashier: fc.nat({ max: 1 }),
      lines: fc.array(lineArb, { minLength: 1, maxLength: 3 }),
      method: fc.constantFrom(...METHODS),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('void' as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      pick: fc.nat(),
      quantity: fc.integer({ min: 1, max: 4 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('pay' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('customer' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('return' as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('move' as const),
      out: fc.boolean(),
      amount: fc.integer({ min: 100, max: 2000 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('recategorize' as const),
      product: fc.nat({ max: 5 }),
      category: fc.nat({ max: 2 }),
    }),
  },
);

const rangeArb = fc.record({
  kind: fc.constantFrom('span', 'span', 'month', 'year', 'day', 'toDate', 'months'),
  a: fc.nat(),
  b: fc.nat(),
  top: fc.integer({ min: 1, max: 7 }),
});
type RangeSpec = typeof rangeArb extends fc.Arbitrary<infer T> ? T : never;

const stepArb = fc.record({
  /** Days after the last step's day; 0 sells on the same day again. */
  gap: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 4, max: 45 })),
  /** Sometimes the clock is set back to a day already sold on. */
  backdate: fc.option(fc.nat(), { freq: 8, nil: undefined }),
  startMinute: fc.integer({ min: 6 * 60, max: 20 * 60 }),
  /** Minutes between operations: a session may run past midnight. */
  ops: fc.array(fc.tuple(opArb, fc.integer({ min: 1, max: 150 })), { maxLength: 7 }),
  close: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, fc.constant(false)),
  checks: fc.array(rangeArb, { maxLength: 2 }),
});

const scenarioArb = fc.record({
  start: fc.constantFrom('2025-09-20', '2025-11-03', '2025-12-15', '2026-01-01', '2026-02-27'),
  steps: fc.array(stepArb, { minLength: 3, maxLength: 10 }),
  finalChecks: fc.array(rangeArb, { minLength: 6, maxLength: 12 }),
});
type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

/** A concrete range around the days the shop sold on. */
function rangeOf(spec: RangeSpec, days: readonly string[]): [string, string] {
  const sorted = [...days].sort();
  const first = addDays(sorted[0]!, -20);
  const span = Number((Date.parse(addDays(sorted.at(-1)!, 20)) - Date.parse(first)) / 86_400_000);
  const pick = sorted[spec.a % sorted.length]!;
  const other = sorted[spec.b % sorted.length]!;
  switch (spec.kind) {
    case 'month':
      return [`${pick.slice(0, 7)}-01`, lastDayOf(pick.slice(0, 7))];
    case 'year':
      return [`${pick.slice(0, 4)}-01-01`, `${pick.slice(0, 4)}-12-31`];
    case 'day':
      return [pick, pick];
    case 'toDate':
      return [`${pick.slice(0, 4)}-01-01`, pick];
    case 'months': {
      const [x, y] = pick <= other ? [pick, other] : [other, pick];
      return [`${x.slice(0, 7)}-01`, lastDayOf(y.slice(0, 7))];
    }
    default: {
      const x = addDays(first, spec.a % (span + 1));
      const y = addDays(first, spec.b % (span + 1));
      return x <= y ? [x, y] : [y, x];
    }
  }
}

/** Runs one random shop, checking as it goes. */
async function runScenario(scenario: Scenario) {
  const shop = await openShop();
  const { till } = shop;
  const sales: Sale[] = [];
  const days: string[] = [];
  let day: string = scenario.start;
  let open = false;
  const live = () => sales.filter((s) => s.status !== 'ANULADA');
  const pickOf = <T>(list: readonly T[], n: number) =>
    list.length === 0 ? undefined : list[n % list.length];
  const openSales = async () => {
    const current = await till.call('cash.current', {});
    return live().filter((s) => s.sessionId === current?.id);
  };
  const refresh = async (id: string) => {
    const sale = await till.call('sales.get', { id });
    sales[sales.findIndex((s) => s.id === id)] = sale;
    return sale;
  };

  try {
    for (const step of scenario.steps) {
      const past = step.backdate === undefined ? undefined : pickOf(days, step.backdate);
      day = past ?? addDays(day, step.gap);
      till.clock.now = at(day, step.startMinute);
      if (!open) {
        await openSession(till, 50_000);
        open = true;
      }
      for (const [op, minutes] of step.ops) {
        till.clock.advance(minutes * 60_000);
        switch (op.kind) {
          case 'sell': {
            const sale =
              op.cashier === 1
                ? await actingAs(till, 'Carla', '1111', () => sellNow(shop, op.lines, op.method))
                : await sellNow(shop, op.lines, op.method);
            sales.push(sale);
            days.push(sale.localDate);
            // A sale on a rolled day (clock set back) drops its roll-ups at once.
            expectNotRolled(till, sale.localDate);
            break;
          }
          case 'void': {
            const sale = pickOf(await openSales(), op.pick);
            if (!sale) break;
            const result = await till.result('sales.void', { id: sale.id, reason: 'prueba' });
            if (!result.ok) break; // a sale with returns cannot be voided
            await refresh(sale.id);
            expectNotRolled(till, sale.localDate);
            break;
          }
          case 'edit': {
            const sale = pickOf(await openSales(), op.pick);
            if (!sale) break;
            const result = await till.result('sales.update', {
              id: sale.id,
              reason: 'cantidad',
              lines: sale.lines.map((l, i) => ({
                lineId: l.id,
                quantity: i === 0 && l.soldBy === 'unit' ? op.quantity : l.quantity,
              })),
              payments: [{ method: 'EFECTIVO', amount: 1_000_000 }],
            });
            if (!result.ok) break; // returns lock the lines
            await refresh(sale.id);
            expectNotRolled(till, sale.localDate);
            break;
          }
          case 'pay': {
            const sale = pickOf(await openSales(), op.pick);
            if (!sale) break;
            await till.call('sales.update', {
              id: sale.id,
              reason: 'medio de pago',
              payments: [{ method: 'TARJETA', amount: sale.due }],
            });
            await refresh(sale.id);
            expectNotRolled(till, sale.localDate);
            break;
          }
          case 'customer': {
            // EDITADA without a money change: the roll-ups stay.
            const sale = pickOf(live(), op.pick);
            if (!sale) break;
            const before = rolledPeriods(till);
            await till.call('sales.update', {
              id: sale.id,
              reason: 'nombre',
              customerName: 'Cliente',
            });
            await refresh(sale.id);
            expect(rolledPeriods(till)).toEqual(before);
            break;
          }
          case 'delete': {
            const sale = pickOf(sales, op.pick);
            if (!sale) break;
            const result = await till.result('sales.delete', { id: sale.id, reason: 'prueba' });
            if (!result.ok) break; // a sale with returns cannot be deleted
            sales.splice(sales.indexOf(sale), 1);
            expectNotRolled(till, sale.localDate);
            break;
          }
          case 'return': {
            const sale = pickOf(live(), op.pick);
            const line = sale?.lines[0];
            if (!sale || !line) break;
            const result = await till.result('sales.return', {
              id: till.uuid(),
              saleId: sale.id,
              reason: 'devolución',
              refundMethod: 'TARJETA',
              lines: [{ saleLineId: line.id, quantity: line.soldBy === 'unit' ? 1 : 0.125 }],
            });
            if (result.ok) await refresh(sale.id);
            break;
          }
          case 'move':
            await till.result('cash.movement', {
              id: till.uuid(),
              direction: op.out ? 'OUT' : 'IN',
              type: op.out ? 'gasto' : 'domicilio',
              amount: op.amount,
            });
            break;
          case 'recategorize': {
            const p = shop.products[op.product]!;
            await till.call('products.update', {
              id: p.id,
              categoryId: op.category === 2 ? null : shop.categories[op.category]!,
            });
            break;
          }
        }
      }
      if (step.close) {
        await till.call('cash.close', { countedCash: 0 });
        open = false;
      }
      for (const spec of step.checks) {
        if (days.length === 0) break;
        const [from, to] = rangeOf(spec, days);
        await check(shop, from, to, spec.top);
      }
      day = days.length > 0 ? [...days].sort().at(-1)! : day;
    }

    if (days.length === 0) return;
    // Long after: every session closed, every period rolled.
    if (open) await till.call('cash.close', { countedCash: 0 });
    const last = [...days].sort().at(-1)!;
    till.clock.now = at(addDays(`${last.slice(0, 4)}-12-31`, 2), 600);
    for (const spec of scenario.finalChecks) {
      const [from, to] = rangeOf(spec, days);
      await check(shop, from, to, spec.top);
    }
    expect(pendingRollups(ctxOf(till))).toEqual({ days: [], months: [], years: [] });
    const periods = new Set(rolledPeriods(till));
    for (const d of sales.map((s) => s.localDate)) {
      expect(periods.has(d)).toBe(true);
      expect(periods.has(d.slice(0, 7))).toBe(true);
      expect(periods.has(d.slice(0, 4))).toBe(true);
    }
  } finally {
    till.close();
  }
}

describe('reports.summary over roll-ups', () => {
  afterAll(() => {
    // The property exercised every kind of period, and live days beside them.
    expect(seen.years).toBeGreaterThan(0);
    expect(seen.months).toBeGreaterThan(0);
    expect(seen.days).toBeGreaterThan(0);
    expect(seen.mixed).toBeGreaterThan(0);
  });

  it('equals reading every sale live, for random shops and ranges', { timeout: 300_000 }, () =>
    fc.assert(fc.asyncProperty(scenarioArb, runScenario), {
      numRuns: Number(process.env.ROLLUP_RUNS ?? 12),
    }),
  );
});

describe('rolling up', () => {
  let shop: Shop;
  beforeEach(async () => {
    shop = await openShop();
  });
  afterEach(() => shop.till.close());

  /** Sells one unit of A on each of these days, closing each day's session at 21:00. */
  async function sellOn(days: readonly string[]) {
    const { till } = shop;
    for (const d of days) {
      till.clock.now = at(d, 9 * 60);
      await openSession(till);
      await sellNow(shop, [{ product: 0, quantity: 1, discount: 0 }], 'EFECTIVO');
      till.clock.now = at(d, 21 * 60);
      await till.call('cash.close', { countedCash: 0 });
    }
  }

  it('rolls past days at close, months and years once whole, and reads a year as one period', async () => {
    const { till } = shop;
    await sellOn(['2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02']);
    // Closing 2 January rolled every past day since 1 January 2025, December and 2025.
    const periods = rolledPeriods(till);
    expect(periods).toContain('2025');
    expect(periods).toContain('2025-12');
    expect(periods).toContain('2026-01-01');
    expect(periods).not.toContain('2026-01-02'); // today
    expect(periods).not.toContain('2026-01');
    expect(periods.filter((p) => p.startsWith('2025-'))).toHaveLength(365 + 12);
    expect(planRange(ctxOf(till), '2025-01-01', '2026-01-02')).toEqual({
      periods: ['2025', '2026-01-01'],
      liveDays: ['2026-01-02'],
    });
    await check(shop, '2025-01-01', '2026-01-02', 20);
    const year = await till.call('reports.summary', { from: '2025-01-01', to: '2025-12-31' });
    expect(year.sales).toMatchObject({ count: 2, total: 2360 });
    expect(year.perDay.filter((d) => d.count > 0).map((d) => d.date)).toEqual([
      '2025-12-30',
      '2025-12-31',
    ]);
  });

  it('leaves a day held by an open session live until the session closes', async () => {
    const { till } = shop;
    till.clock.now = at('2026-03-02', 20 * 60);
    await openSession(till);
    await sellNow(shop, [{ product: 1, quantity: 2, discount: 0 }], 'QR');
    till.clock.now = at('2026-03-03', 10 * 60);
    await sellNow(shop, [{ product: 1, quantity: 1, discount: 0 }], 'QR');
    till.clock.now = at('2026-03-04', 10 * 60);
    await check(shop, '2026-03-01', '2026-03-04', 5);
    expect(rolledPeriods(till)).not.toContain('2026-03-02');
    expect(rolledPeriods(till)).toContain('2026-03-01'); // no sales: nothing holds it
    await till.call('cash.close', { countedCash: 0 });
    expect(rolledPeriods(till)).toEqual(expect.arrayContaining(['2026-03-02', '2026-03-03']));
    await check(shop, '2026-03-01', '2026-03-04', 5);
  });

  it('drops the roll-ups of a deleted past sale in the same transaction, and rolls them again', async () => {
    const { till } = shop;
    await sellOn(['2025-06-10', '2025-06-11']);
    till.clock.now = at('2026-02-01', 9 * 60);
    await check(shop, '2025-01-01', '2025-12-31', 3);
    expect(rolledPeriods(till)).toEqual(expect.arrayContaining(['2025', '2025-06', '2025-06-10']));
    const [first] = (await till.call('sales.list', { from: '2025-06-10', to: '2025-06-10' })).items;
    await till.call('sales.delete', { id: first!.id, reason: 'duplicada' });
    expectNotRolled(till, '2025-06-10');
    expect(rolledPeriods(till)).toEqual(expect.arrayContaining(['2025-06-11', '2025-05']));
    await check(shop, '2025-01-01', '2025-12-31', 3);
    expect(rolledPeriods(till)).toEqual(expect.arrayContaining(['2025', '2025-06', '2025-06-10']));
    const year = await till.call('reports.summary', { from: '2025-01-01', to: '2025-12-31' });
    expect(year.sales.count).toBe(1);
  });

  it('drops the roll-ups of a day when a sale lands on it with the clock set back', async () => {
    const { till } = shop;
    await sellOn(['2026-01-05', '2026-02-10']);
    till.clock.now = at('2026-03-01', 9 * 60);
    await check(shop, '2026-01-01', '2026-02-28', 5);
    expect(rolledPeriods(till)).toContain('2026-01');
    await sellOn(['2026-01-05']);
    expectNotRolled(till, '2026-01-05');
    till.clock.now = at('2026-03-01', 9 * 60);
    await check(shop, '2026-01-01', '2026-02-28', 5);
    const january = await till.call('reports.summary', { from: '2026-01-01', to: '2026-01-31' });
    expect(january.sales.count).toBe(2);
  });

  it('rolls the empty years of a clock that once said 2019, and plans only years with sales', async () => {
    const { till } = shop;
    // A till whose clock once said 2019.
    await sellOn(['2019-06-01', '2026-01-15']);
    till.clock.now = at('2026-02-01', 9 * 60);
    await check(shop, '2019-01-01', '2026-01-31', 10);
    const periods = rolledPeriods(till);
    for (const year of ['2019', '2020', '2021', '2022', '2023', '2024', '2025'])
      expect(periods).toContain(year);
    expect(periods).toContain('2026-01');
    expect(planRange(ctxOf(till), '2019-01-01', '2026-01-31').periods).toEqual([
      '2019',
      '2020',
      '2021',
      '2022',
      '2023',
      '2024',
      '2025',
      '2026-01',
    ]);
    // Any range is fine, however long: only the years with sales are walked.
    const started = Date.now();
    await check(shop, '0001-01-01', '9999-12-31', 10);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('upgrades a database from before roll-ups (0002), which rolls itself up on the first summary', async () => {
    const { till } = shop;
    await sellOn(['2025-05-05', '2025-08-08', '2025-08-09']);
    // The file as version 0002 left it: no roll-up tables, covering index or trigger,
    // and the indexes 0004 reshaped as they were.
    const file = join(till.dir, 'previous.sqlite');
    till.db.sqlite.exec(`VACUUM INTO '${file}'`);
    const previous = openDatabase(file);
    // Later migrations are undone first, newest first: 0011 added the pull cursor;
    // 0010 e-invoicing (its store settings, the certificate and the signed documents);
    // 0009 the sync state, 0008 the payment method names; 0007 gave credit notes their
    // own series (document_series.applies_to); 0006 added cash rounding (and
    // put it in the covering sales_report index); 0005 added the supervisor limits,
    // PIN lockouts and lock alerts, and sales.request_hash.
    previous.sqlite.exec(`
      DROP TABLE sync_pull_seen; ALTER TABLE sync_state DROP COLUMN pull_cursor;
      ALTER TABLE sync_state DROP COLUMN last_pulled_at; ALTER TABLE sync_state DROP COLUMN pull_resetting;
      DELETE FROM __drizzle_migrations WHERE created_at = (SELECT MAX(created_at) FROM __drizzle_migrations);
      DROP TABLE cpe_documents; DROP TABLE einvoice_certificate;
      ALTER TABLE settings DROP COLUMN legal_name; ALTER TABLE settings DROP COLUMN establishment_code;
      ALTER TABLE settings DROP COLUMN ubigeo; ALTER TABLE settings DROP COLUMN einvoicing;
      DELETE FROM __drizzle_migrations WHERE created_at = (SELECT MAX(created_at) FROM __drizzle_migrations);
      DROP TABLE sync_state;
      DELETE FROM __drizzle_migrations WHERE created_at = (SELECT MAX(created_at) FROM __drizzle_migrations);
      ALTER TABLE settings DROP COLUMN payment_method_names;
      DELETE FROM __drizzle_migrations WHERE created_at = (SELECT MAX(created_at) FROM __drizzle_migrations);
      DROP INDEX document_series_register_type;
      DELETE FROM document_series WHERE applies_to <> '';
      ALTER TABLE document_series DROP COLUMN applies_to;
      CREATE UNIQUE INDEX document_series_register_type ON document_series (register_id, document_type);
      DELETE FROM __drizzle_migrations WHERE created_at = (SELECT MAX(created_at) FROM __drizzle_migrations);
      DROP INDEX sales_report;
      CREATE INDEX sales_report ON sales (local_date, local_hour, cashier_id, status, gross, line_discount, order_discount, taxable_base, exempt, unaffected, tax, fixed_tax, igtf, total, cost_total);
      ALTER TABLE sales DROP COLUMN cash_rounding; ALTER TABLE sale_returns DROP COLUMN cash_rounding;
      ALTER TABLE settings DROP COLUMN cash_rounding; ALTER TABLE rollup_sales DROP COLUMN cash_rounding;
      DELETE FROM __drizzle_migrations WHERE created_at = (SELECT MAX(created_at) FROM __drizzle_migrations);
      ALTER TABLE sales DROP COLUMN request_hash;
      DROP TABLE lock_alerts; ALTER TABLE users DROP COLUMN lockouts;
      ALTER TABLE settings DROP COLUMN discount_limit; ALTER TABLE settings DROP COLUMN cash_out_limit;
      ALTER TABLE settings DROP COLUMN documents_folder;
      ALTER TABLE settings DROP COLUMN require_six_digit_pins;
      DELETE FROM __drizzle_migrations WHERE created_at = (SELECT MAX(created_at) FROM __drizzle_migrations);
      DROP INDEX products_code_nocase; DROP INDEX products_name_nocase; DROP INDEX products_low_stock;
      CREATE INDEX products_low_stock ON products (track_stock, active, stock);
      DROP INDEX sale_lines_report_by_date;
      CREATE INDEX sale_lines_report_by_date ON sale_lines (local_date, product_id, category_id, quantity, total, base, cost_total) WHERE voided = 0;
      CREATE INDEX sale_lines_report_by_product ON sale_lines (product_id, local_date, category_id, quantity, total, base, cost_total) WHERE voided = 0;
      DELETE FROM __drizzle_migrations WHERE created_at = (SELECT MAX(created_at) FROM __drizzle_migrations);
      DROP TRIGGER sales_rollup_stale; DROP INDEX sales_report;
      DROP TABLE rollup_sales; DROP TABLE rollup_products; DROP TABLE rollup_categories;
      DROP TABLE rollup_taxes; DROP TABLE rollup_payments; DROP TABLE rollup_periods;
      DELETE FROM __drizzle_migrations WHERE created_at = (SELECT MAX(created_at) FROM __drizzle_migrations);`);
    previous.close();

    const db = openDatabase(file);
    try {
      const ctx: ServiceContext = { ...ctxOf(till), db, now: () => at('2026-01-05', 600) };
      expect(db.sqlite.prepare('SELECT COUNT(*) FROM rollup_periods').pluck().get()).toBe(0);
      const year = summarize(ctx, '2025-01-01', '2025-12-31', 20);
      expect(year).toEqual(summarizeDirect(ctx, '2025-01-01', '2025-12-31', 20));
      expect(year.sales.count).toBe(3);
      expect(planRange(ctx, '2025-01-01', '2025-12-31').periods).toEqual(['2025']);
    } finally {
      db.close();
    }
  });

  it('fills the roll-ups of a database that has none on the first summary', async () => {
    const { till } = shop;
    await sellOn(['2025-03-01', '2025-07-15', '2025-11-30']);
    for (const table of ['sales', 'products', 'categories', 'taxes', 'payments', 'periods'])
      till.db.sqlite.exec(`DELETE FROM rollup_${table}`);
    till.clock.now = at('2026-01-10', 9 * 60);
    const pending = pendingRollups(ctxOf(till));
    expect(pending.days).toHaveLength(365 + 9);
    expect(pending.months).toHaveLength(12);
    expect(pending.years).toEqual(['2025']);
    await check(shop, '2025-01-01', '2025-12-31', 20);
    expect(pendingRollups(ctxOf(till))).toEqual({ days: [], months: [], years: [] });
    expect(rolledPeriods(till)).toEqual(expect.arrayContaining(['2025', '2025-11', '2026-01-09']));
    expect(daysOf('2024-02')).toHaveLength(29);
  });
});
