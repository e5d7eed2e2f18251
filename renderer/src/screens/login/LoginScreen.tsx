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
import { useCart } from '../../till/cart-store';
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
  const expiredFor = useSession((s) => s.expiredFor);
  const cartKept = useCart((s) => s.lines.length > 0);
  const business = useSession((s) => s.status?.businessName);
  const [names, setNames] = useState<Name[]>([]);
  const [user, setUser] = useState<string | null>(lockedBy ?? expiredFor);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** Set when the store requires longer PINs than the one just typed (which was right). */
  const [mustChange, setMustChange] = useState<{ minLength: number } | null>(null);
  const [newPin, setNewPin] = useState('');
  const [newPin2, setNewPin2] = useState('');
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
    if (mustChange) return changePin();
    setBusy(true);
    const failure: ErrorInfo | null = await login(user, pin);
    setBusy(false);
    if (failure) {
      const details = (failure.details ?? {}) as { reason?: string; minLength?: number };
      if (details.reason === 'PIN_CHANGE_REQUIRED') {
        setMustChange({ minLength: details.minLength ?? 6 });
      } else {
        setPin('');
      }
      setError(errorMessage(failure));
    }
  }

  async function changePin() {
    if (!user || !mustChange) return;
    if (newPin !== newPin2) return setError(t('login.pinMismatch'));
    setBusy(true);
    const changed = await api.call('auth.changePin', { name: user, pin, newPin });
    const failure = changed.ok ? await login(user, newPin) : changed.error;
    setBusy(false);
    if (failure) setError(errorMessage(failure));
  }

  function pickUser(name: string) {
    setUser(name);
    setError(null);
    setMustChange(null);
    setNewPin('');
    setNewPin2('');
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
        {expiredFor && (
          <p className="notice" role="status">
            {t('login.expired')}
            {cartKept && ` ${t('login.cartKept')}`}
          </p>
        )}
        <div className="login-body">
          <div className="login-users" role="radiogroup" aria-label={t('login.pickUser')}>
            {names.map((n) => (
              <button
                key={n.id}
                type="button"
                role="radio"
                aria-checked={user === n.name}
                className={`btn user-btn ${user === n.name ? 'selected' : ''}`}
                onClick={() => pickUser(n.name)}
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
            {mustChange ? (
              <>
                <NewPinField
                  label={t('login.newPin', mustChange)}
                  value={newPin}
                  length={mustChange.minLength}
                  onChange={setNewPin}
                  autoFocus
                />
                <NewPinField
                  label={t('login.newPin2')}
                  value={newPin2}
                  length={mustChange.minLength}
                  onChange={setNewPin2}
                />
              </>
            ) : (
              <PinPad value={pin} onChange={setPin} onEnter={() => void submit()} />
            )}
            {error && (
              <p className="field-error" role="alert">
                {error}
              </p>
            )}
            <Button
              type="submit"
              variant="primary"
              size="large"
              disabled={
                !user ||
                pin.length < 4 ||
                busy ||
                (mustChange !== null && newPin.length < mustChange.minLength)
              }
            >
              {mustChange ? t('login.changeAndEnter') : t('login.enter')}
            </Button>
          </form>
        </div>
      </div>
    </div>
  );
}

function NewPinField(props: {
  label: string;
  value: string;
  length: number;
  onChange(value: string): void;
  autoFocus?: boolean;
}) {
  return (
    <label className="field">
      <span>{props.label}</span>
      <input
        className="input pin-input"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        autoFocus={props.autoFocus}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value.replace(/\D/g, '').slice(0, props.length))}
      />
    </label>
  );
}
