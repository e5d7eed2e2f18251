import type { Summary } from '../../../../core/api/model';
import { money, quantity, rate, useT } from '../../i18n';
import { usePaymentLabel } from '../../i18n/payment-names';
import { BreakdownTable } from './BreakdownTable';

/** Taxes, payment methods, cashiers, categories, top products, profit, cash in and out. */
export function SummaryTables({ summary }: { readonly summary: Summary }) {
  const t = useT();
  const methodName = usePaymentLabel();
  const s = summary.sales;
  // Exempt and unaffected sales are amounts without tax; per-unit taxes and IGTF are taxes.
  const apart = (
    [
      ['reports.totals.exempt', s.exempt, 'base'],
      ['reports.totals.unaffected', s.unaffected, 'base'],
      ['reports.totals.fixedTax', s.fixedTax, 'tax'],
      ['reports.totals.igtf', s.igtf, 'tax'],
    ] as const
  ).filter(([, value]) => value !== 0);
  const amountIn = (value: number, currency: string) =>
    currency === summary.currency ? money(value) : money(value, currency);

  return (
    <div className="tables">
      <BreakdownTable
        title={t('reports.taxes.title')}
        columns={[
          { label: t('reports.taxes.rate') },
          { label: t('reports.totals.base'), numeric: true },
          { label: t('reports.totals.tax'), numeric: true },
        ]}
        rows={[
          ...summary.taxes.map((r) => [
            t('reports.taxes.taxed', { rate: rate(r.rate) }),
            money(r.base),
            money(r.tax),
          ]),
          ...apart.map(([key, value, column]) =>
            column === 'base' ? [t(key), money(value), '—'] : [t(key), '—', money(value)],
          ),
        ]}
      />
      <BreakdownTable
        title={t('reports.methods.title')}
        columns={[
          { label: t('reports.methods.method') },
          { label: t('reports.csv.operations'), numeric: true },
          { label: t('common.amount'), numeric: true },
        ]}
        rows={[
          ...summary.byMethod.map((m) => [
            methodName(m.method),
            String(m.count),
            amountIn(m.amount, m.currency),
          ]),
          // Why the methods add up to less than the total sold: cash went to the coin.
          ...(summary.sales.cashRounding === 0
            ? []
            : [[t('reports.methods.cashRounding'), '', money(summary.sales.cashRounding)]]),
        ]}
      />
      <BreakdownTable
        title={t('reports.profit.title')}
        columns={[
          { label: t('reports.csv.concept') },
          { label: t('common.amount'), numeric: true },
        ]}
        rows={[
          [t('reports.profit.revenue'), money(summary.profit.revenue)],
          [t('reports.profit.cost'), money(summary.profit.cost)],
          [
            <strong key="p">{t('reports.profit.profit')}</strong>,
            <strong key="v">{money(summary.profit.profit)}</strong>,
          ],
        ]}
      />
      <BreakdownTable
        title={t('reports.cashiers.title')}
        columns={[
          { label: t('reports.cashiers.cashier') },
          { label: t('reports.cashiers.sales'), numeric: true },
          { label: t('common.total'), numeric: true },
        ]}
        rows={summary.byCashier.map((c) => [c.name, String(c.count), money(c.total)])}
      />
      <BreakdownTable
        title={t('reports.categories.title')}
        columns={[
          { label: t('reports.categories.category') },
          { label: t('reports.categories.lines'), numeric: true },
          { label: t('common.total'), numeric: true },
        ]}
        rows={summary.byCategory.map((c) => [
          c.name || t('reports.categories.none'),
          String(c.count),
          money(c.total),
        ])}
      />
      <BreakdownTable
        title={t('reports.extra.title')}
        columns={[
          { label: t('reports.extra.type') },
          { label: t('reports.csv.operations'), numeric: true },
          { label: t('common.amount'), numeric: true },
        ]}
        rows={[
          ...summary.extraIncome.map((m) => [
            t('reports.extra.in', { type: t(`common.movementTypes.${m.type}`) }),
            String(m.count),
            money(m.amount),
          ]),
          ...summary.expenses.map((m) => [
            t('reports.extra.out', { type: t(`common.movementTypes.${m.type}`) }),
            String(m.count),
            <span key="o" className="negative">
              {money(-m.amount)}
            </span>,
          ]),
        ]}
      />
      <BreakdownTable
        className="wide"
        title={t('reports.top.title')}
        columns={[
          { label: t('common.code') },
          { label: t('reports.top.product') },
          { label: t('common.quantity'), numeric: true },
          { label: t('common.total'), numeric: true },
          { label: t('reports.profit.profit'), numeric: true },
        ]}
        rows={summary.topProducts.map((p) => [
          <span key="c" className="mono">
            {p.code}
          </span>,
          p.name,
          quantity(p.quantity),
          money(p.total),
          money(p.profit),
        ])}
      />
    </div>
  );
}
