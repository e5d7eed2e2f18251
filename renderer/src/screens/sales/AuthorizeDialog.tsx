import { useState } from 'react';
import type { ErrorInfo } from '../../../../core/errors';
import { FormDialog } from '../../components/FormDialog';
import { useT } from '../../i18n';
import { errorMessage } from '../../i18n/errors';
import {
  NO_AUTHORIZATION,
  SupervisorFields,
  authorizationComplete,
  type Authorization,
} from './SupervisorFields';
import { usePeople } from './usePeople';
import './sales.css';

/** What the API refuses a cashier until a supervisor types their PIN (each a details.reason). */
const SUPERVISOR_REASONS: ReadonlySet<string> = new Set([
  'PRICE_OVERRIDE',
  'DISCOUNT_OVER_LIMIT',
  'EDIT_LOWERS_TOTAL',
  'EDIT_LOWERS_CASH',
  'EDIT_OTHERS_SALE',
  'CLOSE_OTHERS_SESSION',
  'CASH_OUT_OVER_LIMIT',
  'VOID_NEEDS_SUPERVISOR',
  'RETURN_NEEDS_SUPERVISOR',
  'STOCK_BELOW_ZERO',
]);

/** Whether a refusal can be lifted on the spot by a supervisor's name and PIN. */
export function asksForSupervisor(error: ErrorInfo): boolean {
  const reason = (error.details as { reason?: unknown } | undefined)?.reason;
  return error.code === 'FORBIDDEN' && typeof reason === 'string' && SUPERVISOR_REASONS.has(reason);
}

/**
 * Asked when the API refused a cashier something a supervisor may allow: says
 * what was refused, takes a supervisor's name and PIN, and retries the same
 * call with them. `retry` resolves to null when it went through, or to the
 * new refusal (a wrong PIN), shown here with the PIN cleared.
 */
export function AuthorizeDialog({
  refusal,
  retry,
  onClose,
}: {
  refusal: ErrorInfo;
  retry(authorization: Authorization): Promise<ErrorInfo | null>;
  onClose(): void;
}) {
  const t = useT();
  const people = usePeople();
  const [authorization, setAuthorization] = useState<Authorization>(NO_AUTHORIZATION);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function submit() {
    if (busy) return;
    if (!authorizationComplete(authorization)) return setError(t('sales.supervisor.required'));
    setBusy(true);
    const refused = await retry(authorization);
    if (refused === null) return;
    setBusy(false);
    setError(errorMessage(refused));
    setAuthorization((a) => ({ ...a, pin: '' }));
  }

  return (
    <FormDialog
      title={t('sales.supervisor.dialogTitle')}
      onClose={onClose}
      onSubmit={() => void submit()}
      submitLabel={t('sales.supervisor.submit')}
      busyLabel={t('sales.supervisor.busy')}
      busy={busy}
    >
      <p role="alert" className="authorize-reason">
        {errorMessage(refusal)}
      </p>
      <SupervisorFields
        people={people}
        value={authorization}
        onChange={setAuthorization}
        onEnter={() => void submit()}
        error={error}
      />
    </FormDialog>
  );
}
