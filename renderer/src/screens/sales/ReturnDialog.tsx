import { useState } from 'react';
import {
  PAYMENT_METHODS,
  type PaymentMethod,
  type Sale,
  type SaleReturn,
} from '../../../../core/api/model';
import { CallError, call } from '../../api/use-call';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { FormDialog } from '../../components/FormDialog';
import { SelectField, TextField } from '../../components/Field';
import { currentLocale, lineQuantity, money, useT } from '../../i18n';
import { usePaymentLabel } from '../../i18n/payment-names';
import { hasRole, useSession } from '../../state/session';
import { formErrors } from './form-errors';
import { readQuantity } from './quantities';
import { ReturnLinesTable } from './ReturnLinesTable';
import { pickProblem, returnable, returnLines } from './return-lines';
import {
  NO_AUTHORIZATION,
  SupervisorFields,
  authorizationComplete,
  type Authorization,
} from './SupervisorFields';
import type { Person } from './usePeople';
import { uuid } from '../../api/uuid';

const REFUND_METHODS = PAYMENT_METHODS.filter((m) => m !== 'CREDITO');

/** A credit note for some or all lines: quantities, refund method, reason, and a supervisor if needed. */
export function ReturnDialog({
  sale,
  people,
  onClose,
  onDone,
}: {
  sale: Sale;
  people: readonly Person[];
  onClose(): void;
  onDone(): void;
}) {
  const t = useT();
  const methodName = usePaymentLabel();
  const needsSupervisor = useSession((s) => !hasRole(s.actor, 'supervisor'));
  const [texts, setTexts] = useState<Record<number, string>>({});
  const [method, setMethod] = useState<PaymentMethod>('EFECTIVO');
  const [reason, setReason] = useState('');
  const [authorization, setAuthorization] = useState<Authorization>(NO_AUTHORIZATION);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<SaleReturn | null>(null);
  // One id for this return, so a retry never makes a second credit note.
  const [id] = useState(() => uuid());

  function check(): Record<number, number> | null {
    const problems: Record<string, string> = {};
    const picks: Record<number, number> = {};
    for (const line of sale.lines) {
      const parsed = readQuantity(texts[line.id] ?? '', currentLocale());
      if (!parsed.ok) {
        problems[`line-${line.id}`] = parsed.hint;
        continue;
      }
      const problem = pickProblem(line, parsed.thousandths);
      if (problem === 'tooMany') {
        problems[`line-${line.id}`] = t('sales.return.tooMany', {
          max: lineQuantity(returnable(line), line.soldBy),
        });
      } else if (problem === 'wholeUnits') {
        problems[`line-${line.id}`] = t('sales.form.wholeUnits');
      } else if (parsed.thousandths > 0) {
        picks[line.id] = parsed.thousandths;
      }
    }
    if (Object.keys(problems).length === 0 && Object.keys(picks).length === 0)
      problems._form = t('sales.return.nothingPicked');
    if (!reason.trim()) problems.reason = t('sales.form.reasonRequired');
    if (needsSupervisor && !authorizationComplete(authorization))
      problems.authorizedBy = t('sales.supervisor.required');
    setErrors(problems);
    return Object.keys(problems).length === 0 ? picks : null;
  }

  async function submit() {
    if (busy || done) return;
    const picks = check();
    if (!picks) return;
    setBusy(true);
    try {
      const result = await call('sales.return', {
        id,
        saleId: sale.id,
        reason: reason.trim(),
        refundMethod: method,
        lines: returnLines(picks),
        ...(needsSupervisor ? { authorizedBy: authorization } : {}),
      });
      setDone(result);
      onDone();
    } catch (e) {
      if (!(e instanceof CallError)) throw e;
      setErrors(formErrors(e.info, ['reason', 'refundMethod']));
      setAuthorization((a) => ({ ...a, pin: '' }));
    } finally {
      setBusy(false);
    }
  }

  if (done) {
    return (
      // A new dialog (key), so focus lands on its Close button and Escape works.
      <Dialog
        key="done"
        title={t('sales.return.doneTitle')}
        onClose={onClose}
        footer={
          <Button variant="primary" onClick={onClose} autoFocus>
            {t('common.close')}
          </Button>
        }
      >
        <div className="return-done stack" role="status">
          <p>
            {t('sales.return.done', {
              number: done.number,
              total: money(done.total, sale.currency),
            })}
          </p>
          {done.refunded > 0 && (
            <p className="return-refund">
              {t('sales.return.refund', {
                amount: money(done.refunded, sale.currency),
                method: methodName(done.refundMethod),
              })}
            </p>
          )}
          {done.balanceReduced > 0 && (
            <p>
              {t('sales.return.balance', { amount: money(done.balanceReduced, sale.currency) })}
            </p>
          )}
        </div>
      </Dialog>
    );
  }

  return (
    <FormDialog
      title={t('sales.return.title', { number: sale.number })}
      wide
      onClose={onClose}
      onSubmit={() => void submit()}
      submitLabel={t('sales.return.submit')}
      busyLabel={t('sales.return.busy')}
      busy={busy}
    >
      <ReturnLinesTable
        sale={sale}
        texts={texts}
        errors={errors}
        onChange={(lineId, text) => {
          setTexts((s) => ({ ...s, [lineId]: text }));
          setErrors(({ [`line-${lineId}`]: _fixed, ...rest }) => rest);
        }}
      />
      <div className="grid-2">
        <SelectField
          label={t('sales.return.refundMethod')}
          value={method}
          onChange={(e) => setMethod(e.target.value as PaymentMethod)}
          error={errors.refundMethod}
        >
          {REFUND_METHODS.map((m) => (
            <option key={m} value={m}>
              {methodName(m)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('sales.return.reason')}
          value={reason}
          maxLength={300}
          onChange={(e) => setReason(e.target.value)}
          error={errors.reason}
        />
      </div>
      {needsSupervisor && (
        <SupervisorFields
          people={people}
          value={authorization}
          onChange={setAuthorization}
          onEnter={() => void submit()}
          error={errors.authorizedBy}
        />
      )}
      {errors._form && (
        <p className="field-error" role="alert">
          {errors._form}
        </p>
      )}
    </FormDialog>
  );
}
