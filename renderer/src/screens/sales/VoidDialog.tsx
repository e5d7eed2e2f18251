import { useState } from 'react';
import type { Sale } from '../../../../core/api/model';
import { CallError, call } from '../../api/use-call';
import { FormDialog } from '../../components/FormDialog';
import { TextField } from '../../components/Field';
import { useT } from '../../i18n';
import { hasRole, useSession } from '../../state/session';
import { useToasts } from '../../state/toasts';
import { formErrors } from './form-errors';
import {
  NO_AUTHORIZATION,
  SupervisorFields,
  authorizationComplete,
  type Authorization,
} from './SupervisorFields';
import type { Person } from './usePeople';

/** Void with a reason; a cashier needs a supervisor's name and PIN in the same step. */
export function VoidDialog({
  sale,
  people,
  onClose,
  onDone,
}: {
  sale: Sale;
  people: readonly Person[];
  onClose(): void;
  onDone(sale: Sale): void;
}) {
  const t = useT();
  const push = useToasts((s) => s.push);
  const needsSupervisor = useSession((s) => !hasRole(s.actor, 'supervisor'));
  const [reason, setReason] = useState('');
  const [authorization, setAuthorization] = useState<Authorization>(NO_AUTHORIZATION);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  async function submit() {
    if (busy) return;
    const problems: Record<string, string> = {};
    if (!reason.trim()) problems.reason = t('sales.form.reasonRequired');
    if (needsSupervisor && !authorizationComplete(authorization))
      problems.authorizedBy = t('sales.supervisor.required');
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    try {
      const voided = await call('sales.void', {
        id: sale.id,
        reason: reason.trim(),
        ...(needsSupervisor ? { authorizedBy: authorization } : {}),
      });
      push('success', t('sales.void.done', { number: voided.number }));
      onDone(voided);
    } catch (e) {
      if (!(e instanceof CallError)) throw e;
      setErrors(formErrors(e.info, ['reason']));
      setAuthorization((a) => ({ ...a, pin: '' }));
      setBusy(false);
    }
  }

  return (
    <FormDialog
      title={t('sales.void.title', { number: sale.number })}
      onClose={onClose}
      onSubmit={() => void submit()}
      submitLabel={t('sales.void.submit')}
      busyLabel={t('sales.void.busy')}
      busy={busy}
      danger
    >
      <p className="muted">{t('sales.void.explain')}</p>
      <TextField
        label={t('sales.void.reason')}
        value={reason}
        maxLength={300}
        autoFocus
        onChange={(e) => setReason(e.target.value)}
        error={errors.reason}
      />
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
