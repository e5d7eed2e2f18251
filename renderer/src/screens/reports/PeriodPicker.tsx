import { DayField } from '../../components/DayField';
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
          <DayField
            inline
            label={t('common.from')}
            value={value.from}
            invalid={invalid}
            onChange={(from) => onChange({ ...value, from })}
          />
          <DayField
            inline
            label={t('common.to')}
            value={value.to}
            invalid={invalid}
            onChange={(to) => onChange({ ...value, to })}
          />
          {invalid && (
            <small className="field-error" role="alert">
              {t('reports.period.invalid')}
            </small>
          )}
        </div>
      )}
    </div>
  );
}
