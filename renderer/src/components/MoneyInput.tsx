import { useId, useState } from 'react';
import { currency as currencyOf } from '../../../core/money/currency';
import { minorToDecimalString } from '../../../core/money/format';
import { separatorsOf } from '../../../core/money/locale';
import { parseAmount } from '../../../core/money/parse';
import { currentLocale, useI18n } from '../i18n';
import { typedNumberHint } from '../i18n/typed-number';

export interface MoneyInputProps {
  readonly label: string;
  /** Minor units, or null while empty or invalid. */
  readonly value: number | null;
  onChange(value: number | null): void;
  readonly currency?: string;
  readonly autoFocus?: boolean;
  readonly large?: boolean;
  readonly name?: string;
  readonly disabled?: boolean;
  onEnter?(): void;
}

function display(value: number | null, currency: string): string {
  if (value === null) return '';
  const digits = currencyOf(currency).minorDigits;
  return minorToDecimalString(value, digits).replace('.', separatorsOf(currentLocale()).decimal);
}

/**
 * An amount typed as people write it ("1.234,50" or "1,234.50", "12,30" or
 * "12.30"), read by core's typed-number rules into minor units; an ambiguous
 * or bad entry says why and how to write it, in words.
 */
export function MoneyInput({
  label,
  value,
  onChange,
  currency,
  autoFocus,
  large,
  name,
  disabled,
  onEnter,
}: MoneyInputProps) {
  const storeCurrency = useI18n((s) => s.currency);
  const code = currency ?? storeCurrency;
  const [text, setText] = useState(() => display(value, code));
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  // Follow outside changes (a "pay exact" button) without fighting the typist:
  // React's pattern for adjusting state when a prop changes, during render.
  const [seen, setSeen] = useState({ value, code });
  if (seen.value !== value || seen.code !== code) {
    setSeen({ value, code });
    let typedSame = false;
    try {
      typedSame = text !== '' && parseAmount(text, code, currentLocale()) === value;
    } catch {
      typedSame = value === null;
    }
    if (!typedSame) setText(display(value, code));
  }

  function change(next: string) {
    setText(next);
    if (next.trim() === '') {
      setError(null);
      onChange(null);
      return;
    }
    try {
      onChange(parseAmount(next, code, currentLocale()));
      setError(null);
    } catch (e) {
      setError(typedNumberHint(e));
      onChange(null);
    }
  }

  return (
    <label className="field" htmlFor={id}>
      <span>{label}</span>
      <input
        id={id}
        name={name}
        className="input num"
        style={large ? { fontSize: '1.6rem', minHeight: 56 } : undefined}
        inputMode="decimal"
        autoComplete="off"
        autoFocus={autoFocus}
        disabled={disabled}
        value={text}
        aria-invalid={error ? true : undefined}
        onChange={(e) => change(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && onEnter) {
            e.preventDefault();
            onEnter();
          }
        }}
      />
      {error && <small className="field-error">{error}</small>}
    </label>
  );
}
