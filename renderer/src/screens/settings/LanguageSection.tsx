import { LANGUAGES, type Settings } from '../../../../core/api/model';
import { LOCALES } from '../../../../core/money/locale';
import { SelectField, TextField } from '../../components/Field';
import { formatMoney } from '../../../../core/money/format';
import { useT } from '../../i18n';
import { SectionForm } from './SectionForm';
import { useSettingsSection } from './useSettingsSection';

const KEYS = ['language', 'locale', 'timeZone'] as const;

/** The store's language, number format and time zone (the day a report counts in). */
export function LanguageSection({ settings }: { readonly settings: Settings }) {
  const t = useT();
  const section = useSettingsSection(settings, KEYS);
  const { draft, set, errors } = section;
  const zones =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return (
    <SectionForm
      title={t('settings.language.title')}
      dirty={section.dirty}
      saving={section.saving}
      formError={errors._form}
      onSave={() => void section.save()}
      onReset={section.reset}
    >
      <div className="grid-3">
        <SelectField
          label={t('settings.language.language')}
          value={draft.language}
          error={errors.language}
          hint={t('settings.language.languageHint')}
          onChange={(e) => set('language', e.target.value as Settings['language'])}
        >
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {t(l === 'es' ? 'common.spanish' : 'common.english')}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('settings.language.locale')}
          value={draft.locale}
          error={errors.locale}
          // A preview in the locale being chosen, not the one in force (which money() uses).
          hint={t('settings.language.localeHint', {
            example: formatMoney(123450, settings.currency, draft.locale),
          })}
          onChange={(e) => set('locale', e.target.value)}
        >
          {LOCALES.map((l) => (
            <option key={l} value={l}>
              {t(`settings.language.locales.${l}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('settings.language.timeZone')}
          value={draft.timeZone}
          list="tendero-time-zones"
          error={errors.timeZone}
          hint={t('settings.language.timeZoneHint')}
          onChange={(e) => set('timeZone', e.target.value)}
        />
        <datalist id="tendero-time-zones">
          {zones
            .filter((z) => z.startsWith('America/') || z === 'UTC')
            .map((z) => (
              <option key={z} value={z} />
            ))}
        </datalist>
      </div>
    </SectionForm>
  );
}
