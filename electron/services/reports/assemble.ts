import type {
  CashMovementType,
  DayTotal,
  HourTotal,
  NamedTotal,
  PaymentMethod,
  ProductTotal,
  Summary,
  TypeTotal,
} from '../../../core/api/model';
import { roundRatio } from '../../../core/money/rounding';
import { addDays, daysBetween } from '../../../core/time';
import { toApiQuantity } from '../catalog/product-rows';
import { statement, type ServiceContext } from '../context';
import { loadStore } from '../store';

/**
 * The figures of a range, however they were read (live from the sale tables,
 * or from roll-ups plus live days), before they are named, sorted and shaped
 * into a Summary. Every list is already summed over the range: one row per
 * key.
 */
export interface SummaryParts {
  /** Sales per hour, cashier and voided state (1 = ANULADA). */
  readonly groups: readonly SalesGroup[];
  /** Non-voided sales per day, for the days that have any. */
  readonly days: readonly DayRow[];
  readonly taxes: readonly RateRow[];
  readonly methods: readonly MethodRow[];
  readonly returns: { readonly count: number; readonly total: number };
  readonly movements: readonly MovementRow[];
  /** The top products by total (ties by id), at most `top` of them. */
  readonly products: readonly ProductRow[];
  readonly categories: readonly CategoryRow[];
}

export interface SalesFigures {
  count: number;
  gross: number;
  discounts: number;
  base: number;
  exempt: number;
  unaffected: number;
  tax: number;
  fixedTax: number;
  igtf: number;
  /** Σ cash rounding to the coin (≤ 0): Σ payments = total + igtf + cashRounding. */
  cashRounding: number;
  total: number;
  cost: number;
}

export interface SalesGroup extends SalesFigures {
  hour: number;
  cashierId: number;
  voided: number;
}

export interface MethodRow {
  method: PaymentMethod;
  currency: string;
  count: number;
  amount: number;
}

export interface DayRow {
  date: string;
  count: number;
  total: number;
}

export interface RateRow {
  rate: number;
  base: number;
  tax: number;
}

export interface MovementRow {
  direction: 'IN' | 'OUT';
  type: string;
  count: number;
  amount: number;
}

/** Non-voided sale lines of one product. */
export interface ProductRow {
  id: number;
  quantity: number;
  total: number;
  profit: number;
}

/** Non-voided sale lines of one category (null: none); `count` is the number of lines. */
export interface CategoryRow {
  id: number | null;
  count: number;
  total: number;
}

export const SALES_FIGURES: readonly (keyof SalesFigures)[] = [
  'count',
  'gross',
  'discounts',
  'base',
  'exempt',
  'unaffected',
  'tax',
  'fixedTax',
  'igtf',
  'cashRounding',
  'total',
  'cost',
];

/** Adds `from`'s figures into `into`. */
export function addFigures(into: SalesFigures, from: SalesFigures): void {
  for (const key of SALES_FIGURES) into[key] += from[key];
}

function names(
  ctx: ServiceContext,
  table: 'products' | 'categories' | 'users',
  ids: readonly number[],
) {
  if (ids.length === 0) return new Map<number, { code: string; name: string }>();
  const columns = table === 'products' ? 'id, code, name' : "id, '' AS code, name";
  const rows = ctx.db.sqlite
    .prepare(`SELECT ${columns} FROM ${table} WHERE id IN (${ids.map(() => '?').join(',')})`)
    .all(...ids) as { id: number; code: string; name: string }[];
  return new Map(rows.map((r) => [r.id, r]));
}

/** Bigger first; equal totals in a fixed order, so any two ways of reading a range agree. */
const byTotal = (
  a: { total: number; id: number | null },
  b: { total: number; id: number | null },
) => b.total - a.total || (a.id ?? -Infinity) - (b.id ?? -Infinity);

/**
 * Names, sorts and shapes the figures. Products, categories and cashiers are
 * named as they are now (a renamed cashier shows the new name, like a renamed
 * product); ties sort by id (methods by method and currency, movements by
 * type), so the result is the same however the figures were read.
 */
