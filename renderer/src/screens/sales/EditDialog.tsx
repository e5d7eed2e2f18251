import { useState } from 'react';
import type { Sale } from '../../../../core/api/model';
import { CallError, call } from '../../api/use-call';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/Field';
import { currentLocale, money, quantity, useT } from '../../i18n';
import { useToasts } from '../../state/toasts';
import { buildUpdate, editFormOf, type PaymentDraft } from './edit-request';
import { formErrors } from './form-errors';
import { PaymentRows } from './PaymentRows';
import { readQuantity } from './quantities';

/** Edit a sale with a reason: customer name, line quantities, payments. */
export function EditDialog({
  sale,
  onClose,
  onDone,
}: {
  sale: Sale;
  onClose(): void;
  onDone(sale: Sale): void;
}) {
  const t = useT();
  const push = useToasts((s) => s.push);
  const [initial] = useState(() => editFormOf(sale));
  const [reason, setReason] = useState('');
  const [customerName, setCustomerName] = useState(initial.customerName);
  const [texts, setTexts] = useState<Record<number, string>>(() =>
    Object.fromEntries(sale.lines.map((l) => [l.id, quantity(l.quantity)])),
  );
  const [payments, setPayments] = useState<PaymentDraft[]>([...initial.payments]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  async function submit() {
    if (busy) return;
    const problems: Record<string, string> = {};
    const quantities: Record<number, number> = {};
    for (const line of sale.lines) {
      const parsed = readQuantity(texts[line.id] ?? '', currentLocale());
      if (parsed.ok) quantities[line.id] = parsed.thousandths;
      else problems[`line-${line.id}`] = t('sales.form.badQuantity', { example: parsed.example });
    }
    if (!reason.trim()) problems.reason = t('sales.form.reasonRequired');
    if (payments.some((p) => p.method !== 'CREDITO' && p.amount === null))
      problems.payments = t('sales.form.checkField');
    if (Object.keys(problems).length > 0) return setErrors(problems);
    const request = buildUpdate(sale, { reason, customerName, quantities, payments });
    if (typeof request === 'string') {
      return setErrors({ _form: t(`sales.edit.${request}`) });
    }
    setErrors({});
    setBusy(true);
    try {
      const updated = await call('sales.update', request);
      push('success', t('sales.edit.done', { number: updated.number }));
      onDone(updated);
    } catch (e) {
      if (!(e instanceof CallError)) throw e;
      setErrors(formErrors(e.info, ['reason', 'customerName']));
      setBusy(false);
    }
  }

  return (
    <Dialog
      title={t('sales.edit.title', { number: sale.number })}
      wide
      onClose={onClose}
      footer={
        <>
          <span className="muted footer-note">
            {t('sales.edit.totalNow', { total: money(sale.due, sale.currency) })}
          </span>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" form="sale-edit" variant="primary" disabled={busy}>
            {busy ? t('common.saving') : t('sales.edit.submit')}
          </Button>
        </>
      }
    >
      <form
        id="sale-edit"
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="grid-2">
          <TextField
            label={t('sales.edit.reason')}
            value={reason}
            maxLength={300}
            autoFocus
            onChange={(e) => setReason(e.target.value)}
            error={errors.reason}
          />
          <TextField
            label={t('sales.edit.customer')}
            value={customerName}
            maxLength={100}
            onChange={(e) => setCustomerName(e.target.value)}
            error={errors.customerName}
            hint={sale.customer.id !== null ? t('sales.edit.customerHint') : undefined}
          />
        </div>
        <fieldset className="edit-section">
          <legend>{t('sales.edit.lines')}</legend>
          <p className="muted cs-small">{t('sales.edit.linesHint')}</p>
          <div className="edit-lines">
            {sale.lines.map((line) => (
              <label key={line.id} className="edit-line">
                <span className="edit-line-name">
                  {line.name}
                  <small className="muted"> · {money(line.unitPrice, sale.currency)}</small>
                </span>
                <input
                  className="input num"
                  inputMode="decimal"
                  autoComplete="off"
                  value={texts[line.id] ?? ''}
                  aria-invalid={errors[`line-${line.id}`] ? true : undefined}
                  onChange={(e) => setTexts((s) => ({ ...s, [line.id]: e.target.value }))}
                />
                {errors[`line-${line.id}`] && (
                  <small className="field-error">{errors[`line-${line.id}`]}</small>
                )}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="edit-section">
          <legend>{t('sales.edit.payments')}</legend>
          <PaymentRows payments={payments} currency={sale.currency} onChange={setPayments} />
          {errors.payments && <small className="field-error">{errors.payments}</small>}
        </fieldset>
        {errors._form && (
          <p className="field-error" role="alert">
            {errors._form}
          </p>
        )}
      </form>
    </Dialog>
  );
}
