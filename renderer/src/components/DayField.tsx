import { useId, useState, type KeyboardEvent } from 'react';
import { addDays } from '../../../core/time';
import { useI18n, useT } from '../i18n';
import { dayOrderOf, formatDayText, parseDayText } from './day-text';

/**
 * A store day (YYYY-MM-DD inside) typed the way the UI language writes it:
 * dd/mm/aaaa in Spanish, mm/dd/yyyy in English, whatever the browser's own
 * language. The browser's date control follows the machine instead, so the app
 * uses this one. Keyboard-first: type the digits (slashes optional), ↑/↓ move
 * a day. Text that is not a calendar day is refused in words when the field is
 * left or Enter is pressed, and the value stays the last valid day.
 */
export function DayField({
  label,
  value,
  onChange,
  inline = false,
  invalid: outsideInvalid = false,
}: {
  readonly label: string;
  /** YYYY-MM-DD, or '' for none. */
  readonly value: string;
  onChange(day: string): void;
  /** A label beside the box instead of above it (the reports' range). */
  readonly inline?: boolean;
  /** Set by the parent when the day is valid but does not fit (a range backwards). */
  readonly invalid?: boolean;
}) {
  const t = useT();
  const id = useId();
  const order = dayOrderOf(useI18n((s) => s.language));
  const [text, setText] = useState(() => formatDayText(value, order));
  const [refused, setRefused] = useState(false);

  // Follow outside changes (the "Today" and "Clear" buttons, a language switch).
  const [seen, setSeen] = useState({ value, order });
  if (seen.value !== value || seen.order !== order) {
    setSeen({ value, order });
    if (parseDayText(text, order) !== value || seen.order !== order) {
      setText(formatDayText(value, order));
      setRefused(false);
    }
  }

  function change(next: string) {
    setText(next);
    const day = parseDayText(next, order);
    if (day !== null) {
      setRefused(false);
      if (day !== value) onChange(day);
    }
  }

  function check() {
    const day = parseDayText(text, order);
    setRefused(day === null);
    // A complete day is shown back in full: 5/1/26 becomes 05/01/2026.
    if (day) setText(formatDayText(day, order));
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') return check();
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
    const day = parseDayText(text, order);
    if (!day) return;
    event.preventDefault();
    const next = addDays(day, event.key === 'ArrowUp' ? 1 : -1);
    setText(formatDayText(next, order));
    setRefused(false);
    onChange(next);
  }

  const example = formatDayText('2026-11-20', order);
  const errorId = `${id}-error`;
  return (
    <label className={inline ? 'inline-field' : 'field'} htmlFor={id}>
      <span>{label}</span>
      <input
        id={id}
        className="input day-input"
        inputMode="numeric"
        autoComplete="off"
        placeholder={t(`common.dayField.${order}`)}
        title={t('common.dayField.keys')}
        value={text}
        aria-invalid={refused || outsideInvalid ? true : undefined}
        aria-describedby={refused ? errorId : undefined}
        onChange={(e) => change(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={check}
      />
      {refused && (
        <small id={errorId} className="field-error" role="alert">
          {t('common.dayField.bad', { example })}
        </small>
      )}
    </label>
  );
}
