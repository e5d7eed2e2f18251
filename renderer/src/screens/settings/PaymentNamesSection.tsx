import { PAYMENT_METHODS, type PaymentMethod, type Settings } from '../../../../core/api/model';
import { TextField } from '../../components/Field';
import { useT } from '../../i18n';
import { defaultPaymentLabel } from '../../i18n/payment-names';
import { SectionForm } from './SectionForm';
import { useSettingsSection } from './useSettingsSection';

const KEYS = ['paymentMethodNames'] as const;

/**
 * What each payment method is called on the till, the receipts and the
 * reports ("Yape" for QR, "Tarjeta Visa" for card). An empty name keeps the
 * default, shown as the placeholder.
 */
export function PaymentNamesSection({ settings }: { readonly settings: Settings }) {
  const t = useT();
  const section = useSettingsSection(settings, KEYS);
  const { draft, set, errors } = section;
  const names = draft.paymentMethodNames;

  function rename(method: PaymentMethod, name: string) {
    // A cleared name is no name: the method goes back to its default.
    const { [method]: _old, ...rest } = names;
    set('paymentMethodNames', name === '' ? rest : { ...rest, [method]: name });
  }

  return (
    <SectionForm
      title={t('settings.payments.title')}
      intro={t('settings.payments.intro')}
      dirty={section.dirty}
      saving={section.saving}
      formError={errors._form ?? errors.paymentMethodNames}
      onSave={() => void section.save()}
      onReset={section.reset}
    >
      <div className="grid-2">
        {PAYMENT_METHODS.map((method) => {
          const fallback = defaultPaymentLabel(method, settings);
          return (
            <TextField
              key={method}
              label={t('settings.payments.nameOf', { method: fallback })}
              hint={t('settings.payments.emptyKeepsDefault', { name: fallback })}
              value={names[method] ?? ''}
              placeholder={fallback}
              maxLength={30}
              name={`payment-name-${method}`}
              onChange={(e) => rename(method, e.target.value)}
            />
          );
        })}
      </div>
    </SectionForm>
  );
}
