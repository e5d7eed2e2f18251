import { useEffect, useRef, useState } from 'react';
import type { ErrorInfo } from '../../../../core/errors';
import { api } from '../../api/client';
import { Button } from '../../components/Button';
import { LanguageSelect } from '../../components/LanguageSelect';
import { PinPad } from '../../components/PinPad';
import { useT } from '../../i18n';
import { errorMessage } from '../../i18n/errors';
import type { MessageKey } from '../../i18n/messages';
import { useSession } from '../../state/session';
import './login.css';

interface Name {
  id: number;
  name: string;
  role: string;
}

/** Pick a user, type the PIN on the keypad or the keyboard. */
export function LoginScreen() {
  const t = useT();
  const login = useSession((s) => s.login);
  const lockedBy = useSession((s) => s.lockedBy);
  const business = useSession((s) => s.status?.businessName);
  const [names, setNames] = useState<Name[]>([]);
  const [user, setUser] = useState<string | null>(lockedBy);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const pinInput = useRef<HTMLInputElement>(null);

  // Picking a user (click, Space or Enter on the name) leads straight to the PIN.
  useEffect(() => {
    if (user) pinInput.current?.focus();
  }, [user]);

  useEffect(() => {
    void api.call('users.names', {}).then((result) => {
      if (result.ok) setNames(result.value);
    });
  }, []);

  async function submit() {
    if (!user || pin === '' || busy) return;
    setBusy(true);
    const failure: ErrorInfo | null = await login(user, pin);
    setBusy(false);
    if (failure) {
      setPin('');
      setError(errorMessage(failure));
    }
  }

  return (
    <div className="centered">
      <div className="card login-card">
        <div className="login-head">
          <img src="./favicon.svg" alt="" width={48} height={48} />
          <div className="grow">
            <h1>{business ?? t('common.appName')}</h1>
            <p className="muted">
              {lockedBy ? t('login.locked', { name: lockedBy }) : t('login.whoAreYou')}
            </p>
          </div>
          <LanguageSelect className="input language-select" />
        </div>
        <div className="login-body">
          <div className="login-users" role="radiogroup" aria-label={t('login.pickUser')}>
            {names.map((n) => (
              <button
                key={n.id}
                type="button"
                role="radio"
                aria-checked={user === n.name}
                className={`btn user-btn ${user === n.name ? 'selected' : ''}`}
                onClick={() => {
                  setUser(n.name);
                  setError(null);
                }}
              >
                <strong>{n.name}</strong>
                <small>{t(`common.roles.${n.role}` as MessageKey)}</small>
              </button>
            ))}
          </div>
          <form
            className="login-pin stack"
            onSubmit={(e) => {
              e.preventDefault();
              void submit();
            }}
          >
            <label className="field">
              <span>{t('login.pin')}</span>
              <input
                ref={pinInput}
                className="input pin-input"
                type="password"
                inputMode="numeric"
                autoComplete="off"
                autoFocus
                value={pin}
                disabled={!user}
                onChange={(e) => setPin(e.target.value.replace(/\D/g, '').slice(0, 8))}
              />
            </label>
            <PinPad value={pin} onChange={setPin} onEnter={() => void submit()} />
            {error && (
              <p className="field-error" role="alert">
                {error}
              </p>
            )}
            <Button
              type="submit"
              variant="primary"
              size="large"
              disabled={!user || pin.length < 4 || busy}
            >
              {t('login.enter')}
            </Button>
          </form>
        </div>
      </div>
    </div>
  );
}
