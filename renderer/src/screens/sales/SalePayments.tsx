import type { Sale } from '../../../../core/api/model';
import { money, useT } from '../../i18n';
import { usePaymentLabel } from '../../i18n/payment-names';
import { Figure } from '../cash/Figures';

/** How the sale was paid: per method, what was handed over and the change. */
export function SalePayments({ sale }: { sale: Sale }) {
  const t = useT();
  const methodName = usePaymentLabel();
  const m = (amount: number, currency = sale.currency) => money(amount, currency);
  return (
    <div className="sale-payments">
      {sale.payments.length === 0 && <p className="muted">{t('sales.detail.noPayments')}</p>}
      {sale.payments.map((payment) => (
        <div key={payment.id} className="cs-payment">
          <Figure label={<strong>{methodName(payment.method)}</strong>}>
            {m(payment.amount, payment.currency)}
          </Figure>
          <div className="muted cs-small cs-payment-notes">
            {payment.change > 0 && (
              <span>
                {t('sales.detail.tendered', { amount: m(payment.tendered, payment.currency) })}
                {' · '}
                {t('sales.detail.change', { amount: m(payment.change, payment.currency) })}
              </span>
            )}
            {payment.bank && <span>{t('sales.detail.bank', { bank: payment.bank })}</span>}
            {payment.reference && (
              <span>{t('sales.detail.reference', { reference: payment.reference })}</span>
            )}
          </div>
        </div>
      ))}
      {sale.balance > 0 && (
        <Figure label={t('sales.detail.balance')} strong>
          {m(sale.balance)}
        </Figure>
      )}
      {sale.refunded > 0 && (
        <Figure label={t('sales.detail.refunded')}>− {m(sale.refunded)}</Figure>
      )}
    </div>
  );
}
