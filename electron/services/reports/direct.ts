import type { Summary } from '../../../core/api/model';
import { statement, type ServiceContext } from '../context';
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
  type SummaryParts,
} from './assemble';

/**
 * reports.summary read straight from the sale tables, ignoring the roll-ups:
 * the reference the rolled-up reading is tested against, and the way a range
 * with nothing rolled is read. Every figure comes from indexed, date-keyed
 * copies kept on the sale rows (local_date, voided).
 */

const SALES_SQL = `
  SELECT local_date AS date, local_hour AS hour, cashier_id AS cashierId,
         status = 'ANULADA' AS voided, COUNT(*) AS count, SUM(gross) AS gross,
         SUM(line_discount + order_discount) AS discounts, SUM(taxable_base) AS base, SUM(exempt) AS exempt,
         SUM(unaffected) AS unaffected, SUM(tax) AS tax, SUM(fixed_tax) AS fixedTax, SUM(igtf) AS igtf,
         SUM(cash_rounding) AS cashRounding, SUM(total) AS total, SUM(cost_total) AS cost
  FROM sales WHERE local_date BETWEEN ? AND ?
  GROUP BY local_date, local_hour, cashier_id, voided`;

/**
 * The best-selling products and the categories, each straight off the
 * day-first partial covering index. Two plain GROUP BYs: grouping by product
 * and category first and regrouping that (one pass) cost three times as much
 * on a busy day, where most lines are of different products.
 */
const TOP_PRODUCTS_SQL = `
  SELECT product_id AS id, SUM(quantity) AS quantity, SUM(total) AS total, SUM(base) - SUM(cost_total) AS profit
  FROM sale_lines INDEXED BY sale_lines_report_by_date
  WHERE voided = 0 AND local_date BETWEEN ? AND ?
  GROUP BY product_id ORDER BY total DESC, product_id LIMIT ?`;
const CATEGORIES_SQL = `
  SELECT category_id AS id, COUNT(*) AS count, SUM(total) AS total
  FROM sale_lines INDEXED BY sale_lines_report_by_date
  WHERE voided = 0 AND local_date BETWEEN ? AND ?
  GROUP BY category_id`;

export function summarizeDirect(
  ctx: ServiceContext,
  from: string,
  to: string,
  top: number,
): Summary {
  const rows = statement(ctx, SALES_SQL).all(from, to) as (SalesGroup & { date: string })[];
  const groups = new Map<string, SalesGroup>();
  const days = new Map<string, DayRow>();
  for (const { date, ...g } of rows) {
    const key = `${g.hour}:${g.cashierId}:${g.voided}`;
    const group = groups.get(key);
    if (group) addFigures(group, g);
    else groups.set(key, { ...g });
    if (g.voided === 0) {
      const day = days.get(date) ?? { date, count: 0, total: 0 };
      days.set(date, { date, count: day.count + g.count, total: day.total + g.total });
    }
  }

  const taxes = statement(
    ctx,
    `SELECT rate, SUM(base) AS base, SUM(tax) AS tax FROM sale_taxes INDEXED BY sale_taxes_report
     WHERE voided = 0 AND local_date BETWEEN ? AND ? GROUP BY rate`,
  ).all(from, to) as RateRow[];
  const methods = statement(
    ctx,
    `SELECT method, currency, COUNT(*) AS count, SUM(amount) AS amount FROM payments INDEXED BY payments_report
     WHERE voided = 0 AND local_date BETWEEN ? AND ? GROUP BY method, currency`,
  ).all(from, to) as MethodRow[];

  const parts: SummaryParts = {
    groups: [...groups.values()],
    days: [...days.values()],
    taxes,
    methods,
    ...liveExtras(ctx, from, to),
    products: statement(ctx, TOP_PRODUCTS_SQL).all(from, to, top) as ProductRow[],
    categories: statement(ctx, CATEGORIES_SQL).all(from, to) as CategoryRow[],
  };
  return toSummary(ctx, from, to, parts);
}
