import { useMemo, useState } from 'react';
import { callOrToast } from '../../api/use-call';
import { Button } from '../../components/Button';
import { day, useI18n, useT } from '../../i18n';
import { hasRole, useSession } from '../../state/session';
import { downloadBase64, downloadText } from '../products/download';
import { Progress } from '../products/Progress';
import '../products/products.css';
import { dayPoints, hourPoints } from './chart-data';
import { shortDay } from './format';
import { customPeriod, periodOf, type Period } from './period';
import { PeriodPicker, type PeriodChoice } from './PeriodPicker';
import { SalesChart } from './SalesChart';
import { summaryCsv } from './summary-csv';
import { SummaryCards } from './SummaryCards';
import { SummaryTables } from './SummaryTables';
import { useSummary } from './useSummary';
import './reports.css';

/** Sales reports for a period: totals, charts, breakdowns; CSV and PDF exports. */
export function ReportsScreen() {
  const t = useT();
  const actor = useSession((s) => s.actor);
  const businessName = useSession((s) => s.settings?.businessName ?? '');
  const country = useSession((s) => s.settings?.country ?? '');
  // The store's zone (settings.timeZone, applied to i18n with the settings): its days are the report's.
  const timeZone = useI18n((s) => s.timeZone);
  const allowed = hasRole(actor, 'supervisor');
  const [choice, setChoice] = useState<PeriodChoice>(() => {
    const week = periodOf('week', new Date(), timeZone);
    return { preset: 'week', ...week };
  });
  const period: Period | null = useMemo(
    () =>
      choice.preset === 'custom'
        ? customPeriod(choice.from, choice.to)
        : periodOf(choice.preset, new Date(), timeZone),
    [choice, timeZone],
  );
  const { summary, loading } = useSummary(allowed ? period : null);
  const [pdfBusy, setPdfBusy] = useState(false);

  if (!allowed) return <p className="empty">{t('reports.forbidden')}</p>;

  function pick(next: PeriodChoice) {
    // Switching to "custom" starts from the range on screen.
    if (next.preset === 'custom' && choice.preset !== 'custom' && period) {
      return setChoice({ preset: 'custom', from: period.from, to: period.to });
    }
    setChoice(next);
  }

  const fileBase = summary ? t('reports.fileName', { from: summary.from, to: summary.to }) : '';

  async function exportPdf() {
    if (!summary) return;
    setPdfBusy(true);
    const result = await callOrToast('documents.periodReport', {
      from: summary.from,
      to: summary.to,
    });
    setPdfBusy(false);
    if (result?.pdf) downloadBase64(`${fileBase}.pdf`, result.pdf, 'application/pdf');
  }

  const shown = summary && period && summary.from === period.from && summary.to === period.to;
  return (
    <section className="reports-screen">
      <header className="screen-title">
        <h1>{t('common.nav.reports')}</h1>
        <div className="spacer" />
        <Button
          disabled={!shown}
          onClick={() =>
            summary && downloadText(`${fileBase}.csv`, summaryCsv(summary, businessName, country))
          }
        >
          {t('common.exportCsv')}
        </Button>
        <Button disabled={!shown || pdfBusy} onClick={() => void exportPdf()}>
          {pdfBusy ? t('reports.pdfWorking') : t('common.exportPdf')}
        </Button>
      </header>
      <div className="stack">
        <PeriodPicker
          value={choice}
          onChange={pick}
          invalid={choice.preset === 'custom' && !period}
        />
        {pdfBusy && <Progress label={t('reports.pdfWorking')} />}
        {period && (
          <p className="period-text">
            {period.from === period.to
              ? t('reports.period.oneDay', { day: day(period.from) })
              : t('reports.period.range', { from: day(period.from), to: day(period.to) })}
          </p>
        )}
        {loading && <Progress label={t('reports.loading')} />}
        {summary && (
          <div
            className={loading || !shown ? 'report-body stale' : 'report-body'}
            aria-busy={loading}
          >
            <SummaryCards summary={summary} />
            <div className="charts">
              <SalesChart
                title={t('reports.charts.perDay')}
                color="#0f5f58"
                points={dayPoints({ from: summary.from, to: summary.to }, summary.perDay).map(
                  (p) => ({
                    label: shortDay(p.date),
                    title: day(p.date),
                    count: p.count,
                    total: p.total,
                  }),
                )}
              />
              <SalesChart
                title={t('reports.charts.perHour')}
                color="#d9961a"
                points={hourPoints(summary.perHour).map((p) => {
                  const hour = t('reports.charts.hour', { hour: String(p.hour).padStart(2, '0') });
                  return { label: hour, title: hour, count: p.count, total: p.total };
                })}
              />
            </div>
            <SummaryTables summary={summary} />
          </div>
        )}
      </div>
    </section>
  );
}
