import type {
  DayTotal,
  HourTotal,
  MethodTotal,
  NamedTotal,
  PaymentMethod,
  ProductTotal,
  Summary,
  TypeTotal,
  CashMovementType,
} from '../../core/api/model';
import { addDays, daysBetween } from '../../core/time';
import type { RateTotal } from '../../core/tax/types';
import type { AreaHandlers } from '../handler';
import { statement, type ServiceContext } from './context';
import { toApiQuantity } from './catalog/product-rows';
import { loadStore } from './store';

/**
 * reports.summary. Every figure comes from indexed, date-keyed copies kept on
 * the sale rows (local_date, voided), so a year of sales is a few index scans,
 * not a walk over every line.
 */

interface SalesGroup {
  date: string;
  hour: number;
  cashierId: number;
  cashierName: string;
  voided: number;
  count: number;
  gross: number;
  discounts: number;
  base: number;
  exempt: number;
  unaffected: number;
  tax: number;
  fixedTax: number;
  igtf: number;
  total: number;
  cost: number;
}

const SALES_SQL = `
  SELECT local_date AS date, local_hour AS hour, cashier_id AS cashierId, MAX(cashier_name) AS cashierName,
         status = 'ANULADA' AS voided, COUNT(*) AS count, SUM(gross) AS gross,
         SUM(line_discount + order_discount) AS discounts, SUM(taxable_base) AS base, SUM(exempt) AS exempt,
         SUM(unaffected) AS unaffected, SUM(tax) AS tax, SUM(fixed_tax) AS fixedTax, SUM(igtf) AS igtf,
         SUM(total) AS total, SUM(cost_total) AS cost
  FROM sales WHERE local_date BETWEEN ? AND ?
  GROUP BY local_date, local_hour, cashier_id, voided`;

/**
 * Products and categories in one pass over the lines, through whichever
 * partial covering index suits the range: by product for long ranges (the
 * grouping then streams), by day for short ones (it seeks).
 */
function linesSql(index: 'sale_lines_report_by_product' | 'sale_lines_report_by_date'): string {
  return `
  WITH per_product AS MATERIALIZED (
    SELECT product_id, category_id, COUNT(*) AS lines, SUM(quantity) AS quantity, SUM(total) AS total, SUM(base) AS base, SUM(cost_total) AS cost
    FROM sale_lines INDEXED BY ${index}
    WHERE voided = 0 AND local_date BETWEEN ? AND ?
    GROUP BY product_id, category_id
  ),
  top AS (
    SELECT 'P' AS kind, product_id AS id, SUM(quantity) AS quantity, SUM(total) AS total, SUM(base) - SUM(cost) AS profit, SUM(lines) AS count
    FROM per_product GROUP BY product_id ORDER BY total DESC LIMIT ?
  ),
  cats AS (
    SELECT 'C' AS kind, category_id AS id, SUM(quantity) AS quantity, SUM(total) AS total, SUM(base) - SUM(cost) AS profit, SUM(lines) AS count
    FROM per_product GROUP BY category_id
  )
  SELECT * FROM top UNION ALL SELECT * FROM cats`;
}

interface LineAggregate {
  kind: 'P' | 'C';
  id: number | null;
  quantity: number;
  total: number;
  profit: number;
  count: number;
}

function names(ctx: ServiceContext, table: 'products' | 'categories', ids: readonly number[]) {
  if (ids.length === 0) return new Map<number, { code: string; name: string }>();
  const columns = table === 'products' ? 'id, code, name' : "id, '' AS code, name";
  const rows = ctx.db.sqlite
    .prepare(`SELECT ${columns} FROM ${table} WHERE id IN (${ids.map(() => '?').join(',')})`)
    .all(...ids) as { id: number; code: string; name: string }[];
  return new Map(rows.map((r) => [r.id, r]));
}

