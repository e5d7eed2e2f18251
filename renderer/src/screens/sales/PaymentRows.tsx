import { PAYMENT_METHODS, type PaymentMethod } from '../../../../core/api/model';
import { Button } from '../../components/Button';
import { SelectField, TextField } from '../../components/Field';
import { MoneyInput } from '../../components/MoneyInput';
import { useT } from '../../i18n';
import { usePaymentLabel } from '../../i18n/payment-names';
import type { PaymentDraft } from './edit-request';
import { uuid } from '../../api/uuid';

/** The payments of an edited sale: method, amount, and the bank for a transfer. */
export function PaymentRows({
  payments,
  currency,
  onChange,
}: {
  payments: readonly PaymentDraft[];
  currency: string;
  onChange(payments: PaymentDraft[]): void;
}) {
  const t = useT();
  const methodName = usePaymentLabel();
  const update = (index: number, patch: Partial<PaymentDraft>) =>
    onChange(payments.map((p, i) => (i === index ? { ...p, ...patch } : p)));
  return (
    <div className="stack cs-payment-rows">
      {payments.map((payment, index) => (
        <div key={payment.key} className="cs-payment-row">
          <SelectField
            label={t('sales.edit.method')}
            value={payment.method}
            onChange={(e) => {
              const method = e.target.value as PaymentMethod;
              update(index, { method, ...(method === 'CREDITO' ? { amount: null } : {}) });
            }}
          >
            {PAYMENT_METHODS.map((m) => (
              <option key={m} value={m}>
                {methodName(m)}
              </option>
            ))}
          </SelectField>
          {payment.method === 'CREDITO' ? (
            <div className="field">
              <span>{t('sales.edit.amount')}</span>
              <span className="credit-amount muted">{t('sales.edit.creditAmount')}</span>
            </div>
          ) : (
            <MoneyInput
              label={t('sales.edit.amount')}
              value={payment.amount}
              currency={payment.currency || currency}
              onChange={(amount) => update(index, { amount })}
            />
          )}
          {payment.method === 'TRANSFERENCIA' ? (
            <TextField
              label={t('sales.edit.bank')}
              value={payment.bank}
              maxLength={50}
              onChange={(e) => update(index, { bank: e.target.value })}
            />
          ) : (
            <span />
          )}
          {payment.method !== 'EFECTIVO' && payment.method !== 'CREDITO' ? (
            <TextField
              label={t('sales.edit.reference')}
              value={payment.reference}
              maxLength={100}
              onChange={(e) => update(index, { reference: e.target.value })}
            />
          ) : (
            <span />
          )}
          <Button
            variant="ghost"
            className="remove-payment"
            aria-label={t('sales.edit.removePayment', { index: index + 1 })}
            disabled={payments.length === 1}
            onClick={() => onChange(payments.filter((_, i) => i !== index))}
          >
            ✕
          </Button>
        </div>
      ))}
      <div>
        <Button
          onClick={() =>
            onChange([
              ...payments,
              {
                key: uuid(),
                method: 'EFECTIVO',
                amount: null,
                currency,
                bank: '',
                reference: '',
              },
            ])
          }
        >
          + {t('sales.edit.addPayment')}
        </Button>
      </div>
    </div>
  );
}
