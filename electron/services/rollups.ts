import { addDays, daysBetween, localDateHour } from '../../core/time';
import { inTransaction, statement, type ServiceContext } from './context';
import { loadStore } from './store';

/**
 * Report roll-ups (db/schema/reports.ts): pre-aggregated copies of
 * reports.summary's figures per store day, month and year.
 *
 * - A day is rolled once it is past (settings.timeZone) and no open cash
 *   session holds sales of it; a month once all its days are rolled, from
 *   them; a year once its twelve months are, from them. Each period with
 *   sales is rolled in its own short transaction.
 * - Rolling happens after cash.close commits and, lazily, before
 *   reports.summary reads (an old database fills itself on first use).
 * - Whatever changes a past sale's figures calls `invalidateRollups` in the
 *   transaction that changes it; a sale inserted on a rolled day is caught
 *   by a trigger (migration 0003).
 *
 * Days are rolled from 1 January of the first year with sales, empty days
 * included, so that months and years can roll.
 */

export type RollupKind = 'day' | 'month' | 'year';

export function kindOf(period: string): RollupKind {
  return period.length === 10 ? 'day' : period.length === 7 ? 'month' : 'year';
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The last day of a month `YYYY-MM`. */
export function lastDayOf(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const days = m === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[m - 1]!;
  return `${month}-${String(days).padStart(2, '0')}`;
}

/** The days `YYYY-MM-DD` of a month `YYYY-MM`. */
export function daysOf(month: string): string[] {
  const count = Number(lastDayOf(month).slice(8));
  return Array.from({ length: count }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
}

/** The twelve months `YYYY-MM` of a year `YYYY`. */
export function monthsOf(year: string): string[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

/** The store's today. */
function todayOf(ctx: ServiceContext): string {
  return localDateHour(ctx.now(), loadStore(ctx).settings.timeZone).date;
}

const PERIOD_TABLES = [
  'rollup_sales',
  'rollup_products',
  'rollup_categories',
  'rollup_taxes',
  'rollup_payments',
  'rollup_periods',
] as const;

/**
 * Drops the roll-ups of a day, its month and its year, so they are rebuilt
 * from the sale tables. Call it inside the transaction that changes the
 * figures of a sale of that day (void, money edit, delete).
 */
export function invalidateRollups(ctx: ServiceContext, localDate: string): void {
  const periods = [localDate, localDate.slice(0, 7), localDate.slice(0, 4)];
  const rolled = statement(
    ctx,
    'SELECT 1 FROM rollup_periods WHERE period IN (?, ?, ?) LIMIT 1',
  ).get(...periods);
  if (rolled === undefined) return;
  for (const table of PERIOD_TABLES)
    statement(ctx, `DELETE FROM ${table} WHERE period IN (?, ?, ?)`).run(...periods);
}

/**
 * Does an open cash session hold sales of this store day? Their sales may
 * still be voided or edited, so the day waits until the session closes.
 * (Driven by the day's sales, so a long open session is not scanned.)
 */
function isHeld(ctx: ServiceContext, day: string): boolean {
  return (
    statement(
      ctx,
      `SELECT 1 FROM sales s CROSS JOIN cash_sessions c
       WHERE s.local_date = ? AND c.id = s.session_id AND c.status = 'ABIERTA' LIMIT 1`,
    ).get(day) !== undefined
  );
}

function isRolled(ctx: ServiceContext, period: string): boolean {
  return statement(ctx, 'SELECT 1 FROM rollup_periods WHERE period = ?').get(period) !== undefined;
}

function countRolled(ctx: ServiceContext, length: number, from: string, to: string): number {
  // length(period) tells the kind apart on the primary key's index alone.
  return statement(
    ctx,
    'SELECT COUNT(*) FROM rollup_periods WHERE period BETWEEN ? AND ? AND length(period) = ?',
  )
    .pluck()
    .get(from, to, length) as number;
}

/** Where rolling starts and ends: 1 January of the first year with sales, to yesterday. */
function rollingSpan(ctx: ServiceContext): { first: string; last: string } | null {
  const earliest = statement(ctx, 'SELECT MIN(local_date) FROM sales').pluck().get() as
    string | null;
  if (earliest === null) return null;
  const first = `${earliest.slice(0, 4)}-01-01`;
  const last = addDays(todayOf(ctx), -1);
  return first <= last ? { first, last } : null;
}

/** Months (`YYYY-MM`) and years wholly inside [first, last]. */
function wholePeriods(first: string, last: string): { months: string[]; years: string[] } {
  const months: string[] = [];
  const years: string[] = [];
  for (let year = Number(first.slice(0, 4)); year <= Number(last.slice(0, 4)); year++) {
    const y = String(year).padStart(4, '0');
    for (const month of monthsOf(y)) if (lastDayOf(month) <= last) months.push(month);
    if (`${y}-12-31` <= last) years.push(y);
  }
  return { months, years };
}

export interface Pending {
  readonly days: readonly string[];
  readonly months: readonly string[];
  readonly years: readonly string[];
}

const NOTHING: Pending = { days: [], months: [], years: [] };

/**
 * The periods that may be rolled and are not. Cheap when there are none (the
 * usual case): three counts on rollup_periods' key.
 */
export function pendingRollups(ctx: ServiceContext): Pending {
  const span = rollingSpan(ctx);
  if (!span) return NOTHING;
  const { first, last } = span;
  const whole = wholePeriods(first, last);
  const complete =
    countRolled(ctx, 10, first, last) === daysBetween(first, last) &&
    countRolled(ctx, 7, first.slice(0, 7), last.slice(0, 7)) === whole.months.length &&
    countRolled(ctx, 4, first.slice(0, 4), last.slice(0, 4)) === whole.years.length;
  if (complete) return NOTHING;

  const rolled = new Set(
    statement(ctx, 'SELECT period FROM rollup_periods WHERE period BETWEEN ? AND ?')
      .pluck()
      .all(first.slice(0, 4), last) as string[],
  );
  const days: string[] = [];
  const dayDone = new Set<string>();
  for (let day = first; day <= last; day = addDays(day, 1)) {
    if (rolled.has(day)) dayDone.add(day);
    else if (!isHeld(ctx, day)) {
      days.push(day);
      dayDone.add(day);
    }
  }
  const months = whole.months.filter(
    (m) => !rolled.has(m) && daysOf(m).every((d) => dayDone.has(d)),
  );
  const monthDone = new Set([...whole.months.filter((m) => rolled.has(m)), ...months]);
  const years = whole.years.filter(
    (y) => !rolled.has(y) && monthsOf(y).every((m) => monthDone.has(m)),
  );
  return { days, months, years };
}

/** The first and last store day of a period. */
export function boundsOf(period: string): [string, string] {
  const kind = kindOf(period);
  if (kind === 'day') return [period, period];
  if (kind === 'month') return [`${period}-01`, lastDayOf(period)];
  return [`${period}-01-01`, `${period}-12-31`];
}

function hasSales(ctx: ServiceContext, period: string): boolean {
  return (
    statement(ctx, 'SELECT 1 FROM sales WHERE local_date BETWEEN ? AND ? LIMIT 1').get(
      ...boundsOf(period),
    ) !== undefined
  );
}

function rollPeriod(ctx: ServiceContext, period: string): boolean {
  const kind = kindOf(period);
  return kind === 'day'
    ? rollDay(ctx, period)
    : kind === 'month'
      ? rollMonth(ctx, period)
      : rollYear(ctx, period);
}

/**
 * Rolls every pending day, then month, then year. A period with sales gets a
 * transaction of its own; periods without any (a shop's first year before it
 * opened, a day it was closed) only need marking, and share one with the
 * next period that has sales, so a long empty stretch costs one commit.
 */
export function rollUp(ctx: ServiceContext): Pending {
  const pending = pendingRollups(ctx);
  const done: Record<RollupKind, string[]> = { day: [], month: [], year: [] };
  let batch: string[] = [];
  const flush = () => {
    const periods = batch;
    batch = [];
    if (periods.length === 0) return;
    const rolled = inTransaction(ctx, () => periods.filter((p) => rollPeriod(ctx, p)));
    for (const period of rolled) done[kindOf(period)].push(period);
  };
  for (const period of [...pending.days, ...pending.months, ...pending.years]) {
    batch.push(period);
    if (hasSales(ctx, period)) flush();
  }
  flush();
  return { days: done.day, months: done.month, years: done.year };
}

/**
 * rollUp for callers that must not fail because of it (cash.close after its
 * commit, reports.summary before reading): roll-ups are only a cache, and
 * whatever is not rolled is read live. False if it could not roll (the
 * database busy or read-only, say).
 */
export function tryRollUp(ctx: ServiceContext): boolean {
  try {
    rollUp(ctx);
    return true;
  } catch {
    return false;
  }
}

const SALES_COLUMNS =
  'period, local_hour, cashier_id, voided, count, gross, discounts, base, exempt, unaffected, tax, fixed_tax, igtf, cash_rounding, total, cost';
const SUM_SALES =
  'SUM(count), SUM(gross), SUM(discounts), SUM(base), SUM(exempt), SUM(unaffected), SUM(tax), SUM(fixed_tax), SUM(igtf), SUM(cash_rounding), SUM(total), SUM(cost)';
const PRODUCT_COLUMNS = 'period, product_id, quantity, total, base, cost';
const SUM_PRODUCTS = 'SUM(quantity), SUM(total), SUM(base), SUM(cost)';

function markRolled(ctx: ServiceContext, period: string): void {
  statement(ctx, 'INSERT INTO rollup_periods (period, kind, rolled_at) VALUES (?, ?, ?)').run(
    period,
    kindOf(period),
    ctx.now().toISOString(),
  );
}

/**
 * One store day from the sale tables, through their date-first report
 * indexes. rollDay, rollMonth and rollYear each run in a transaction (a
 * savepoint inside rollUp's) and do nothing if the period is rolled already
 * or may not roll yet.
 */
export function rollDay(ctx: ServiceContext, day: string): boolean {
  return inTransaction(ctx, () => {
    if (isRolled(ctx, day) || isHeld(ctx, day)) return false;
    statement(
      ctx,
      `INSERT INTO rollup_sales (${SALES_COLUMNS})
       SELECT @period, local_hour, cashier_id, status = 'ANULADA' AS voided, COUNT(*), SUM(gross),
              SUM(line_discount + order_discount), SUM(taxable_base), SUM(exempt), SUM(unaffected),
              SUM(tax), SUM(fixed_tax), SUM(igtf), SUM(cash_rounding), SUM(total), SUM(cost_total)
       FROM sales INDEXED BY sales_report WHERE local_date = @period
       GROUP BY local_hour, cashier_id, voided`,
    ).run({ period: day });
    statement(
      ctx,
      `INSERT INTO rollup_products (${PRODUCT_COLUMNS})
       SELECT @period, product_id, SUM(quantity), SUM(total), SUM(base), SUM(cost_total)
       FROM sale_lines INDEXED BY sale_lines_report_by_date WHERE voided = 0 AND local_date = @period
       GROUP BY product_id`,
    ).run({ period: day });
    statement(
      ctx,
      `INSERT INTO rollup_categories (period, category_id, lines, total)
       SELECT @period, category_id, COUNT(*), SUM(total)
       FROM sale_lines INDEXED BY sale_lines_report_by_date WHERE voided = 0 AND local_date = @period
       GROUP BY category_id`,
    ).run({ period: day });
    statement(
      ctx,
      `INSERT INTO rollup_taxes (period, rate, base, tax)
       SELECT @period, rate, SUM(base), SUM(tax)
       FROM sale_taxes INDEXED BY sale_taxes_report WHERE voided = 0 AND local_date = @period
       GROUP BY rate`,
    ).run({ period: day });
    statement(
      ctx,
      `INSERT INTO rollup_payments (period, method, currency, count, amount)
       SELECT @period, method, currency, COUNT(*), SUM(amount)
       FROM payments INDEXED BY payments_report WHERE voided = 0 AND local_date = @period
       GROUP BY method, currency`,
    ).run({ period: day });
    markRolled(ctx, day);
    return true;
  });
}

/**
 * Sums rolled periods into a bigger one. `parts` is a JSON array of the
 * periods to sum (a month's days, a year's months).
 */
function rollFrom(ctx: ServiceContext, period: string, parts: readonly string[]): void {
  const json = JSON.stringify(parts);
  const inParts = 'period IN (SELECT value FROM json_each(@parts))';
  statement(
    ctx,
    `INSERT INTO rollup_sales (${SALES_COLUMNS})
     SELECT @period, local_hour, cashier_id, voided, ${SUM_SALES}
     FROM rollup_sales WHERE ${inParts} GROUP BY local_hour, cashier_id, voided`,
  ).run({ period, parts: json });
  statement(
    ctx,
    `INSERT INTO rollup_products (${PRODUCT_COLUMNS})
     SELECT @period, product_id, ${SUM_PRODUCTS}
     FROM rollup_products INDEXED BY rollup_products_report WHERE ${inParts}
     GROUP BY product_id`,
  ).run({ period, parts: json });
  statement(
    ctx,
    `INSERT INTO rollup_categories (period, category_id, lines, total)
     SELECT @period, category_id, SUM(lines), SUM(total)
     FROM rollup_categories WHERE ${inParts} GROUP BY category_id`,
  ).run({ period, parts: json });
  statement(
    ctx,
    `INSERT INTO rollup_taxes (period, rate, base, tax)
     SELECT @period, rate, SUM(base), SUM(tax) FROM rollup_taxes WHERE ${inParts} GROUP BY rate`,
  ).run({ period, parts: json });
  statement(
    ctx,
    `INSERT INTO rollup_payments (period, method, currency, count, amount)
     SELECT @period, method, currency, SUM(count), SUM(amount)
     FROM rollup_payments WHERE ${inParts} GROUP BY method, currency`,
  ).run({ period, parts: json });
  markRolled(ctx, period);
}

/** A month `YYYY-MM` from its day roll-ups, once all of them are there. */
export function rollMonth(ctx: ServiceContext, month: string): boolean {
  const days = daysOf(month);
  return inTransaction(ctx, () => {
    if (isRolled(ctx, month) || countRolled(ctx, 10, days[0]!, days.at(-1)!) !== days.length)
      return false;
    rollFrom(ctx, month, days);
    return true;
  });
}

/** A year `YYYY` from its month roll-ups, once all twelve are there. */
export function rollYear(ctx: ServiceContext, year: string): boolean {
  const months = monthsOf(year);
  return inTransaction(ctx, () => {
    if (isRolled(ctx, year) || countRolled(ctx, 7, months[0]!, months[11]!) !== 12) return false;
    rollFrom(ctx, year, months);
    return true;
  });
}
