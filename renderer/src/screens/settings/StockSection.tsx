import { NEGATIVE_STOCK_POLICIES, type Settings } from '../../../../core/api/model';
import { SelectField } from '../../components/Field';
import { useT } from '../../i18n';
import { ScaleLayoutsEditor } from './ScaleLayoutsEditor';
import { previewLayout } from './scale-preview';
import { SectionForm } from './SectionForm';
import { useSettingsSection } from './useSettingsSection';

const KEYS = ['negativeStock', 'scaleLayouts'] as const;

/** Selling without stock, and how the scale's labels are read. */
export function StockSection({ settings }: { readonly settings: Settings }) {
  const t = useT();
  const section = useSettingsSection(settings, KEYS);
  const { draft, set, errors } = section;
  const layoutsValid = draft.scaleLayouts.every(
    (l) => previewLayout(l.pattern, l.priceDecimals).ok,
  );
  return (
    <SectionForm
      title={t('settings.stock.title')}
      dirty={section.dirty}
      saving={section.saving}
      formError={errors._form ?? (layoutsValid ? undefined : t('settings.scale.fixFirst'))}
      canSave={layoutsValid}
      onSave={() => void section.save()}
      onReset={section.reset}
    >
      <SelectField
        label={t('settings.stock.negative')}
        value={draft.negativeStock}
        error={errors.negativeStock}
        hint={t(`settings.stock.policies.${draft.negativeStock}.hint`)}
        className="narrow-field"
        onChange={(e) => set('negativeStock', e.target.value as Settings['negativeStock'])}
      >
        {NEGATIVE_STOCK_POLICIES.map((p) => (
          <option key={p} value={p}>
            {t(`settings.stock.policies.${p}.label`)}
          </option>
        ))}
      </SelectField>
      <ScaleLayoutsEditor
        value={draft.scaleLayouts}
        onChange={(next) => set('scaleLayouts', next)}
      />
    </SectionForm>
  );
}
