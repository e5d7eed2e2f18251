import type { Sale } from '../../../../core/api/model';
import { money, rate, useT } from '../../i18n';
import { useProfile } from '../../state/session';
import { taxNameOf } from '../../tax-name';
import { Figure } from '../cash/Figures';

/**
 * The sale's totals as the main process computed them: bases and taxes per
 * rate, named as the till names them, and the cash rounding that settled it.
 */
export function SaleTotals({ sale }: { sale: Sale }) {
  const t = useT();
  const name = taxNameOf(useProfile()?.code);
  const m = (amount: number) => money(amount, sale.currency);
  return (
    <div className="sale-totals">
      {sale.discount > 0 && (
        <>
          <Figure
            label={
              sale.pricesIncludeTax
                ? t('sales.detail.grossWithTax')
                : t('sales.detail.grossWithoutTax')
            }
          >
            {m(sale.gross)}
          </Figure>
          <Figure label={t('sales.detail.discounts')}>− {m(sale.discount)}</Figure>
        </>
      )}
      {sale.taxed.map((taxed) => (
        <Figure
          key={`base-${taxed.rate}`}
          label={t('sales.detail.taxedBase', { rate: rate(taxed.rate), name })}
        >
          {m(taxed.base)}
        </Figure>
      ))}
      {sale.exempt > 0 && <Figure label={t('sales.detail.exempt')}>{m(sale.exempt)}</Figure>}
      {sale.unaffected > 0 && (
        <Figure label={t('sales.detail.unaffected')}>{m(sale.unaffected)}</Figure>
      )}
      {sale.taxed.map((taxed) => (
        <Figure
          key={`tax-${taxed.rate}`}
          label={t('sales.detail.taxAt', { rate: rate(taxed.rate), name })}
        >
          {m(taxed.tax)}
        </Figure>
      ))}
      {sale.fixedTaxes.map((fixed) => (
        <Figure key={fixed.code} label={fixed.name}>
          {m(fixed.amount)}
        </Figure>
      ))}
      <Figure label={t('sales.detail.total')} strong>
        {m(sale.total)}
      </Figure>
      {sale.igtf > 0 && (
        <>
          <Figure label={t('sales.detail.igtf')}>{m(sale.igtf)}</Figure>
          <Figure label={t('sales.detail.due')} strong>
            {m(sale.due)}
          </Figure>
        </>
      )}
      {sale.cashRounding !== 0 && (
        <>
          {/* Cash went to the coin (DOMAIN.md, "Cash rounding"); the document's total stays. */}
          <Figure label={t('sales.detail.cashRounding')}>{m(sale.cashRounding)}</Figure>
          <Figure label={t('sales.detail.roundedTotal')} strong>
            {m(sale.due + sale.cashRounding)}
          </Figure>
        </>
      )}
    </div>
  );
}
