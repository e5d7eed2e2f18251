import { useState } from 'react';
import { CASH_IN_TYPES, CASH_OUT_TYPES, type CashMovementType } from '../../../../core/api/model';
import type { ErrorInfo } from '../../../../core/errors';
import { AuthorizeDialog, asksForSupervisor } from '../sales/AuthorizeDialog';
import { formErrors } from '../sales/form-errors';
import type { Authorization } from '../sales/SupervisorFields';
import { CallError, call } from '../../api/use-call';
import { SelectField, TextField } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { MoneyInput } from '../../components/MoneyInput';
import { money, useT } from '../../i18n';
import { useToasts } from '../../state/toasts';
import { uuid } from '../../api/uuid';

type Direction = 'IN' | 'OUT';

const TYPES: Readonly<Record<Direction, readonly CashMovementType[]>> = {
  IN: CASH_IN_TYPES,
  OUT: CASH_OUT_TYPES,
};

/** Cash in (delivery fee, service, labour…) or out (withdrawal, expense…) of the drawer. */
export function MovementDialog({ onClose, onSaved }: { onClose(): void; onSaved(): void }) {
  const t = useT();
  const push = useToasts((s) => s.push);
  const [direction, setDirection] = useState<Direction>('IN');
  const [type, setType] = useState<CashMovementType>('domicilio');
  const [amount, setAmount] = useState<number | null>(null);
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<{ error: ErrorInfo; amount: number } | null>(null);
  // The caller's id makes a retried movement count once.
  const [id] = useState(() => uuid());

  function pickDirection(next: Direction) {
    setDirection(next);
    if (!TYPES[next].includes(type)) setType(TYPES[next][0]!);
  }

  async function submit() {
    if (busy) return;
    if (amount === null || amount <= 0) {
      setErrors({ amount: t('cash.movement.amountRequired') });
      return;
    }
    setBusy(true);
    setErrors({});
    await send(amount);
  }

  /**
   * Sends the movement; a cashier's cash-out over the store's limit asks for
   * a supervisor and is sent again, same id, with them. Returns the error it
   * ended on, for the supervisor's dialog.
   */
  async function send(amount: number, authorizedBy?: Authorization) {
    try {
      const saved = await call('cash.movement', {
        id,
        direction,
        type,
        amount,
        description: description.trim(),
        ...(authorizedBy && { authorizedBy }),
      });
      push(
        'success',
        t('cash.movement.done', {
          amount: `${saved.direction === 'IN' ? '+' : '−'} ${money(saved.amount)}`,
        }),
      );
      onSaved();
      return null;
    } catch (e) {
      if (!(e instanceof CallError)) throw e;
      if (!authorizedBy && asksForSupervisor(e.info)) setRefusal({ error: e.info, amount });
      else if (!authorizedBy) setErrors(formErrors(e.info, ['type', 'amount', 'description']));
      setBusy(false);
      return e.info;
    }
  }

  return (
    <>
      <FormDialog
        title={t('cash.movement.title')}
        onClose={onClose}
        onSubmit={() => void submit()}
        submitLabel={t('cash.movement.submit')}
        busy={busy}
      >
        <div className="cs-segmented" role="radiogroup" aria-label={t('cash.movement.direction')}>
          {(['IN', 'OUT'] as const).map((d) => (
            <button
              key={d}
              type="button"
              role="radio"
              aria-checked={direction === d}
              className={`btn ${direction === d ? `selected selected-${d}` : ''}`}
              onClick={() => pickDirection(d)}
            >
              <span aria-hidden>{d === 'IN' ? '+' : '−'}</span> {t(`cash.movement.${d}`)}
            </button>
          ))}
        </div>
        <SelectField
          label={t('cash.movement.type')}
          value={type}
          onChange={(e) => setType(e.target.value as CashMovementType)}
          error={errors.type}
        >
          {TYPES[direction].map((option) => (
            <option key={option} value={option}>
              {t(`common.movementTypes.${option}`)}
            </option>
          ))}
        </SelectField>
        <MoneyInput
          label={t('cash.movement.amount')}
          value={amount}
          onChange={setAmount}
          autoFocus
          large
          name="amount"
        />
        {errors.amount && <small className="field-error">{errors.amount}</small>}
        <TextField
          label={t('cash.movement.description')}
          hint={t('cash.movement.descriptionHint')}
          value={description}
          maxLength={200}
          onChange={(e) => setDescription(e.target.value)}
          error={errors.description}
        />
        {errors._form && (
          <p className="field-error" role="alert">
            {errors._form}
          </p>
        )}
      </FormDialog>
      {refusal && (
        <AuthorizeDialog
          refusal={refusal.error}
          retry={(authorization) => send(refusal.amount, authorization)}
          onClose={() => setRefusal(null)}
        />
      )}
    </>
  );
}