export function toSummary(
  ctx: ServiceContext,
  from: string,
  to: string,
  parts: SummaryParts,
): Summary {
  const { settings } = loadStore(ctx);
  const kept = parts.groups.filter((g) => g.voided === 0);
  const voided = parts.groups.filter((g) => g.voided !== 0);
  const sum = (rows: readonly SalesGroup[], pick: (g: SalesGroup) => number) =>
    rows.reduce((s, g) => s + pick(g), 0);

  const perDay = new Map<string, DayTotal>();
  const days = daysBetween(from, to);
  if (days <= 3660)
    for (let i = 0; i < days; i++)
      perDay.set(addDays(from, i), { date: addDays(from, i), count: 0, total: 0 });
  for (const d of parts.days) {
    const day = perDay.get(d.date) ?? { date: d.date, count: 0, total: 0 };
    perDay.set(d.date, { date: d.date, count: day.count + d.count, total: day.total + d.total });
  }
  const perHour: HourTotal[] = Array.from({ length: 24 }, (_, hour) => ({
    hour,
    count: 0,
    total: 0,
  }));
  const cashiers = new Map<number, { count: number; total: number }>();
  for (const g of kept) {
    const hour = perHour[g.hour]!;
    perHour[g.hour] = { hour: g.hour, count: hour.count + g.count, total: hour.total + g.total };
    const cashier = cashiers.get(g.cashierId) ?? { count: 0, total: 0 };
    cashiers.set(g.cashierId, { count: cashier.count + g.count, total: cashier.total + g.total });
  }
  const cashierNames = names(ctx, 'users', [...cashiers.keys()]);
  const byCashier: NamedTotal[] = [...cashiers]
    .map(([id, c]) => ({ id, name: cashierNames.get(id)?.name ?? '', ...c }))
    .sort(byTotal);

  const productRows = [...parts.products].sort(byTotal);
  const productNames = names(
    ctx,
    'products',
    productRows.map((p) => p.id),
  );
  const categoryNames = names(
    ctx,
    'categories',
    parts.categories.flatMap((c) => (c.id === null ? [] : [c.id])),
  );
  const topProducts: ProductTotal[] = productRows.map((p) => ({
    productId: p.id,
    code: productNames.get(p.id)?.code ?? '',
    name: productNames.get(p.id)?.name ?? '',
    quantity: toApiQuantity(p.quantity),
    total: p.total,
    profit: p.profit,
  }));
  const byCategory: NamedTotal[] = parts.categories
    .map((c) => ({
      id: c.id,
      name: c.id === null ? '' : (categoryNames.get(c.id)?.name ?? ''),
      count: c.count,
      total: c.total,
    }))
    .sort(byTotal);

  const count = sum(kept, (g) => g.count);
  const total = sum(kept, (g) => g.total);
  const revenue = sum(kept, (g) => g.base + g.exempt + g.unaffected);
  const cost = sum(kept, (g) => g.cost);
  const typeTotals = (direction: 'IN' | 'OUT'): TypeTotal[] =>
    parts.movements
      .filter((m) => m.direction === direction)
      .map(({ type, count: n, amount }) => ({ type: type as CashMovementType, count: n, amount }))
      .sort((a, b) => b.amount - a.amount || compare(a.type, b.type));

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
      cashRounding: sum(kept, (g) => g.cashRounding),
      total,
      averageTicket: count === 0 ? 0 : roundRatio(BigInt(total), BigInt(count), 'HALF_UP'),
    },
    taxes: [...parts.taxes].sort((a, b) => b.rate - a.rate),
    voids: { count: sum(voided, (g) => g.count), total: sum(voided, (g) => g.total) },
    returns: parts.returns,
    byMethod: [...parts.methods].sort(
      (a, b) =>
        b.amount - a.amount || compare(a.method, b.method) || compare(a.currency, b.currency),
    ),
    byCashier,
    byCategory,
    topProducts,
    profit: { revenue, cost, profit: revenue - cost },
    extraIncome: typeTotals('IN'),
    expenses: typeTotals('OUT'),
    perDay: [...perDay.values()].sort((a, b) => compare(a.date, b.date)),
    perHour,
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Returns and cash movements: small tables, always read live. */
export function liveExtras(
  ctx: ServiceContext,
  from: string,
  to: string,
): Pick<SummaryParts, 'returns' | 'movements'> {
  const returns = statement(
    ctx,
    'SELECT COUNT(*) AS count, COALESCE(SUM(total), 0) AS total FROM sale_returns WHERE local_date BETWEEN ? AND ?',
  ).get(from, to) as { count: number; total: number };
  const movements = statement(
    ctx,
    `SELECT direction, type, COUNT(*) AS count, SUM(amount) AS amount FROM cash_movements
     WHERE local_date BETWEEN ? AND ? GROUP BY direction, type`,
  ).all(from, to) as MovementRow[];
  return { returns, movements };
}
