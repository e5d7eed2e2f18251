import { useState } from 'react';
import { roundCashDue } from '../../../../core/money/cash-rounding';
import { ROUNDING_MODES } from '../../../../core/money/rounding';
import type { Settings } from '../../../../core/api/model';
import { ROUNDING_METHODS } from '../../../../core/tax/types';
import { CheckField, SelectField } from '../../components/Field';
import { money, rate, t, useT } from '../../i18n';
import { useProfile, useSession } from '../../state/session';
import { ExchangeRateField } from './ExchangeRateField';
import { SectionForm } from './SectionForm';
import { useSettingsSection } from './useSettingsSection';

const KEYS = [
  'pricesIncludeTax',
  'roundingMethod',
  'roundingMode',
  'defaultDocumentType',
  'cashierPriceOverride',
  'exchangeRate',
  'igtfEnabled',
  'cashRounding',
] as const;

/**
 * The rule at work on an amount that needs it: 47½ coins go down to 47
 * (S/ 4.75 → S/ 4.70 in Peru), so the owner sees what the switch does.
 */
function cashRoundingHint(increment: number): string {
  const example = increment * 47 + Math.floor(increment / 2);
  return t('settings.taxes.cashRoundingHint', {
    coin: money(increment),
    example: money(example),
    paid: money(roundCashDue(example, { increment, direction: 'down' }).rounded),
  });
}

/** The tax profile: the country's taxes, how prices and rounding work, and Venezuela's extras. */
export function TaxSection({ settings }: { readonly settings: Settings }) {
  const t = useT();
  const profile = useProfile();
  const categories = useSession((s) => s.taxCategories);
  const section = useSettingsSection(settings, KEYS);
  const { draft, set, errors } = section;
  const [rateValid, setRateValid] = useState(true);
  // Reset shows the saved rate again: the field starts over with it.
  const [resets, setResets] = useState(0);
  return (
    <SectionForm
      title={t('settings.taxes.title')}
      intro={t('settings.taxes.intro', {
        country: profile?.name ?? settings.country,
        currency: settings.currency,
      })}
      dirty={section.dirty}
      saving={section.saving}
      formError={errors._form}
      canSave={rateValid}
      onSave={() => void section.save()}
      onReset={() => {
        setRateValid(true);
        setResets((n) => n + 1);
        section.reset();
      }}
    >
      <div className="tax-categories">
        <h3>{t('settings.taxes.categories')}</h3>
        <ul className="chips">
          {categories
            .filter((c) => c.active)
            .map((c) => (
              <li key={c.code} className="chip chip-static">
                <span>{c.name}</span>
                {/* Most names already say their rate ("IVA 19%"). */}
                {c.kind === 'TAXED' && !/\d/.test(c.name) && <strong>{rate(c.rate)}</strong>}
              </li>
            ))}
        </ul>
      </div>
      <CheckField
        label={t('settings.taxes.pricesIncludeTax')}
        checked={draft.pricesIncludeTax}
        onChange={(e) => set('pricesIncludeTax', e.target.checked)}
      />
      <div className="grid-3">
        <SelectField
          label={t('settings.taxes.roundingMethod')}
          value={draft.roundingMethod}
          error={errors.roundingMethod}
          hint={t(`settings.taxes.methods.${draft.roundingMethod}.hint`)}
          onChange={(e) => set('roundingMethod', e.target.value as Settings['roundingMethod'])}
        >
          {ROUNDING_METHODS.map((m) => (
            <option key={m} value={m}>
              {t(`settings.taxes.methods.${m}.label`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('settings.taxes.roundingMode')}
          value={draft.roundingMode}
          error={errors.roundingMode}
          hint={t(`settings.taxes.modes.${draft.roundingMode}.hint`)}
          onChange={(e) => set('roundingMode', e.target.value as Settings['roundingMode'])}
        >
          {ROUNDING_MODES.map((m) => (
            <option key={m} value={m}>
              {t(`settings.taxes.modes.${m}.label`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('settings.taxes.defaultDocument')}
          value={draft.defaultDocumentType}
          error={errors.defaultDocumentType}
          onChange={(e) =>
            set('defaultDocumentType', e.target.value as Settings['defaultDocumentType'])
          }
        >
          {(profile?.documentTypes ?? [])
            .filter((d) => d.type !== 'NOTA_CREDITO')
            .map((d) => (
              <option key={d.type} value={d.type}>
                {d.label}
              </option>
            ))}
        </SelectField>
      </div>
      <CheckField
        label={t('settings.taxes.cashierPriceOverride')}
        checked={draft.cashierPriceOverride}
        onChange={(e) => set('cashierPriceOverride', e.target.checked)}
      />
      {profile?.cashRounding && profile.currency === settings.currency && (
        <CheckField
          role="switch"
          label={t('settings.taxes.cashRounding', { coin: money(profile.cashRounding.increment) })}
          hint={cashRoundingHint(profile.cashRounding.increment)}
          checked={draft.cashRounding}
          onChange={(e) => set('cashRounding', e.target.checked)}
        />
      )}
      {profile?.secondaryCurrency && (
        <div className="grid-2">
          <ExchangeRateField
            key={resets}
            label={t('settings.taxes.exchangeRate', {
              from: profile.secondaryCurrency,
              to: settings.currency,
            })}
            value={draft.exchangeRate}
            error={errors.exchangeRate}
            onChange={(value) => set('exchangeRate', value)}
            onValidity={setRateValid}
          />
          {profile.igtf && (
            <CheckField
              label={t('settings.taxes.igtf', { rate: rate(profile.igtf.rate) })}
              checked={draft.igtfEnabled}
              onChange={(e) => set('igtfEnabled', e.target.checked)}
            />
          )}
        </div>
      )}
    </SectionForm>
  );
}
