import { useEffect, useState } from 'react';
import type { ProductHit, Sale } from '../../../../core/api/model';
import { CallError, call } from '../../api/use-call';
import { Button } from '../../components/Button';
import { FormDialog } from '../../components/FormDialog';
import { TextField } from '../../components/Field';
import { currentLocale, money, quantity, useT } from '../../i18n';
import { hasRole, useSession } from '../../state/session';
import { useToasts } from '../../state/toasts';
import { SearchDialog } from '../till/SearchDialog';
import type { ErrorInfo } from '../../../../core/errors';
import { AuthorizeDialog, asksForSupervisor } from './AuthorizeDialog';
import {
  buildUpdate,
  editFormOf,
  type AddedLine,
  type PaymentDraft,
  type SaleUpdate,
} from './edit-request';
import type { Authorization } from './SupervisorFields';
import { formErrors } from './form-errors';
import { PaymentRows } from './PaymentRows';
import { readQuantity } from './quantities';

/** A product added in this dialog, with its quantity as typed. */
interface AddedDraft {
  readonly product: ProductHit;
  readonly text: string;
}

/** Edit a sale with a reason: customer name, line quantities, added products, payments. */
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
  const [added, setAdded] = useState<AddedDraft[]>([]);
  const [searching, setSearching] = useState(false);
  // The product just picked, so its quantity takes the focus (an object: picking
  // the same one again must focus it again).
  const [picked, setPicked] = useState<{ id: number } | null>(null);
  useEffect(() => {
    // Runs after the search dialog has handed the focus back to the button.
    const field = picked && document.getElementById(`added-quantity-${picked.id}`);
    if (field instanceof HTMLInputElement) {
      field.focus();
      field.select();
    }
  }, [picked]);
  const [payments, setPayments] = useState<PaymentDraft[]>([...initial.payments]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  // The till refuses to change the products of a sale with returns (a credit
  // note already counts them): offer only what it will take.
  const linesLocked = sale.returns.length > 0;
  // An issued boleta or factura keeps its customer and payments for a cashier
  // (the till refuses them too): the fix is a credit note with a supervisor.
  const actor = useSession((s) => s.actor);
  const issuedLocked =
    (sale.documentType === 'BOLETA' || sale.documentType === 'FACTURA') &&
    !hasRole(actor, 'supervisor');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<{ error: ErrorInfo; request: SaleUpdate } | null>(null);

  async function submit() {
    if (busy) return;
    const problems: Record<string, string> = {};
    const quantities: Record<number, number> = {};
    for (const line of sale.lines) {
      const parsed = readQuantity(texts[line.id] ?? '', currentLocale());
      if (parsed.ok) quantities[line.id] = parsed.thousandths;
      else problems[`line-${line.id}`] = parsed.hint;
    }
    const addedLines: AddedLine[] = [];
    for (const { product, text } of added) {
      const parsed = readQuantity(text, currentLocale());
      if (parsed.ok) addedLines.push({ productId: product.id, thousandths: parsed.thousandths });
      else problems[`added-${product.id}`] = parsed.hint;
    }
    if (!reason.trim()) problems.reason = t('sales.form.reasonRequired');
    if (payments.some((p) => p.method !== 'CREDITO' && p.amount === null))
      problems.payments = t('sales.form.checkField');
    if (Object.keys(problems).length > 0) return setErrors(problems);
    const request = buildUpdate(sale, {
      reason,
      customerName,
      quantities,
      added: addedLines,
      payments,
    });
    if (typeof request === 'string') {
      return setErrors({ _form: t(`sales.edit.${request}`) });
    }
    setErrors({});
    setBusy(true);
    await send(request);
  }

  /**
   * Sends the edit; what a cashier may not do alone (lower the total, edit
   * someone else's sale) asks for a supervisor and is sent again with them.
   * Returns the error it ended on, for the supervisor's dialog.
   */
  async function send(request: SaleUpdate, authorizedBy?: Authorization) {
    try {
      const updated = await call('sales.update', {
        ...request,
        ...(authorizedBy && { authorizedBy }),
      });
      push('success', t('sales.edit.done', { number: updated.number }));
      onDone(updated);
      return null;
    } catch (e) {
      if (!(e instanceof CallError)) throw e;
      if (!authorizedBy && asksForSupervisor(e.info)) setRefusal({ error: e.info, request });
      else if (!authorizedBy) setErrors(formErrors(e.info, ['reason', 'customerName']));
      setBusy(false);
      return e.info;
    }
  }

  /** A product picked again adds one more of it rather than a second row. */
  function addProduct(product: ProductHit) {
    setSearching(false);
    setPicked({ id: product.id });
    setAdded((rows) => {
      const i = rows.findIndex((row) => row.product.id === product.id);
      if (i < 0) return [...rows, { product, text: quantity(1) }];
      const parsed = readQuantity(rows[i]!.text, currentLocale());
      const next = parsed.ok ? quantity((parsed.thousandths + 1000) / 1000) : rows[i]!.text;
      return rows.map((row, k) => (k === i ? { ...row, text: next } : row));
    });
  }

  return (
    <>
      <FormDialog
        title={t('sales.edit.title', { number: sale.number })}
        wide
        onClose={onClose}
        onSubmit={() => void submit()}
        submitLabel={t('sales.edit.submit')}
        busy={busy}
        footerStart={
          <span className="muted footer-note">
            {t('sales.edit.totalNow', { total: money(sale.due, sale.currency) })}
          </span>
        }
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
            disabled={issuedLocked}
            hint={
              !issuedLocked && sale.customer.id !== null ? t('sales.edit.customerHint') : undefined
            }
          />
        </div>
        {issuedLocked && (
          <p className="edit-issued" role="note">
            {t('sales.edit.issuedLocked', {
              document: t(`common.documentTypes.${sale.documentType}`),
              number: sale.number,
            })}
          </p>
        )}
        <fieldset className="edit-section">
          <legend>{t('sales.edit.lines')}</legend>
          <p className="muted cs-small">
            {linesLocked ? t('sales.edit.linesLocked') : t('sales.edit.linesHint')}
          </p>
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
                  disabled={linesLocked}
                  aria-invalid={errors[`line-${line.id}`] ? true : undefined}
                  onChange={(e) => setTexts((s) => ({ ...s, [line.id]: e.target.value }))}
                />
                {errors[`line-${line.id}`] && (
                  <small className="field-error">{errors[`line-${line.id}`]}</small>
                )}
              </label>
            ))}
            {added.map(({ product, text }) => (
              <label key={`added-${product.id}`} className="edit-line">
                <span className="edit-line-name">
                  {product.name}
                  <small className="muted">
                    {' '}
                    · {money(product.price, sale.currency)} · {t('sales.edit.added')}
                  </small>
                </span>
                <input
                  id={`added-quantity-${product.id}`}
                  className="input num"
                  inputMode="decimal"
                  autoComplete="off"
                  value={text}
                  aria-invalid={errors[`added-${product.id}`] ? true : undefined}
                  onChange={(e) =>
                    setAdded((rows) =>
                      rows.map((row) =>
                        row.product.id === product.id ? { ...row, text: e.target.value } : row,
                      ),
                    )
                  }
                />
                {errors[`added-${product.id}`] && (
                  <small className="field-error">{errors[`added-${product.id}`]}</small>
                )}
              </label>
            ))}
          </div>
          {!linesLocked && (
            <Button onClick={() => setSearching(true)}>{t('sales.edit.addProduct')}</Button>
          )}
        </fieldset>
        <fieldset className="edit-section" disabled={issuedLocked}>
          <legend>{t('sales.edit.payments')}</legend>
          <PaymentRows payments={payments} currency={sale.currency} onChange={setPayments} />
          {errors.payments && <small className="field-error">{errors.payments}</small>}
        </fieldset>
        {errors._form && (
          <p className="field-error" role="alert">
            {errors._form}
          </p>
        )}
      </FormDialog>
      {searching && <SearchDialog onPick={addProduct} onClose={() => setSearching(false)} />}
      {refusal && (
        <AuthorizeDialog
          refusal={refusal.error}
          retry={(authorization) => send(refusal.request, authorization)}
          onClose={() => setRefusal(null)}
        />
      )}
    </>
  );
}
