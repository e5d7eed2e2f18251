import { useState } from 'react';
import { parseTypedRate } from '../../../../core/money/exchange';
import { separatorsOf } from '../../../../core/money/locale';
import { TextField } from '../../components/Field';
import { currentLocale, useT } from '../../i18n';
import { readTyped } from '../../i18n/typed-number';

/**
 * The exchange rate as the store types it, either decimal mark ("36,50" or
 * "36.50"), read by core's typed-number rules into the exact text the API
 * takes. Until what is typed reads as a rate, the field says why and the
 * section may not be saved (onValidity).
 */
export function ExchangeRateField({
  label,
  value,
  error,
  onChange,
  onValidity,
}: {
  readonly label: string;
  readonly value: string | null;
  readonly error?: string | undefined;
  onChange(value: string | null): void;
  onValidity(valid: boolean): void;
}) {
  const t = useT();
  const [text, setText] = useState(() =>
    value === null ? '' : value.replace('.', separatorsOf(currentLocale()).decimal),
  );
  const [hint, setHint] = useState<string | null>(null);

  function type(next: string) {
    setText(next);
    if (next.trim() === '') {
      setHint(null);
      onValidity(true);
      return onChange(null);
    }
    const read = readTyped(() => parseTypedRate(next, currentLocale()));
    setHint(read.ok ? null : read.hint);
    onValidity(read.ok);
    if (read.ok) onChange(read.value);
  }

  return (
    <TextField
      label={label}
      value={text}
      inputMode="decimal"
      name="exchangeRate"
      error={hint ?? error}
      hint={t('settings.taxes.exchangeRateHint')}
      onChange={(e) => type(e.target.value)}
    />
  );
}
