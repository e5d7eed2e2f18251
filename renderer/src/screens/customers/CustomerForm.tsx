import { useState } from 'react';
import type { Customer } from '../../../../core/api/model';
import { CallError, call } from '../../api/use-call';
import { SelectField, TextField } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { useT } from '../../i18n';
import { useProfile } from '../../state/session';
import { fieldErrors } from '../../api/field-errors';
import {
  customerInputOf,
  draftOfCustomer,
  emptyCustomer,
  type CustomerDraft,
} from './customer-draft';
import { hintText } from '../../i18n/hint-text';

/** Registers or edits a customer with one of the country's identity documents. */
export function CustomerForm({
  customer,
  onSaved,
  onClose,
}: {
  readonly customer: Customer | null;
  onSaved(customer: Customer): void;
  onClose(): void;
}) {
  const t = useT();
  const profile = useProfile();
  const types = profile?.customerDocumentTypes ?? [];
  const [draft, setDraft] = useState<CustomerDraft>(() =>
    customer ? draftOfCustomer(customer) : emptyCustomer(types[0]?.code ?? ''),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = (key: keyof CustomerDraft) => (e: { target: { value: string } }) => {
    setDraft((d) => ({ ...d, [key]: e.target.value }));
    setErrors(({ [key]: _fixed, ...rest }) => rest);
  };
  const spec = types.find((d) => d.code === draft.documentType);

  async function submit() {
    setBusy(true);
    try {
      const input = customerInputOf(draft);
      const saved = customer
        ? await call('customers.update', { id: customer.id, ...input })
        : await call('customers.create', input);
      onSaved(saved);
    } catch (e) {
      if (!(e instanceof CallError)) throw e;
      setErrors(fieldErrors(e.info, 'customers'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <FormDialog
      title={
        customer
          ? t('customers.form.editTitle', { name: customer.name })
          : t('customers.form.newTitle')
      }
      onClose={onClose}
      onSubmit={() => void submit()}
      submitLabel={t('common.save')}
      busy={busy}
      footerStart={errors._form && <p className="field-error form-error">{errors._form}</p>}
    >
      <div className="customer-doc">
        <SelectField
          label={t('customers.fields.documentType')}
          value={draft.documentType}
          error={errors.documentType}
          onChange={set('documentType')}
        >
          <option value="">{t('customers.form.noDocument')}</option>
          {types.map((d) => (
            <option key={d.code} value={d.code}>
              {d.label}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('customers.fields.documentNumber')}
          value={draft.documentNumber}
          disabled={draft.documentType === ''}
          autoFocus
          autoComplete="off"
          error={errors.documentNumber}
          hint={spec ? hintText(spec.hint) : undefined}
          onChange={set('documentNumber')}
        />
      </div>
      <TextField
        label={t('customers.fields.name')}
        value={draft.name}
        error={errors.name}
        onChange={set('name')}
      />
      <div className="grid-2">
        <TextField
          label={t('customers.fields.phone')}
          type="tel"
          value={draft.phone}
          error={errors.phone}
          onChange={set('phone')}
        />
        <TextField
          label={t('customers.fields.email')}
          type="email"
          value={draft.email}
          error={errors.email}
          onChange={set('email')}
        />
      </div>
      <TextField
        label={t('customers.fields.address')}
        value={draft.address}
        error={errors.address}
        onChange={set('address')}
      />
    </FormDialog>
  );
}
