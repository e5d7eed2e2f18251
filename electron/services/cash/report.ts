import type {
  CashMovementType,
  CashReport,
  MethodTotal,
  PaymentMethod,
  TypeTotal,
} from '../../../core/api/model';
import type { RateTotal } from '../../../core/tax/types';
import { statement, type ServiceContext } from '../context';
import { toCashSession, type SessionRow } from './sessions';

interface SalesRow {
  count: number;
  total: number;
  igtf: number;
  cashRounding: number;
  discounts: number;
  exempt: number;
  unaffected: number;
  fixedTax: number;
}

/**
 * The X or Z figures of a session, derived from its sales, payments, returns
 * and movements (never typed in). Every query is by session id, on indexes.
 */
export function computeCashReport(
  ctx: ServiceContext,
  session: SessionRow,
  currency: string,
  counted: number | null,
): CashReport {
  const id = session.id;
  const totals = statement(
    ctx,
    `SELECT COUNT(*) AS count, COALESCE(SUM(total), 0) AS total, COALESCE(SUM(igtf), 0) AS igtf,
            COALESCE(SUM(cash_rounding), 0) AS cashRounding,
            COALESCE(SUM(line_discount + order_discount), 0) AS discounts, COALESCE(SUM(exempt), 0) AS exempt,
            COALESCE(SUM(unaffected), 0) AS unaffected, COALESCE(SUM(fixed_tax), 0) AS fixedTax
     FROM sales WHERE session_id = ? AND status != 'ANULADA'`,
  ).get(id) as SalesRow;
  const voids = statement(
    ctx,
    `SELECT COUNT(*) AS count, COALESCE(SUM(total), 0) AS total FROM sales WHERE session_id = ? AND status = 'ANULADA'`,
  ).get(id) as { count: number; total: number };
  const byMethod = statement(
    ctx,
    `SELECT p.method AS method, p.currency AS currency, COUNT(*) AS count, SUM(p.amount) AS amount,
            SUM(p.tendered) AS tendered, SUM(p.change) AS change
     FROM payments p JOIN sales s ON s.id = p.sale_id
     WHERE s.session_id = ? AND p.voided = 0
     GROUP BY p.method, p.currency ORDER BY amount DESC`,
  ).all(id) as (MethodTotal & { tendered: number; change: number })[];
  const taxes = statement(
    ctx,
    `SELECT t.rate AS rate, SUM(t.base) AS base, SUM(t.tax) AS tax
     FROM sale_taxes t JOIN sales s ON s.id = t.sale_id
     WHERE s.session_id = ? AND t.voided = 0 GROUP BY t.rate ORDER BY t.rate DESC`,
  ).all(id) as RateTotal[];
  const returns = statement(
    ctx,
    `SELECT COUNT(*) AS count, COALESCE(SUM(total), 0) AS total,
            COALESCE(SUM(CASE WHEN refund_method = 'EFECTIVO' THEN refunded ELSE 0 END), 0) AS cash,
            COALESCE(SUM(cash_rounding), 0) AS cashRounding
     FROM sale_returns WHERE session_id = ?`,
  ).get(id) as { count: number; total: number; cash: number; cashRounding: number };
  const movements = statement(
    ctx,
    `SELECT direction, type, COUNT(*) AS count, SUM(amount) AS amount
     FROM cash_movements WHERE session_id = ? GROUP BY direction, type ORDER BY amount DESC`,
  ).all(id) as { direction: 'IN' | 'OUT'; type: CashMovementType; count: number; amount: number }[];

  const cashIn = movements.filter((m) => m.direction === 'IN');
  const cashOut = movements.filter((m) => m.direction === 'OUT');
  const toTypeTotals = (rows: typeof movements): TypeTotal[] =>
    rows.map(({ type, count, amount }) => ({ type, count, amount }));
  const localCash = byMethod.filter((m) => m.method === 'EFECTIVO' && m.currency === currency);
  const received = localCash.reduce((s, m) => s + m.tendered, 0);
  const change = localCash.reduce((s, m) => s + m.change, 0);
  const moneyIn = cashIn.reduce((s, m) => s + m.amount, 0);
  const moneyOut = cashOut.reduce((s, m) => s + m.amount, 0);
  // DOMAIN.md: float + cash received − change given + cash in − cash out − cash refunds.
  const expected = session.openingFloat + received - change + moneyIn - moneyOut - returns.cash;

  return {
    kind: session.status === 'CERRADA' ? 'Z' : 'X',
    session: toCashSession(ctx, session),
    currency,
    generatedAt: ctx.now().toISOString(),
    sales: { count: totals.count, total: totals.total },
    byMethod: byMethod.map(({ method, currency: c, count, amount }) => ({
      method: method as PaymentMethod,
      currency: c,
      count,
      amount,
    })),
    taxes,
    exempt: totals.exempt,
    unaffected: totals.unaffected,
    fixedTax: totals.fixedTax,
    igtf: totals.igtf,
    cashRounding: { sales: totals.cashRounding, refunds: returns.cashRounding },
    discounts: totals.discounts,
    voids,
    returns: { count: returns.count, total: returns.total, cash: returns.cash },
    movementsIn: toTypeTotals(cashIn),
    movementsOut: toTypeTotals(cashOut),
    cash: {
      float: session.openingFloat,
      received,
      change,
      in: moneyIn,
      out: moneyOut,
      refunds: returns.cash,
      expected,
      counted,
      difference: counted === null ? null : counted - expected,
    },
  };
}
