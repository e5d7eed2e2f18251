import type { Settings } from '../../../../core/api/model';
import { parseTypedWhole } from '../../../../core/money/typed';
import { TextField } from '../../components/Field';
import { MoneyInput } from '../../components/MoneyInput';
import { currentLocale, useT } from '../../i18n';
import { readTyped } from '../../i18n/typed-number';
import { SectionForm } from './SectionForm';
import { useSettingsSection } from './useSettingsSection';

const KEYS = ['discountLimit', 'cashOutLimit', 'documentsFolder'] as const;

/**
 * What a cashier may do alone: how deep a discount and how large a cash-out
 * before a supervisor's PIN is asked for; and where PDFs may be saved.
 */
export function ControlsSection({ settings }: { readonly settings: Settings }) {
  const t = useT();
  const section = useSettingsSection(settings, KEYS);
  const { draft, set, errors } = section;
  return (
    <SectionForm
      title={t('settings.controls.title')}
      intro={t('settings.controls.intro')}
      dirty={section.dirty}
      saving={section.saving}
      formError={errors._form}
      onSave={() => void section.save()}
      onReset={section.reset}
    >
      <div className="grid-2">
        <TextField
          label={t('settings.controls.discountLimit')}
          hint={t('settings.controls.discountLimitHint')}
          value={String(draft.discountLimit)}
          inputMode="numeric"
          maxLength={3}
          error={errors.discountLimit}
          onChange={(e) => {
            // Whole percent by the typed-number rules: "12,5" is refused, never read as 125.
            const read = readTyped(() => parseTypedWhole(e.target.value || '0', currentLocale()));
            if (read.ok && read.value <= 100) set('discountLimit', read.value);
          }}
        />
        <div className="field">
          <MoneyInput
            label={t('settings.controls.cashOutLimit')}
            value={draft.cashOutLimit}
            currency={settings.currency}
            name="cashOutLimit"
            onChange={(value) => {
              if (value !== null) set('cashOutLimit', value);
            }}
          />
          <small className={errors.cashOutLimit ? 'field-error' : 'muted'}>
            {errors.cashOutLimit ?? t('settings.controls.cashOutLimitHint')}
          </small>
        </div>
      </div>
      <TextField
        label={t('settings.controls.documentsFolder')}
        hint={t('settings.controls.documentsFolderHint')}
        value={draft.documentsFolder}
        maxLength={500}
        spellCheck={false}
        error={errors.documentsFolder}
        onChange={(e) => set('documentsFolder', e.target.value)}
      />
    </SectionForm>
  );
}
