import { useState, type KeyboardEvent } from 'react';
import { PAYMENT_METHODS, type PaymentMethod } from '../../../../core/api/model';
import type { CashRoundingRule } from '../../../../core/money/cash-rounding';
import { denominationsOf } from '../../../../core/money/denominations';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/Field';
import { MoneyInput } from '../../components/MoneyInput';
import { shortcutText } from '../../components/shortcuts';
import { money, useI18n, useT } from '../../i18n';
import { usePaymentLabel } from '../../i18n/payment-names';
import { cashToCover, paymentStatus, quickCash, type PaymentDraft } from '../../till/payment';

type Draft = Omit<PaymentDraft, 'amount'> & { readonly amount: number | null };

export interface PaymentDialogProps {
  readonly due: number;
  /** The store's cash rounding to the coin, or null: cash due, "Exacto" and change follow it. */
  readonly cashRounding: CashRoundingRule | null;
  readonly hasRegisteredCustomer: boolean;
  readonly busy: boolean;
  readonly error: string | null;
  onComplete(payments: readonly PaymentDraft[]): void;
  onClose(): void;
}

/**
 * F4/F12: methods, split payments, cash tendered with the change shown big,
 * bank and reference for transfers. Enter completes once the sale is covered.
 */
export function PaymentDialog({
  due,
  cashRounding,
  hasRegisteredCustomer,
  busy,
  error,
  onComplete,
  onClose,
}: PaymentDialogProps) {
  const t = useT();
  const methodName = usePaymentLabel();
  const currency = useI18n((s) => s.currency);
  // An amount being typed may be empty (null) for a moment; it counts as 0.
  const [drafts, setDrafts] = useState<Draft[]>([
    { method: 'EFECTIVO', amount: cashToCover(due, [], 0, cashRounding) },
  ]);
  const payments: PaymentDraft[] = drafts.map((d) => ({ ...d, amount: d.amount ?? 0 }));
  const status = paymentStatus(due, payments, cashRounding);
  const notes = denominationsOf(currency).filter((d) => d >= 1000);
  const canComplete =
    status.covered &&
    !status.missingBank &&
    !busy &&
    !(status.onCredit > 0 && !hasRegisteredCustomer);

  const update = (index: number, change: Partial<Draft>) =>
    setDrafts((list) => list.map((p, i) => (i === index ? { ...p, ...change } : p)));
  const complete = () => {
    if (canComplete) onComplete(payments);
  };
  // Enter in a text field (bank, reference) completes too, as in the amounts.
  const completeOnEnter = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    complete();
  };
  // What a row would pay to cover the rest: cash to the coin, anything else to the cent.
  const cover = (method: PaymentMethod, index: number) =>
    cashToCover(due, payments, index, method === 'EFECTIVO' ? cashRounding : null);
  // A row still holding what its old method had to cover takes the new method's cover,
  // so switching cash S/ 40.20 to card asks for the exact S/ 40.26, and back.
  const switchMethod = (index: number, method: PaymentMethod) => {
    const current = drafts[index];
    const followsCover = current && current.amount === cover(current.method, index);
    update(
      index,
      followsCover && method !== 'CREDITO' ? { method, amount: cover(method, index) } : { method },
    );
  };
  // A second payment (QR by default) takes the exact rest, so the cash left needs no rounding.
  const add = () =>
    setDrafts((list) => [...list, { method: 'QR', amount: Math.max(0, due - status.paid) }]);

  return (
    <Dialog
      title={t('till.pay.title')}
      onClose={onClose}
      wide
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            variant="primary"
            size="large"
            disabled={!canComplete}
            onClick={complete}
            shortcut="Enter"
            data-testid="complete-sale"
          >
            {busy ? t('till.pay.completing') : t('till.pay.complete')}
          </Button>
        </>
      }
    >
      <div className="pay-grid">
        <div className="stack">
          {drafts.map((payment, index) => (
            <div key={index} className="pay-row card">
              <div className="method-buttons" role="radiogroup" aria-label={t('till.pay.method')}>
                {PAYMENT_METHODS.map((method: PaymentMethod) => (
                  <button
                    key={method}
                    type="button"
                    role="radio"
                    aria-checked={payment.method === method}
                    className={`btn btn-small ${payment.method === method ? 'btn-primary' : ''}`}
                    onClick={() => switchMethod(index, method)}
                  >
                    {methodName(method)}
                  </button>
                ))}
              </div>
              {payment.method !== 'CREDITO' && (
                <MoneyInput
                  label={
                    payment.method === 'EFECTIVO' ? t('till.pay.tendered') : t('till.pay.amount')
                  }
                  value={payment.amount}
                  large
                  autoFocus={index === drafts.length - 1}
                  onChange={(amount) => update(index, { amount })}
                  onEnter={complete}
                  name={`payment-${index}`}
                />
              )}
              {payment.method === 'EFECTIVO' && (
                <div className="quick-cash">
                  {quickCash(cashToCover(due, payments, index, cashRounding), notes).map(
                    (amount, i) => (
                      <button
                        key={amount}
                        type="button"
                        className="btn btn-small"
                        onClick={() => update(index, { amount })}
                      >
                        {i === 0 ? `${t('till.pay.exact')} ${money(amount)}` : money(amount)}
                      </button>
                    ),
                  )}
                </div>
              )}
              {payment.method === 'TRANSFERENCIA' && (
                <div className="grid-2">
                  <TextField
                    label={t('till.pay.bank')}
                    value={payment.bank ?? ''}
                    onChange={(e) => update(index, { bank: e.target.value })}
                    onKeyDown={completeOnEnter}
                    error={!payment.bank?.trim() ? t('till.pay.needsBank') : null}
                  />
                  <TextField
                    label={t('till.pay.reference')}
                    value={payment.reference ?? ''}
                    onChange={(e) => update(index, { reference: e.target.value })}
                    onKeyDown={completeOnEnter}
                  />
                </div>
              )}
              {drafts.length > 1 && (
                <Button
                  size="small"
                  variant="ghost"
                  onClick={() => setDrafts((list) => list.filter((_, i) => i !== index))}
                >
                  {t('till.pay.remove')}
                </Button>
              )}
            </div>
          ))}
          <Button onClick={add} disabled={status.remaining === 0}>
            + {t('till.pay.addPayment')}
          </Button>
        </div>
        <div className="pay-summary">
          <div className="pay-due">
            <span>{t('till.pay.due')}</span>
            <strong className="num" data-testid="pay-due">
              {money(due)}
            </strong>
          </div>
          {status.cashRounding !== 0 && (
            <>
              <div className="pay-rounding">
                <span>{t('till.pay.rounding')}</span>
                <strong className="num" data-testid="pay-rounding">
                  {money(status.cashRounding)}
                </strong>
              </div>
              <div className="pay-due pay-settle">
                <span>{t('till.pay.settle')}</span>
                <strong className="num" data-testid="pay-settle">
                  {money(status.settle)}
                </strong>
              </div>
            </>
          )}
          {status.remaining > 0 && (
            <div className="pay-remaining">
              <span>{t('till.pay.remaining')}</span>
              <strong className="num">{money(status.remaining)}</strong>
            </div>
          )}
          {status.onCredit > 0 && (
            <div className="pay-remaining">
              <span>{t('till.pay.onCredit')}</span>
              <strong className="num">{money(status.onCredit)}</strong>
            </div>
          )}
          <div className={`pay-change ${status.change > 0 ? 'has-change' : ''}`}>
            <span>{t('till.pay.change')}</span>
            <strong className="num" data-testid="pay-change">
              {money(status.change)}
            </strong>
          </div>
          {status.nonCashTooHigh && <p className="field-error">{t('till.pay.nonCashTooHigh')}</p>}
          {status.onCredit > 0 && !hasRegisteredCustomer && (
            <p className="field-error">
              {t('till.pay.creditNeedsCustomer', { key: shortcutText('searchCustomer') })}
            </p>
          )}
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
        </div>
      </div>
    </Dialog>
  );
}
