import { useId, useState } from 'react';
import { useI18n, useT } from '../../i18n';
import { dayOrderOf, formatDayText, parseDayText } from './day-text';

/** A store day typed in the UI language's order; empty means no limit. */
export function DayField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange(day: string): void;
}) {
  const t = useT();
  const id = useId();
  const order = dayOrderOf(useI18n((s) => s.language));
  const [text, setText] = useState(() => formatDayText(value, order));
  const [invalid, setInvalid] = useState(false);

  // Follow outside changes (the "Today" and "Clear" buttons, a language switch).
  const [seen, setSeen] = useState({ value, order });
  if (seen.value !== value || seen.order !== order) {
    setSeen({ value, order });
    if (parseDayText(text, order) !== value || seen.order !== order) {
      setText(formatDayText(value, order));
      setInvalid(false);
    }
  }

  function change(next: string) {
    setText(next);
    const day = parseDayText(next, order);
    if (day !== null) {
      setInvalid(false);
      if (day !== value) onChange(day);
    }
  }

  const example = formatDayText('2026-11-20', order);
  return (
    <label className="field" htmlFor={id}>
      <span>{label}</span>
      <input
        id={id}
        className="input num"
        inputMode="numeric"
        autoComplete="off"
        placeholder={t(`sales.filters.${order}`)}
        value={text}
        aria-invalid={invalid ? true : undefined}
        onChange={(e) => change(e.target.value)}
        onBlur={() => setInvalid(parseDayText(text, order) === null)}
      />
      {invalid && <small className="field-error">{t('sales.filters.badDay', { example })}</small>}
    </label>
  );
}
