import type { Settings } from '../../../../core/api/model';
import { CheckField, TextField } from '../../components/Field';
import { useT } from '../../i18n';
import { SectionForm } from './SectionForm';
import { useSettingsSection } from './useSettingsSection';

const KEYS = ['legalName', 'establishmentCode', 'ubigeo', 'einvoicing'] as const;

/** Peru's e-invoicing: the issuer as SUNAT knows it, and whether CPEs are signed. */
export function EinvoiceSection({ settings }: { readonly settings: Settings }) {
  const t = useT();
  const section = useSettingsSection(settings, KEYS);
  const { draft, set, errors } = section;
  return (
    <SectionForm
      title={t('settings.einvoice.title')}
      intro={t('settings.einvoice.intro')}
      dirty={section.dirty}
      saving={section.saving}
      formError={errors._form}
      onSave={() => void section.save()}
      onReset={section.reset}
    >
      <TextField
        label={t('settings.einvoice.legalName')}
        hint={t('settings.einvoice.legalNameHint')}
        value={draft.legalName}
        maxLength={200}
        error={errors.legalName}
        onChange={(e) => set('legalName', e.target.value)}
      />
      <div className="grid-2">
        <TextField
          label={t('settings.einvoice.establishmentCode')}
          hint={t('settings.einvoice.establishmentCodeHint')}
          value={draft.establishmentCode}
          inputMode="numeric"
          maxLength={4}
          error={errors.establishmentCode}
          onChange={(e) => set('establishmentCode', e.target.value)}
        />
        <TextField
          label={t('settings.einvoice.ubigeo')}
          hint={t('settings.einvoice.ubigeoHint')}
          value={draft.ubigeo}
          inputMode="numeric"
          maxLength={6}
          error={errors.ubigeo}
          onChange={(e) => set('ubigeo', e.target.value)}
        />
      </div>
      <CheckField
        label={t('settings.einvoice.enabled')}
        hint={t('settings.einvoice.enabledHint')}
        checked={draft.einvoicing}
        onChange={(e) => set('einvoicing', e.target.checked)}
      />
    </SectionForm>
  );
}
