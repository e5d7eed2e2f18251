import type { Summary } from '../../../core/api/model';
import { addDays } from '../../../core/time';
import { statement, type ServiceContext } from '../context';
import { lastDayOf } from '../rollups';
import {
  addFigures,
  liveExtras,
  toSummary,
  type CategoryRow,
  type DayRow,
  type MethodRow,
  type ProductRow,
  type RateRow,
  type SalesGroup,
} from './assemble';
import { summarizeDirect } from './direct';

/**
 * reports.summary over the roll-ups: [from, to] is split into the largest
 * rolled periods that fit (whole years, whole months, then days); those are
 * read from the roll-up tables, the days not rolled (today, or a day whose
 * sale changed) live from the sale tables, and the two are summed.
 */

export interface RangePlan {
  /** Rolled periods covering part of the range, without overlap. */
  readonly periods: readonly string[];
  /** The days of the range that may hold sales and no rolled period covers. */
  readonly liveDays: readonly string[];
}

export function planRange(ctx: ServiceContext, from: string, to: string): RangePlan {
  // Sales, lines, taxes and payments all carry their sale's day: outside the
  // years that have sales there is nothing to plan, however long the range,
  // and no day before the first sale or after the last needs reading.
  const { first, last } = statement(
    ctx,
    'SELECT (SELECT MIN(local_date) FROM sales) AS first, (SELECT MAX(local_date) FROM sales) AS last',
  ).get() as { first: string | null; last: string | null };
  if (first === null || last === null) return { periods: [], liveDays: [] };
  const start = from > `${first.slice(0, 4)}-01-01` ? from : `${first.slice(0, 4)}-01-01`;
  const end = to < `${last.slice(0, 4)}-12-31` ? to : `${last.slice(0, 4)}-12-31`;
  // Every period key of the range's years sorts between 'YYYY' and the last day.
  const rolled = new Set(
    statement(ctx, 'SELECT period FROM rollup_periods WHERE period BETWEEN ? AND ?')
      .pluck()
      .all(start.slice(0, 4), end) as string[],
  );
  const periods: string[] = [];
  const liveDays: string[] = [];
  let day = start;
  while (day <= end) {
    const year = day.slice(0, 4);
    const month = day.slice(0, 7);
    if (day.endsWith('-01-01') && `${year}-12-31` <= end && rolled.has(year)) {
      periods.push(year);
      day = addDays(`${year}-12-31`, 1);
    } else if (day.endsWith('-01') && lastDayOf(month) <= end && rolled.has(month)) {
      periods.push(month);
      day = addDays(lastDayOf(month), 1);
    } else {
      if (rolled.has(day)) periods.push(day);
      else if (day >= first && day <= last) liveDays.push(day);
      day = addDays(day, 1);
    }
  }
  return { periods, liveDays };
}

/** Consecutive days as [first, last] runs, for BETWEEN on the date-first indexes. */
function runsOf(days: readonly string[]): [string, string][] {
  const runs: [string, string][] = [];
  for (const day of days) {
    const run = runs.at(-1);
    if (run && addDays(run[1], 1) === day) run[1] = day;
    else runs.push([day, day]);
  }
  return runs;
}

const ROLLED_SALES = `
  SELECT local_hour AS hour, cashier_id AS cashierId, voided, SUM(count) AS count, SUM(gross) AS gross,
         SUM(discounts) AS discounts, SUM(base) AS base, SUM(exempt) AS exempt, SUM(unaffected) AS unaffected,
         SUM(tax) AS tax, SUM(fixed_tax) AS fixedTax, SUM(igtf) AS igtf, SUM(cash_rounding) AS cashRounding,
         SUM(total) AS total, SUM(cost) AS cost
  FROM rollup_sales WHERE period IN (SELECT value FROM json_each(?))
  GROUP BY local_hour, cashier_id, voided`;

/** The raw status is grouped on, not an expression of it, so the covering index streams. */
const LIVE_SALES = `
  SELECT local_date AS date, local_hour AS hour, cashier_id AS cashierId, status,
         COUNT(*) AS count, SUM(gross) AS gross, SUM(line_discount + order_discount) AS discounts,
         SUM(taxable_base) AS base, SUM(exempt) AS exempt, SUM(unaffected) AS unaffected, SUM(tax) AS tax,
         SUM(fixed_tax) AS fixedTax, SUM(igtf) AS igtf, SUM(cash_rounding) AS cashRounding,
         SUM(total) AS total, SUM(cost_total) AS cost
  FROM sales INDEXED BY sales_report WHERE local_date BETWEEN ? AND ?
  GROUP BY local_date, local_hour, cashier_id, status`;

/** Per-day totals of rolled days: day rows exist for every day of a rolled month or year. */
const ROLLED_DAYS = `
  SELECT period AS date, SUM(count) AS count, SUM(total) AS total FROM rollup_sales
  WHERE period BETWEEN ? AND ? AND length(period) = 10 AND voided = 0 GROUP BY period`;

const ROLLED_TAXES = `
  SELECT rate, SUM(base) AS base, SUM(tax) AS tax FROM rollup_taxes
  WHERE period IN (SELECT value FROM json_each(?)) GROUP BY rate`;
const LIVE_TAXES = `
  SELECT rate, SUM(base) AS base, SUM(tax) AS tax FROM sale_taxes INDEXED BY sale_taxes_report
  WHERE voided = 0 AND local_date BETWEEN ? AND ? GROUP BY rate`;
