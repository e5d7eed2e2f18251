import type { Summary } from '../../../../core/api/model';
import { currency as currencyOf } from '../../../../core/money/currency';
import { minorToDecimalString } from '../../../../core/money/format';
import { separatorsOf } from '../../../../core/money/locale';
import { currentLocale, rate, t } from '../../i18n';
import { paymentLabel } from '../../i18n/payment-names';
import type { MessageKey } from '../../i18n/messages';
import { csvDocument, delimiterFor, num, type Cell } from './csv';

/**
 * The period report as a CSV a spreadsheet opens: one section per table of the
 * screen, labels in the UI language, amounts as plain decimals in the
 * locale's notation (no symbol, no grouping) so they stay numbers. The IGTF
 * is Venezuela's tax: elsewhere its row appears only if something was charged.
 */
export function summaryCsv(summary: Summary, businessName: string, country: string): string {
  const { decimal } = separatorsOf(currentLocale());
  const digits = currencyOf(summary.currency).minorDigits;
  const amount = (minor: number) => num(minorToDecimalString(minor, digits).replace('.', decimal));
  const count = (n: number) => num(String(n));
  const qty = (q: number) => num(String(Math.round(q * 1000) / 1000).replace('.', decimal));
  const L = (key: MessageKey) => t(key);
  const rows: Cell[][] = [];
  const section = (title: MessageKey, header: readonly MessageKey[], body: Cell[][]) => {
    rows.push([], [L(title)], header.map(L), ...body);
  };
  const s = summary.sales;

  rows.push(
    [L('reports.csv.title'), businessName],
    [L('common.from'), summary.from],
    [L('common.to'), summary.to],
    [L('reports.csv.currency'), summary.currency],
  );
  section(
    'reports.totals.title',
    ['reports.csv.concept', 'common.amount'],
    [
      [L('reports.totals.count'), count(s.count)],
      [L('reports.totals.gross'), amount(s.gross)],
      [L('reports.totals.discounts'), amount(s.discounts)],
      [L('reports.totals.base'), amount(s.base)],
      [L('reports.totals.exempt'), amount(s.exempt)],
      [L('reports.totals.unaffected'), amount(s.unaffected)],
      [L('reports.totals.tax'), amount(s.tax)],
      [L('reports.totals.fixedTax'), amount(s.fixedTax)],
      ...(country === 'VE' || s.igtf !== 0 ? [[L('reports.totals.igtf'), amount(s.igtf)]] : []),
      [L('reports.totals.total'), amount(s.total)],
      [L('reports.totals.averageTicket'), amount(s.averageTicket)],
      [L('reports.csv.voidsCount'), count(summary.voids.count)],
      [L('reports.csv.voidsTotal'), amount(summary.voids.total)],
      [L('reports.csv.returnsCount'), count(summary.returns.count)],
      [L('reports.csv.returnsTotal'), amount(summary.returns.total)],
    ],
  );
  section(
    'reports.taxes.title',
    ['reports.taxes.rate', 'reports.totals.base', 'reports.totals.tax'],
    summary.taxes.map((r) => [rate(r.rate), amount(r.base), amount(r.tax)]),
  );
  section(
    'reports.methods.title',
    ['reports.methods.method', 'reports.csv.currency', 'reports.csv.operations', 'common.amount'],
    [
      ...summary.byMethod.map((m) => [
        paymentLabel(m.method),
        m.currency,
        count(m.count),
        amount(m.amount),
      ]),
      ...(s.cashRounding === 0
        ? []
        : [[L('reports.methods.cashRounding'), summary.currency, '', amount(s.cashRounding)]]),
    ],
  );
  section(
    'reports.cashiers.title',
    ['reports.cashiers.cashier', 'reports.cashiers.sales', 'common.total'],
    summary.byCashier.map((c) => [c.name, count(c.count), amount(c.total)]),
  );
  section(
    'reports.categories.title',
    ['reports.categories.category', 'reports.categories.lines', 'common.total'],
    summary.byCategory.map((c) => [
      c.name || L('reports.categories.none'),
      count(c.count),
      amount(c.total),
    ]),
  );
  section(
    'reports.top.title',
    [
      'common.code',
      'reports.top.product',
      'common.quantity',
      'common.total',
      'reports.profit.profit',
    ],
    summary.topProducts.map((p) => [
      p.code,
      p.name,
      qty(p.quantity),
      amount(p.total),
      amount(p.profit),
    ]),
  );
  section(
    'reports.profit.title',
    ['reports.csv.concept', 'common.amount'],
    [
      [L('reports.profit.revenue'), amount(summary.profit.revenue)],
      [L('reports.profit.cost'), amount(summary.profit.cost)],
      [L('reports.profit.profit'), amount(summary.profit.profit)],
    ],
  );
  section(
    'reports.extra.income',
    ['reports.extra.type', 'reports.csv.operations', 'common.amount'],
    summary.extraIncome.map((m) => [
      t(`common.movementTypes.${m.type}`),
      count(m.count),
      amount(m.amount),
    ]),
  );
  section(
    'reports.extra.expenses',
    ['reports.extra.type', 'reports.csv.operations', 'common.amount'],
    summary.expenses.map((m) => [
      t(`common.movementTypes.${m.type}`),
      count(m.count),
      amount(m.amount),
    ]),
  );
  section(
    'reports.charts.perDay',
    ['common.date', 'reports.cashiers.sales', 'common.total'],
    summary.perDay.map((d) => [d.date, count(d.count), amount(d.total)]),
  );
  section(
    'reports.charts.perHour',
    ['common.time', 'reports.cashiers.sales', 'common.total'],
    summary.perHour.map((h) => [
      t('reports.charts.hour', { hour: String(h.hour).padStart(2, '0') }),
      count(h.count),
      amount(h.total),
    ]),
  );
  return csvDocument(rows, delimiterFor(decimal));
}
