import { useState, type FormEvent } from 'react';
import { CURRENCY_CODES } from '../../../../core/money/currency';
import { COUNTRY_CODES, PROFILES, type CountryCode } from '../../../../core/profiles';
import { api } from '../../api/client';
import { fieldErrors } from '../../api/field-errors';
import { Button } from '../../components/Button';
import { SelectField, TextField } from '../../components/Field';
import { LanguageSelect } from '../../components/LanguageSelect';
import { useI18n, useT } from '../../i18n';
import { hintText } from '../../i18n/hint-text';
import type { MessageKey } from '../../i18n/messages';
import { useSession } from '../../state/session';
import { useToasts } from '../../state/toasts';
import './setup.css';

/** First run: the shop's country, identity and first admin; or the demo shop. */
export function SetupScreen() {
  const t = useT();
  const language = useI18n((s) => s.language);
  const login = useSession((s) => s.login);
  const boot = useSession((s) => s.boot);
  const toast = useToasts((s) => s.push);
  const [country, setCountry] = useState<CountryCode>('PE');
  const [currency, setCurrency] = useState<string>(PROFILES.PE.currency);
  // The country's zone by default (this computer may be left on UTC); the user may change it.
  const [timeZone, setTimeZone] = useState<string>(PROFILES.PE.timeZones[0]);
  const [form, setForm] = useState({
    businessName: '',
    taxId: '',
    address: '',
    registerCode: 'CAJA1',
    name: '',
    pin: '',
    pin2: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<false | 'setup' | 'demo'>(false);
  const profile = PROFILES[country];
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (form.pin !== form.pin2) return setErrors({ pin2: t('setup.pinMismatch') });
    setBusy('setup');
    const result = await api.call('setup.init', {
      country,
      businessName: form.businessName,
      taxId: form.taxId,
      address: form.address,
      currency: currency as never,
      registerCode: form.registerCode.toUpperCase(),
      admin: { name: form.name, pin: form.pin },
      timeZone,
      language,
    });
    if (!result.ok) {
      setBusy(false);
      return setErrors(fieldErrors(result.error));
    }
    await login(form.name, form.pin);
    setBusy(false);
  }

  async function demo() {
    setBusy('demo');
    const result = await api.call('setup.demo', { language });
    setBusy(false);
    if (!result.ok) return setErrors(fieldErrors(result.error));
    const users = result.value.users.map((u) => `${u.name} (${u.pin})`).join(', ');
    toast('success', t('setup.demoReady', { users }), 15000);
    await boot();
  }

  return (
    <div className="centered setup">
      <form className="card setup-card stack" onSubmit={submit} noValidate>
        <div className="row">
          <img src="./favicon.svg" alt="" width={56} height={56} />
          <div className="grow">
            <h1>{t('setup.title')}</h1>
            <p className="muted">{t('setup.intro')}</p>
          </div>
          <LanguageSelect className="input language-select" />
        </div>
        <SelectField
          label={t('setup.country')}
          value={country}
          onChange={(e) => {
            const next = e.target.value as CountryCode;
            setCountry(next);
            setCurrency(PROFILES[next].currency);
            setTimeZone(PROFILES[next].timeZones[0]);
          }}
        >
          {COUNTRY_CODES.map((code) => (
            <option key={code} value={code}>
              {t(`setup.countries.${code}` as MessageKey)}
            </option>
          ))}
        </SelectField>
        <div className="grid-2">
          <TextField
            label={t('setup.businessName')}
            value={form.businessName}
            onChange={set('businessName')}
            error={errors.businessName}
            required
            autoFocus
          />
          <TextField
            label={t('setup.taxId', { label: profile.taxIdLabel })}
            value={form.taxId}
            onChange={set('taxId')}
            error={errors.taxId}
            hint={hintText(profile.taxIdHint)}
            required
          />
        </div>
        <TextField
          label={t('setup.address')}
          value={form.address}
          onChange={set('address')}
          error={errors.address}
        />
        <div className="grid-2">
          <SelectField
            label={t('setup.currency')}
            value={currency}
            onChange={(e) => setCurrency(e.target.value)}
            error={errors.currency}
          >
            {CURRENCY_CODES.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('setup.timeZone')}
            value={timeZone}
            onChange={(e) => setTimeZone(e.target.value)}
            error={errors.timeZone}
          >
            {zoneChoices(profile.timeZones).map((zone) => (
              <option key={zone} value={zone}>
                {zone.replaceAll('_', ' ')}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('setup.registerCode')}
            value={form.registerCode}
            onChange={set('registerCode')}
            error={errors.registerCode}
            hint={t('setup.registerHint')}
          />
        </div>
        <div className="grid-3">
          <TextField
            label={t('setup.adminName')}
            value={form.name}
            onChange={set('name')}
            error={errors['admin.name']}
            required
          />
          <TextField
            label={t('setup.adminPin')}
            type="password"
            inputMode="numeric"
            value={form.pin}
            onChange={set('pin')}
            error={errors['admin.pin']}
            required
          />
          <TextField
            label={t('setup.adminPinRepeat')}
            type="password"
            inputMode="numeric"
            value={form.pin2}
            onChange={set('pin2')}
            error={errors.pin2}
            required
          />
        </div>
        {errors._form && <p className="field-error">{errors._form}</p>}
        <div className="row">
          <Button type="submit" variant="primary" size="large" disabled={busy !== false}>
            {busy === 'setup' ? t('common.saving') : t('setup.start')}
          </Button>
          <span className="muted">{t('setup.or')}</span>
          <Button onClick={() => void demo()} disabled={busy !== false}>
            {busy === 'demo' ? t('setup.demoWorking') : t('setup.demo')}
          </Button>
        </div>
        <p className="muted">{t('setup.demoHint')}</p>
      </form>
    </div>
  );
}

/** The country's zones, and this computer's own when it is another one (a store abroad). */
function zoneChoices(countryZones: readonly string[]): string[] {
  const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return own && !countryZones.includes(own) ? [...countryZones, own] : [...countryZones];
}