const ROLLED_METHODS = `
  SELECT method, currency, SUM(count) AS count, SUM(amount) AS amount FROM rollup_payments
  WHERE period IN (SELECT value FROM json_each(?)) GROUP BY method, currency`;
const LIVE_METHODS = `
  SELECT method, currency, COUNT(*) AS count, SUM(amount) AS amount FROM payments INDEXED BY payments_report
  WHERE voided = 0 AND local_date BETWEEN ? AND ? GROUP BY method, currency`;

/** A rolled period has one row per product: its top few need no grouping. */
const ONE_PERIOD_TOP = `
  SELECT product_id AS id, quantity, total, base - cost AS profit
  FROM rollup_products INDEXED BY rollup_products_report WHERE period = @period
  ORDER BY total DESC, product_id LIMIT @top`;

/** Rolled periods and live days together, summed per product. */
const MIXED_TOP = `
  WITH parts AS (
    SELECT product_id, quantity, total, base, cost
    FROM rollup_products INDEXED BY rollup_products_report
    WHERE period IN (SELECT value FROM json_each(@periods))
    UNION ALL
    SELECT product_id, quantity, total, base, cost_total
    FROM sale_lines INDEXED BY sale_lines_report_by_date
    WHERE voided = 0 AND local_date IN (SELECT value FROM json_each(@days))
  )
  SELECT product_id AS id, SUM(quantity) AS quantity, SUM(total) AS total, SUM(base) - SUM(cost) AS profit
  FROM parts GROUP BY product_id ORDER BY total DESC, product_id LIMIT @top`;

const ROLLED_CATEGORIES = `
  SELECT category_id AS id, SUM(lines) AS count, SUM(total) AS total FROM rollup_categories
  WHERE period IN (SELECT value FROM json_each(?)) GROUP BY category_id`;
const LIVE_CATEGORIES = `
  SELECT category_id AS id, COUNT(*) AS count, SUM(total) AS total
  FROM sale_lines INDEXED BY sale_lines_report_by_date
  WHERE voided = 0 AND local_date BETWEEN ? AND ? GROUP BY category_id`;

/** Sums rows that share a key. */
function merge<T>(rows: readonly T[], key: (row: T) => string, add: (into: T, row: T) => void) {
  const merged = new Map<string, T>();
  for (const row of rows) {
    const existing = merged.get(key(row));
    if (existing) add(existing, row);
    else merged.set(key(row), { ...row });
  }
  return [...merged.values()];
}

/** reports.summary from the roll-ups plus the days not rolled. */
export function summarizeRolled(
  ctx: ServiceContext,
  from: string,
  to: string,
  top: number,
): Summary {
  const plan = planRange(ctx, from, to);
  if (plan.periods.length === 0) return summarizeDirect(ctx, from, to, top);
  const periods = JSON.stringify(plan.periods);
  const runs = runsOf(plan.liveDays);

  const groups: SalesGroup[] = statement(ctx, ROLLED_SALES).all(periods) as SalesGroup[];
  const days: DayRow[] = statement(ctx, ROLLED_DAYS).all(from, to) as DayRow[];
  const taxes = statement(ctx, ROLLED_TAXES).all(periods) as RateRow[];
  const methods = statement(ctx, ROLLED_METHODS).all(periods) as MethodRow[];
  const categories = statement(ctx, ROLLED_CATEGORIES).all(periods) as CategoryRow[];
  for (const [first, last] of runs) {
    const live = statement(ctx, LIVE_SALES).all(first, last) as (SalesGroup & {
      date: string;
      status: string;
    })[];
    for (const { date, status, ...g } of live) {
      const voided = status === 'ANULADA' ? 1 : 0;
      groups.push({ ...g, voided });
      if (voided === 0) days.push({ date, count: g.count, total: g.total });
    }
    taxes.push(...(statement(ctx, LIVE_TAXES).all(first, last) as RateRow[]));
    methods.push(...(statement(ctx, LIVE_METHODS).all(first, last) as MethodRow[]));
    categories.push(...(statement(ctx, LIVE_CATEGORIES).all(first, last) as CategoryRow[]));
  }
  const products = (
    plan.periods.length === 1 && runs.length === 0
      ? statement(ctx, ONE_PERIOD_TOP).all({ period: plan.periods[0], top })
      : statement(ctx, MIXED_TOP).all({ periods, days: JSON.stringify(plan.liveDays), top })
  ) as ProductRow[];

  return toSummary(ctx, from, to, {
    groups: merge(
      groups,
      (g) => `${g.hour}:${g.cashierId}:${g.voided}`,
      (into, g) => addFigures(into, g),
    ),
    days: merge(
      days,
      (d) => d.date,
      (into, d) => {
        into.count += d.count;
        into.total += d.total;
      },
    ),
    taxes: merge(
      taxes,
      (t) => String(t.rate),
      (into, t) => {
        into.base += t.base;
        into.tax += t.tax;
      },
    ),
    methods: merge(
      methods,
      (m) => `${m.method}\u0000${m.currency}`,
      (into, m) => {
        into.count += m.count;
        into.amount += m.amount;
      },
    ),
    ...liveExtras(ctx, from, to),
    products,
    categories: merge(
      categories,
      (c) => String(c.id),
      (into, c) => {
        into.count += c.count;
        into.total += c.total;
      },
    ),
  });
}
