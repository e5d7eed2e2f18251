import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { dateTime, useT } from '../../i18n';
import { useSession } from '../../state/session';

/**
 * Shown to an admin right after logging in when someone was locked out by
 * wrong PINs: who, when, how many tries. "Entendido" marks them seen.
 */
export function LockAlertsDialog() {
  const t = useT();
  const alerts = useSession((s) => s.lockAlerts);
  const dismiss = useSession((s) => s.dismissLockAlerts);
  if (alerts.length === 0) return null;
  return (
    <Dialog
      wide
      title={t('login.alerts.title')}
      onClose={() => void dismiss()}
      footer={
        <Button variant="primary" autoFocus onClick={() => void dismiss()}>
          {t('login.alerts.ok')}
        </Button>
      }
    >
      <p>{t('login.alerts.intro')}</p>
      <table className="table" aria-label={t('login.alerts.title')}>
        <thead>
          <tr>
            <th>{t('login.alerts.user')}</th>
            <th>{t('login.alerts.when')}</th>
            <th className="num">{t('login.alerts.misses')}</th>
            <th className="num">{t('login.alerts.lockouts')}</th>
            <th>{t('login.alerts.until')}</th>
          </tr>
        </thead>
        <tbody>
          {alerts.map((a) => (
            <tr key={a.id}>
              <td>
                <strong>{a.userName}</strong>
              </td>
              <td>
                {a.firstLockedAt === a.lastLockedAt
                  ? dateTime(a.firstLockedAt)
                  : t('login.alerts.range', {
                      from: dateTime(a.firstLockedAt),
                      to: dateTime(a.lastLockedAt),
                    })}
              </td>
              <td className="num">{a.misses}</td>
              <td className="num">{a.lockouts}</td>
              <td>{dateTime(a.lockedUntil)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{t('login.alerts.hint')}</p>
    </Dialog>
  );
}