export function summarize(ctx: ServiceContext, from: string, to: string, top: number): Summary {
  const { settings } = loadStore(ctx);
  const groups = statement(ctx, SALES_SQL).all(from, to) as SalesGroup[];
  const kept = groups.filter((g) => g.voided === 0);
  const sum = (rows: readonly SalesGroup[], pick: (g: SalesGroup) => number) =>
    rows.reduce((s, g) => s + pick(g), 0);

  const perDay = new Map<string, DayTotal>();
  const days = daysBetween(from, to);
  if (days <= 3660)
    for (let i = 0; i < days; i++)
      perDay.set(addDays(from, i), { date: addDays(from, i), count: 0, total: 0 });
  const perHour: HourTotal[] = Array.from({ length: 24 }, (_, hour) => ({
    hour,
    count: 0,
    total: 0,
  }));
  const byCashier = new Map<number, NamedTotal>();
  for (const g of kept) {
    const day = perDay.get(g.date) ?? { date: g.date, count: 0, total: 0 };
    perDay.set(g.date, { date: g.date, count: day.count + g.count, total: day.total + g.total });
    const hour = perHour[g.hour]!;
    perHour[g.hour] = { hour: g.hour, count: hour.count + g.count, total: hour.total + g.total };
    const cashier = byCashier.get(g.cashierId) ?? {
      id: g.cashierId,
      name: g.cashierName,
      count: 0,
      total: 0,
    };
    byCashier.set(g.cashierId, {
      ...cashier,
      count: cashier.count + g.count,
      total: cashier.total + g.total,
    });
  }

  const taxes = statement(
    ctx,
    `SELECT rate, SUM(base) AS base, SUM(tax) AS tax FROM sale_taxes INDEXED BY sale_taxes_report
     WHERE voided = 0 AND local_date BETWEEN ? AND ? GROUP BY rate ORDER BY rate DESC`,
  ).all(from, to) as RateTotal[];
  const byMethod = statement(
    ctx,
    `SELECT method, currency, COUNT(*) AS count, SUM(amount) AS amount FROM payments INDEXED BY payments_report
     WHERE voided = 0 AND local_date BETWEEN ? AND ? GROUP BY method, currency ORDER BY amount DESC`,
  ).all(from, to) as (Omit<MethodTotal, 'method'> & { method: PaymentMethod })[];
  const returns = statement(
    ctx,
    'SELECT COUNT(*) AS count, COALESCE(SUM(total), 0) AS total FROM sale_returns WHERE local_date BETWEEN ? AND ?',
  ).get(from, to) as { count: number; total: number };
  const movements = statement(
    ctx,
    `SELECT direction, type, COUNT(*) AS count, SUM(amount) AS amount FROM cash_movements
     WHERE local_date BETWEEN ? AND ? GROUP BY direction, type ORDER BY amount DESC`,
  ).all(from, to) as ({ direction: 'IN' | 'OUT' } & TypeTotal)[];

  const index = days > 31 ? 'sale_lines_report_by_product' : 'sale_lines_report_by_date';
  const lines = statement(ctx, linesSql(index)).all(from, to, top) as LineAggregate[];
  const productRows = lines.filter((l) => l.kind === 'P');
  const categoryRows = lines.filter((l) => l.kind === 'C');
  const productNames = names(
    ctx,
    'products',
    productRows.map((p) => p.id!),
  );
  const categoryNames = names(
    ctx,
    'categories',
    categoryRows.flatMap((c) => (c.id === null ? [] : [c.id])),
  );
  const topProducts: ProductTotal[] = productRows.map((p) => ({
    productId: p.id!,
    code: productNames.get(p.id!)?.code ?? '',
    name: productNames.get(p.id!)?.name ?? '',
    quantity: toApiQuantity(p.quantity),
    total: p.total,
    profit: p.profit,
  }));
  const byCategory: NamedTotal[] = categoryRows
    .map((c) => ({
      id: c.id,
      name: c.id === null ? '' : (categoryNames.get(c.id)?.name ?? ''),
      count: c.count,
      total: c.total,
    }))
    .sort((a, b) => b.total - a.total);

  const count = sum(kept, (g) => g.count);
  const total = sum(kept, (g) => g.total);
  const revenue = sum(kept, (g) => g.base + g.exempt + g.unaffected);
  const cost = sum(kept, (g) => g.cost);
  const voided = groups.filter((g) => g.voided === 1);
  const typeTotals = (direction: 'IN' | 'OUT'): TypeTotal[] =>
    movements
      .filter((m) => m.direction === direction)
      .map(({ type, count: n, amount }) => ({ type: type as CashMovementType, count: n, amount }));

  return {
    from,
    to,
    currency: settings.currency,
    sales: {
      count,
      gross: sum(kept, (g) => g.gross),
      discounts: sum(kept, (g) => g.discounts),
      base: sum(kept, (g) => g.base),
      exempt: sum(kept, (g) => g.exempt),
      unaffected: sum(kept, (g) => g.unaffected),
      tax: sum(kept, (g) => g.tax),
      fixedTax: sum(kept, (g) => g.fixedTax),
      igtf: sum(kept, (g) => g.igtf),
      total,
      averageTicket: count === 0 ? 0 : Math.round(total / count),
    },
    taxes,
    voids: { count: sum(voided, (g) => g.count), total: sum(voided, (g) => g.total) },
    returns,
    byMethod,
    byCashier: [...byCashier.values()].sort((a, b) => b.total - a.total),
    byCategory,
    topProducts,
    profit: { revenue, cost, profit: revenue - cost },
    extraIncome: typeTotals('IN'),
    expenses: typeTotals('OUT'),
    perDay: [...perDay.values()].sort((a, b) => a.date.localeCompare(b.date)),
    perHour,
  };
}

export const reportsHandlers: AreaHandlers<'reports'> = {
  'reports.summary': {
    access: 'supervisor',
    run: (input, ctx) => summarize(ctx, input.from, input.to, input.top),
  },
};
