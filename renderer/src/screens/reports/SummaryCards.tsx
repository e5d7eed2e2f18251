import type { Summary } from '../../../../core/api/model';
import { money, tn, useT } from '../../i18n';
import type { MessageKey } from '../../i18n/messages';

function Figure({
  label,
  value,
  detail,
  strong,
}: {
  readonly label: string;
  readonly value: string;
  readonly detail?: string;
  readonly strong?: boolean;
}) {
  return (
    <div className={strong ? 'figure figure-strong' : 'figure'} role="group" aria-label={label}>
      <span className="figure-label">{label}</span>
      <span className="figure-value num">{value}</span>
      {detail && <span className="figure-detail muted">{detail}</span>}
    </div>
  );
}

/** The period's totals at a glance; voided sales and returns counted apart. */
export function SummaryCards({ summary }: { readonly summary: Summary }) {
  const t = useT();
  const s = summary.sales;
  // Beside the taxable base, the other parts of the total when there are any, so the figures add up.
  const amounts = (
    [
      ['reports.totals.gross', s.gross],
      ['reports.totals.discounts', s.discounts],
      ['reports.totals.base', s.base],
      ['reports.totals.exempt', s.exempt],
      ['reports.totals.unaffected', s.unaffected],
      ['reports.totals.tax', s.tax],
      ['reports.totals.fixedTax', s.fixedTax],
    ] as const satisfies readonly (readonly [MessageKey, number])[]
  ).filter(
    ([key, value]) =>
      value !== 0 ||
      ['reports.totals.gross', 'reports.totals.base', 'reports.totals.tax'].includes(key),
  );
  return (
    <div className="figures">
      <Figure label={t('reports.totals.total')} value={money(s.total)} strong />
      <Figure label={t('reports.totals.count')} value={String(s.count)} />
      <Figure label={t('reports.totals.averageTicket')} value={money(s.averageTicket)} />
      <Figure
        label={t('reports.totals.voids')}
        value={money(summary.voids.total)}
        detail={tn('reports.totals.howMany', summary.voids.count)}
      />
      {amounts.map(([key, value]) => (
        <Figure key={key} label={t(key)} value={money(value)} />
      ))}
      <Figure
        label={t('reports.totals.returns')}
        value={money(summary.returns.total)}
        detail={tn('reports.totals.howMany', summary.returns.count)}
      />
      <Figure label={t('reports.profit.profit')} value={money(summary.profit.profit)} />
    </div>
  );
}
