import { useState } from 'react';
import { ROLES, type Role, type User } from '../../../../core/api/model';
import { CallError, call } from '../../api/use-call';
import { CheckField, SelectField, TextField } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { useT } from '../../i18n';
import { fieldErrors } from '../../api/field-errors';

/** Adds a user, or changes one's name, role, PIN (a reset) or active flag. */
export function UserDialog({
  user,
  onSaved,
  onClose,
}: {
  readonly user: User | null;
  onSaved(user: User): void;
  onClose(): void;
}) {
  const t = useT();
  const [name, setName] = useState(user?.name ?? '');
  const [role, setRole] = useState<Role>(user?.role ?? 'cashier');
  const [pin, setPin] = useState('');
  const [pin2, setPin2] = useState('');
  const [active, setActive] = useState(user?.active ?? true);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  async function submit() {
    if (pin !== pin2) return setErrors({ pin2: t('settings.users.pinMismatch') });
    setBusy(true);
    try {
      const saved = user
        ? await call('users.update', {
            id: user.id,
            ...(name !== user.name ? { name } : {}),
            ...(role !== user.role ? { role } : {}),
            ...(active !== user.active ? { active } : {}),
            ...(pin !== '' ? { pin } : {}),
          })
        : await call('users.create', { name, role, pin });
      onSaved(saved);
    } catch (e) {
      if (!(e instanceof CallError)) throw e;
      setErrors(fieldErrors(e.info, 'settings'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <FormDialog
      title={
        user ? t('settings.users.editTitle', { name: user.name }) : t('settings.users.newTitle')
      }
      onClose={onClose}
      onSubmit={() => void submit()}
      submitLabel={t('common.save')}
      busy={busy}
      footerStart={errors._form && <p className="field-error form-error">{errors._form}</p>}
    >
      <div className="grid-2">
        <TextField
          label={t('common.name')}
          value={name}
          autoFocus
          error={errors.name}
          onChange={(e) => setName(e.target.value)}
        />
        <SelectField
          label={t('settings.users.role')}
          value={role}
          error={errors.role}
          onChange={(e) => setRole(e.target.value as Role)}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`common.roles.${r}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <p className="muted small">{t(`settings.users.roleHints.${role}`)}</p>
      <div className="grid-2">
        <TextField
          label={user ? t('settings.users.newPin') : t('settings.users.pin')}
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
          value={pin}
          error={errors.pin}
          hint={user ? t('settings.users.newPinHint') : t('settings.users.pinHint')}
          onChange={(e) => setPin(e.target.value)}
        />
        <TextField
          label={t('settings.users.pinRepeat')}
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
          value={pin2}
          error={errors.pin2}
          onChange={(e) => setPin2(e.target.value)}
        />
      </div>
      {user && (
        <CheckField
          label={t('settings.users.active')}
          checked={active}
          onChange={(e) => setActive(e.target.checked)}
        />
      )}
    </FormDialog>
  );
}
