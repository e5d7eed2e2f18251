import { useState } from 'react';
import { CallError, call } from '../../api/use-call';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { MoneyInput } from '../../components/MoneyInput';
import { money, useT } from '../../i18n';
import { errorMessage } from '../../i18n/errors';
import { useToasts } from '../../state/toasts';
import { uuid } from '../../api/uuid';

/** No session open: take the float and open one. */
export function OpenSessionForm({ onOpened }: { onOpened(): void }) {
  const t = useT();
  const push = useToasts((s) => s.push);
  const [float, setFloat] = useState<number | null>(null);
  const [notes, setNotes] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // One id per attempt, so a retry after a lost answer opens one session, not two.
  const [id] = useState(() => uuid());

  async function submit() {
    if (busy) return;
    if (float === null) {
      setError(t('cash.open.floatRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const session = await call('cash.open', {
        id,
        float,
        ...(notes.trim() ? { notes: notes.trim() } : {}),
      });
      push('success', t('cash.open.done', { amount: money(session.openingFloat) }));
      onOpened();
    } catch (e) {
      if (!(e instanceof CallError)) throw e;
      setError(errorMessage(e.info));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="card stack open-session"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2>{t('cash.open.title')}</h2>
      <p className="muted">{t('cash.open.none')}</p>
      <MoneyInput
        label={t('cash.open.float')}
        value={float}
        onChange={setFloat}
        autoFocus
        large
        name="float"
        onEnter={() => void submit()}
      />
      <small className="muted">{t('cash.open.floatHint')}</small>
      <TextField
        label={t('cash.open.notes')}
        value={notes}
        maxLength={300}
        onChange={(e) => setNotes(e.target.value)}
      />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <Button type="submit" variant="primary" size="large" disabled={busy}>
        {busy ? t('cash.open.opening') : t('cash.open.submit')}
      </Button>
    </form>
  );
}
