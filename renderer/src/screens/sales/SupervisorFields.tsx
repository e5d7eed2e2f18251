import { PinPad } from '../../components/PinPad';
import { SelectField } from '../../components/Field';
import { useT } from '../../i18n';
import { authorizers, type Person } from './usePeople';

export interface Authorization {
  readonly name: string;
  readonly pin: string;
}

export const NO_AUTHORIZATION: Authorization = { name: '', pin: '' };

export function authorizationComplete(value: Authorization): boolean {
  return value.name !== '' && /^\d{4,8}$/.test(value.pin);
}

/** A supervisor's name and PIN, typed at the till when a cashier voids or returns. */
export function SupervisorFields({
  people,
  value,
  onChange,
  onEnter,
  error,
}: {
  people: readonly Person[];
  value: Authorization;
  onChange(value: Authorization): void;
  onEnter(): void;
  error?: string | undefined;
}) {
  const t = useT();
  return (
    <fieldset className="cs-supervisor">
      <legend>{t('sales.supervisor.title')}</legend>
      <div className="cs-supervisor-fields stack">
        <SelectField
          label={t('sales.supervisor.name')}
          value={value.name}
          onChange={(e) => onChange({ ...value, name: e.target.value })}
          aria-invalid={error && !value.name ? true : undefined}
        >
          <option value="">{t('sales.supervisor.pick')}</option>
          {authorizers(people).map((person) => (
            <option key={person.id} value={person.name}>
              {person.name}
            </option>
          ))}
        </SelectField>
        <label className="field">
          <span>{t('sales.supervisor.pin')}</span>
          <input
            className="input cs-supervisor-pin"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            name="supervisor-pin"
            value={value.pin}
            aria-invalid={error && value.name ? true : undefined}
            onChange={(e) =>
              onChange({ ...value, pin: e.target.value.replace(/\D/g, '').slice(0, 8) })
            }
            onKeyDown={(e) => {
              // Enter confirms, as the keypad's ✓ does.
              if (e.key !== 'Enter') return;
              e.preventDefault();
              onEnter();
            }}
          />
        </label>
        {error && <small className="field-error">{error}</small>}
      </div>
      <PinPad value={value.pin} onChange={(pin) => onChange({ ...value, pin })} onEnter={onEnter} />
    </fieldset>
  );
}
