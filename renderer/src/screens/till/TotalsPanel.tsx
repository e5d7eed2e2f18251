import type { TaxDocumentResult } from '../../../../core/tax/types';
import { convertTotals } from '../../../../core/tax/dual-currency';
import { money, rate, useT } from '../../i18n';
import { useProfile, useSession } from '../../state/session';
import { taxNameOf } from '../../tax-name';

/**
 * Live totals with the tax breakdown the country requires: Peru's op.
 * gravadas/exoneradas/inafectas, IGV and ICBPER; elsewhere base and tax per
 * rate; Venezuela also in the second currency at today's rate.
 */
export function TotalsPanel({
  totals,
  items,
}: {
  totals: TaxDocumentResult | null;
  items: number;
}) {
  const t = useT();
  const profile = useProfile();
  const settings = useSession((s) => s.settings);
  if (!totals || !settings) return null;
  const peru = profile?.code === 'PE';
  const taxName = taxNameOf(profile?.code);
  // The rate is always "legal currency per foreign unit" (Bs per USD).
  const secondary =
    settings.secondaryCurrency && settings.exchangeRate && profile?.secondaryCurrency
      ? convertTotals(
          totals,
          { from: profile.secondaryCurrency, to: profile.currency, rate: settings.exchangeRate },
          settings.roundingMode,
          settings.currency === profile.currency ? 'back' : 'forward',
        )
      : null;
  return (
    <div className="totals" aria-live="polite">
      <dl>
        {totals.discount > 0 && (
          // What the goods came to before discounts, then the discounts: each row
          // says what it is, so the figures add up (DOMAIN.md, money).
          <>
            <div>
              <dt>
                {settings.pricesIncludeTax
                  ? t('till.totals.grossWithTax')
                  : t('till.totals.grossWithoutTax')}
              </dt>
              <dd className="num">{money(totals.gross)}</dd>
            </div>
            <div>
              <dt>{t('till.totals.discounts')}</dt>
              <dd className="num">− {money(totals.discount)}</dd>
            </div>
          </>
        )}
        {totals.taxableBase > 0 && (
          <div>
            <dt>{peru ? t('till.totals.gravadas') : t('till.totals.base')}</dt>
            <dd className="num">{money(totals.taxableBase)}</dd>
          </div>
        )}
        {totals.exempt > 0 && (
          <div>
            <dt>{peru ? t('till.totals.exoneradas') : t('till.totals.exempt')}</dt>
            <dd className="num">{money(totals.exempt)}</dd>
          </div>
        )}
        {totals.unaffected > 0 && (
          <div>
            <dt>{peru ? t('till.totals.inafectas') : t('till.totals.unaffected')}</dt>
            <dd className="num">{money(totals.unaffected)}</dd>
          </div>
        )}
        {totals.taxed
          .filter((r) => r.tax > 0 || r.rate > 0)
          .map((r) => (
            <div key={r.rate}>
              <dt>{t('till.totals.taxNamed', { name: taxName, rate: rate(r.rate) })}</dt>
              <dd className="num">{money(r.tax)}</dd>
            </div>
          ))}
        {totals.fixedTaxes.map((f) => (
          <div key={f.code}>
            <dt>{f.name}</dt>
            <dd className="num">{money(f.amount)}</dd>
          </div>
        ))}
      </dl>
      <div className="grand-total">
        <span>{t('till.totals.total')}</span>
        <strong className="num" data-testid="total">
          {money(totals.total)}
        </strong>
      </div>
      <div className="muted items">
        {t(items === 1 ? 'till.totals.item' : 'till.totals.items', { count: items })}
      </div>
      {secondary && (
        <div className="muted">
          {t('till.totals.secondary', {
            amount: money(secondary.total, secondary.currency),
            rate: settings.exchangeRate ?? '',
          })}
        </div>
      )}
    </div>
  );
}
