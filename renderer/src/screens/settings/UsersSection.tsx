import { useEffect, useState } from 'react';
import type { User } from '../../../../core/api/model';
import { callOrToast } from '../../api/use-call';
import { Button } from '../../components/Button';
import { CheckField } from '../../components/Field';
import { useSession } from '../../state/session';
import { dateTime, useT } from '../../i18n';
import { useToasts } from '../../state/toasts';
import { UserDialog } from './UserDialog';

/** Who may use the till, with which role; PIN resets; deactivation instead of deletion. */
export function UsersSection() {
  const t = useT();
  const toast = useToasts((s) => s.push);
  const [users, setUsers] = useState<readonly User[] | null>(null);
  const [open, setOpen] = useState<{ user: User | null } | null>(null);
  const [version, setVersion] = useState(0);
  const requireSix = useSession((s) => s.settings?.requireSixDigitPins ?? false);
  const applySettings = useSession((s) => s.applySettings);

  async function setRequireSix(value: boolean) {
    const saved = await callOrToast('settings.update', { requireSixDigitPins: value });
    if (saved) applySettings(saved);
  }

  useEffect(() => {
    void callOrToast('users.list', {}).then((u) => u && setUsers(u));
  }, [version]);

  return (
    <section className="card stack settings-section" aria-label={t('settings.users.title')}>
      <header className="row">
        <div>
          <h2>{t('settings.users.title')}</h2>
          <p className="muted section-intro">{t('settings.users.intro')}</p>
        </div>
        <div className="spacer" />
        <Button variant="primary" onClick={() => setOpen({ user: null })}>
          {t('settings.users.add')}
        </Button>
      </header>
      <CheckField
        label={t('settings.users.requireSix')}
        checked={requireSix}
        onChange={(e) => void setRequireSix(e.target.checked)}
      />
      <p className="muted">{t('settings.users.requireSixHint')}</p>
      {users === null ? (
        <p className="muted">{t('common.loading')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t('common.name')}</th>
              <th>{t('settings.users.role')}</th>
              <th>{t('common.status')}</th>
              <th>{t('settings.users.since')}</th>
              <th className="actions-col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>{u.name}</td>
                <td>{t(`common.roles.${u.role}`)}</td>
                <td>
                  {u.active ? (
                    <span className="badge">{t('common.active')}</span>
                  ) : (
                    <span className="badge badge-danger">{t('common.inactive')}</span>
                  )}
                </td>
                <td className="muted">{dateTime(u.createdAt, 'date')}</td>
                <td className="actions-col">
                  <Button
                    aria-label={t('settings.users.editOf', { name: u.name })}
                    onClick={() => setOpen({ user: u })}
                  >
                    {t('common.edit')}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open && (
        <UserDialog
          user={open.user}
          onClose={() => setOpen(null)}
          onSaved={(saved) => {
            toast(
              'success',
              t(open.user ? 'settings.users.updated' : 'settings.users.created', {
                name: saved.name,
              }),
            );
            setOpen(null);
            setVersion((v) => v + 1);
          }}
        />
      )}
    </section>
  );
}
