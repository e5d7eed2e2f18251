import type { Settings } from '../../../../core/api/model';
import { TextField } from '../../components/Field';
import { useT } from '../../i18n';
import { useProfile } from '../../state/session';
import { hintText } from '../../i18n/hint-text';
import { SectionForm } from './SectionForm';
import { useSettingsSection } from './useSettingsSection';

const KEYS = ['businessName', 'taxId', 'address', 'phone'] as const;

/** The business as its documents name it. */
export function BusinessSection({ settings }: { readonly settings: Settings }) {
  const t = useT();
  const profile = useProfile();
  const section = useSettingsSection(settings, KEYS);
  const { draft, set, errors } = section;
  return (
    <SectionForm
      title={t('settings.business.title')}
      intro={t('settings.business.intro')}
      dirty={section.dirty}
      saving={section.saving}
      formError={errors._form}
      onSave={() => void section.save()}
      onReset={section.reset}
    >
      <div className="grid-2">
        <TextField
          label={t('settings.business.name')}
          value={draft.businessName}
          error={errors.businessName}
          autoFocus
          onChange={(e) => set('businessName', e.target.value)}
        />
        <TextField
          label={t('settings.business.taxId', { label: profile?.taxIdLabel ?? '' })}
          value={draft.taxId}
          error={errors.taxId}
          hint={profile ? hintText(profile.taxIdHint) : undefined}
          onChange={(e) => set('taxId', e.target.value)}
        />
      </div>
      <div className="grid-2">
        <TextField
          label={t('settings.business.address')}
          value={draft.address}
          error={errors.address}
          onChange={(e) => set('address', e.target.value)}
        />
        <TextField
          label={t('settings.business.phone')}
          type="tel"
          value={draft.phone}
          error={errors.phone}
          onChange={(e) => set('phone', e.target.value)}
        />
      </div>
    </SectionForm>
  );
}
