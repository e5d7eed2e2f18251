import type { CashReport, TypeTotal } from '../../../../core/api/model';
import { dateTime, money, rate, useT } from '../../i18n';
import { usePaymentLabel } from '../../i18n/payment-names';
import type { MessageKey } from '../../i18n/messages';
import { DifferenceAmount } from './DifferenceAmount';
import { Figure, FigureGroup } from './Figures';

/** The X or Z report of a session, as the API computed it. */
export function CashReportView({
  report,
  titled = true,
}: {
  report: CashReport;
  titled?: boolean;
}) {
  const t = useT();
  const methodName = usePaymentLabel();
  const { session, cash } = report;
  const m = (amount: number) => money(amount, report.currency);
  return (
    <div className="cash-report" data-kind={report.kind}>
      <header className="cash-report-head">
        {titled && <h2>{t(`cash.report.${report.kind}`)}</h2>}
        <strong className="session-number" data-testid="session-number">
          {t('cash.session.number', { number: session.number })} · {session.registerCode}
        </strong>
        <span className="muted">
          {t('cash.session.openedBy', {
            name: session.openedBy.name,
            when: dateTime(session.openedAt),
          })}
          {session.closedBy && session.closedAt && (
            <>
              {' · '}
              {t('cash.session.closedBy', {
                name: session.closedBy.name,
                when: dateTime(session.closedAt),
              })}
            </>
          )}
        </span>
        <span className="muted">
          {t('cash.report.generatedAt', { when: dateTime(report.generatedAt) })}
        </span>
      </header>
      <div className="cash-report-grid">
        <FigureGroup title={t('cash.report.sales')}>
          <Figure label={t('cash.report.salesCount')}>{report.sales.count}</Figure>
          <Figure label={t('cash.report.salesTotal')} strong>
            {m(report.sales.total)}
          </Figure>
          {report.cashRounding.sales !== 0 && (
            <Figure label={t('cash.report.cashRounding')}>
              <span data-testid="z-cash-rounding">{m(report.cashRounding.sales)}</span>
            </Figure>
          )}
          <Figure label={t('cash.report.discounts')}>{m(report.discounts)}</Figure>
          <Figure label={t('cash.report.voids')}>
            {t('cash.report.countOf', {
              count: report.voids.count,
              amount: m(report.voids.total),
            })}
          </Figure>
          <Figure label={t('cash.report.returns')}>
            {t('cash.report.countOf', {
              count: report.returns.count,
              amount: m(report.returns.total),
            })}
          </Figure>
          {report.cashRounding.refunds !== 0 && (
            <Figure label={t('cash.report.refundRounding')}>
              <span data-testid="z-refund-rounding">{m(report.cashRounding.refunds)}</span>
            </Figure>
          )}
        </FigureGroup>

        <FigureGroup title={t('cash.report.byMethod')}>
          {report.byMethod.length === 0 && <p className="muted">{t('cash.report.noSales')}</p>}
          {report.byMethod.map((method) => (
            <Figure
              key={`${method.method}-${method.currency}`}
              label={
                <>
                  {methodName(method.method)} <span className="muted">×{method.count}</span>
                </>
              }
            >
              {money(method.amount, method.currency)}
            </Figure>
          ))}
        </FigureGroup>

        <FigureGroup title={t('cash.report.taxes')}>
          {report.taxes.length === 0 && <p className="muted">{t('cash.report.noTaxes')}</p>}
          {report.taxes.map((tax) => (
            <Figure
              key={tax.rate}
              label={t('cash.report.taxRow', { rate: rate(tax.rate), base: m(tax.base) })}
            >
              {m(tax.tax)}
            </Figure>
          ))}
          {report.exempt > 0 && <Figure label={t('cash.report.exempt')}>{m(report.exempt)}</Figure>}
          {report.unaffected > 0 && (
            <Figure label={t('cash.report.unaffected')}>{m(report.unaffected)}</Figure>
          )}
          {report.fixedTax > 0 && (
            <Figure label={t('cash.report.fixedTax')}>{m(report.fixedTax)}</Figure>
          )}
          {report.igtf > 0 && <Figure label={t('cash.report.igtf')}>{m(report.igtf)}</Figure>}
        </FigureGroup>

        <FigureGroup title={t('cash.report.movements')}>
          {report.movementsIn.length + report.movementsOut.length === 0 && (
            <p className="muted">{t('cash.report.noMovements')}</p>
          )}
          <TypeTotals totals={report.movementsIn} sign="+" currency={report.currency} />
          <TypeTotals totals={report.movementsOut} sign="−" currency={report.currency} />
        </FigureGroup>

        <FigureGroup title={t('cash.report.cash')}>
          <Figure label={t('cash.report.float')}>{m(cash.float)}</Figure>
          <Figure label={t('cash.report.received')}>+ {m(cash.received)}</Figure>
          <Figure label={t('cash.report.change')}>− {m(cash.change)}</Figure>
          <Figure label={t('cash.report.in')}>+ {m(cash.in)}</Figure>
          <Figure label={t('cash.report.out')}>− {m(cash.out)}</Figure>
          <Figure label={t('cash.report.refunds')}>− {m(cash.refunds)}</Figure>
          <Figure label={t('cash.report.expected')} strong>
            <span data-testid="expected-cash">{m(cash.expected)}</span>
          </Figure>
          {report.kind === 'Z' && (
            <>
              <Figure label={t('cash.report.counted')} strong>
                {cash.counted === null ? t('cash.report.notCounted') : m(cash.counted)}
              </Figure>
              {cash.difference !== null && (
                <Figure label={t('cash.report.difference')} strong>
                  <span data-testid="z-difference">
                    <DifferenceAmount difference={cash.difference} currency={report.currency} />
                  </span>
                </Figure>
              )}
            </>
          )}
        </FigureGroup>
      </div>
      {session.notes.trim() && (
        <section className="cash-observations" aria-label={t('cash.report.observations')}>
          <h3>{t('cash.report.observations')}</h3>
          <p data-testid="observations">{session.notes}</p>
        </section>
      )}
    </div>
  );
}

function TypeTotals({
  totals,
  sign,
  currency,
}: {
  totals: readonly TypeTotal[];
  sign: '+' | '−';
  currency: string;
}) {
  const t = useT();
  return totals.map((total) => (
    <Figure
      key={`${sign}${total.type}`}
      label={
        <>
          {t(`common.movementTypes.${total.type}` as MessageKey)}{' '}
          <span className="muted">×{total.count}</span>
        </>
      }
    >
      {sign} {money(total.amount, currency)}
    </Figure>
  ));
}
