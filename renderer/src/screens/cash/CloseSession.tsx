import { useEffect, useRef, useState } from 'react';
import type { CashReport } from '../../../../core/api/model';
import { CallError, call, callOrToast } from '../../api/use-call';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { useT } from '../../i18n';
import { errorMessage } from '../../i18n/errors';
import type { ErrorInfo } from '../../../../core/errors';
import { AuthorizeDialog, asksForSupervisor } from '../sales/AuthorizeDialog';
import type { Authorization } from '../sales/SupervisorFields';
import { CountSummary } from './CountSummary';
import { CountTable } from './CountTable';
import { useCashCount } from './useCashCount';

/** Count the drawer piece by piece against the expected cash, then close with a Z report. */
export function CloseSession({
  currency,
  onBack,
  onClosed,
}: {
  currency: string;
  onBack(): void;
  onClosed(z: CashReport): void;
}) {
  const t = useT();
  const [expected, setExpected] = useState<number | null>(null);
  const drawer = useCashCount(currency, expected);
  const [notes, setNotes] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<ErrorInfo | null>(null);
  const submitRef = useRef<HTMLButtonElement>(null);

  // The expected cash as of now: sales may have happened since the screen loaded.
  useEffect(() => {
    void callOrToast('cash.report', {}).then((x) => {
      if (x) setExpected(x.cash.expected);
    });
  }, []);

  async function submit() {
    if (busy) return;
    setBusy(true);
    setError(null);
    await send();
  }

  /**
   * Closes; a cashier closing a shift someone else opened asks for a
   * supervisor and closes again with them. Returns the error it ended on.
   */
  async function send(authorizedBy?: Authorization) {
    try {
      const z = await call('cash.close', {
        ...drawer.request(),
        ...(notes.trim() ? { notes: notes.trim() } : {}),
        ...(authorizedBy && { authorizedBy }),
      });
      onClosed(z);
      return null;
    } catch (e) {
      if (!(e instanceof CallError)) throw e;
      if (!authorizedBy && asksForSupervisor(e.info)) setRefusal(e.info);
      else if (!authorizedBy) setError(errorMessage(e.info));
      setBusy(false);
      return e.info;
    }
  }

  return (
    <div className="close-session">
      <div className="screen-title">
        <h1>{t('cash.close.title')}</h1>
        <div className="spacer" />
        <Button onClick={onBack}>← {t('cash.close.back')}</Button>
      </div>
      <div className="close-layout">
        <section className="card stack">
          <p className="muted">{t('cash.close.intro')}</p>
          <CountTable
            count={drawer.count}
            currency={currency}
            onChange={drawer.set}
            onDone={() => submitRef.current?.focus()}
          />
        </section>
        <form
          className="card stack close-side"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <CountSummary
            expected={expected}
            counted={drawer.counted}
            difference={drawer.difference}
            tone={drawer.tone}
            currency={currency}
          />
          <TextField
            label={t('cash.close.notes')}
            value={notes}
            maxLength={300}
            onChange={(e) => setNotes(e.target.value)}
          />
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
          {/* A plain button: the count's last Enter lands here, ready to confirm. */}
          <button
            ref={submitRef}
            type="submit"
            className="btn btn-danger btn-large"
            disabled={busy || expected === null}
          >
            {busy ? t('cash.close.closing') : t('cash.close.submit')}
          </button>
          <Button variant="ghost" onClick={drawer.clear} disabled={busy}>
            {t('cash.close.clear')}
          </Button>
        </form>
      </div>
      {refusal && (
        <AuthorizeDialog
          refusal={refusal}
          retry={(authorization) => send(authorization)}
          onClose={() => setRefusal(null)}
        />
      )}
    </div>
  );
}
