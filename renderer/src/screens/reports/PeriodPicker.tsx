import { useId } from 'react';
import { useT } from '../../i18n';
import { PRESETS, type Preset } from './period';

export interface PeriodChoice {
  readonly preset: Preset;
  readonly from: string;
  readonly to: string;
}

/** Today, yesterday, this week, this month, or two dates of one's own. */
export function PeriodPicker({
  value,
  onChange,
  invalid,
}: {
  readonly value: PeriodChoice;
  onChange(next: PeriodChoice): void;
  /** Set when the custom dates do not make a range. */
  readonly invalid?: boolean;
}) {
  const t = useT();
  const id = useId();
  return (
    <div className="period-picker row">
      <div className="tabs" role="radiogroup" aria-label={t('reports.period.label')}>
        {PRESETS.map((preset) => (
          <button
            key={preset}
            type="button"
            role="radio"
            className="tab"
            aria-checked={value.preset === preset}
            onClick={() => onChange({ ...value, preset })}
          >
            {t(`reports.period.${preset}`)}
          </button>
        ))}
      </div>
      {value.preset === 'custom' && (
        <div className="row custom-range">
          <label className="inline-field" htmlFor={`${id}-from`}>
            <span>{t('common.from')}</span>
            <input
              id={`${id}-from`}
              type="date"
              className="input"
              value={value.from}
              max={value.to || undefined}
              aria-invalid={invalid ? true : undefined}
              onChange={(e) => onChange({ ...value, from: e.target.value })}
            />
          </label>
          <label className="inline-field" htmlFor={`${id}-to`}>
            <span>{t('common.to')}</span>
            <input
              id={`${id}-to`}
              type="date"
              className="input"
              value={value.to}
              min={value.from || undefined}
              aria-invalid={invalid ? true : undefined}
              onChange={(e) => onChange({ ...value, to: e.target.value })}
            />
          </label>
          {invalid && <small className="field-error">{t('reports.period.invalid')}</small>}
        </div>
      )}
    </div>
  );
}
