import { transportName } from '../../api/client';
import { useT } from '../../i18n';

/** Where the copies of the database live; the renderer never touches files, so it only explains. */
export function BackupsSection() {
  const t = useT();
  const browser = transportName() === 'http';
  return (
    <section className="card stack settings-section" aria-label={t('settings.backups.title')}>
      <header>
        <h2>{t('settings.backups.title')}</h2>
      </header>
      <ul className="plain-list">
        <li>{t('settings.backups.daily')}</li>
        <li>{t('settings.backups.closing')}</li>
        <li>{t('settings.backups.kept')}</li>
      </ul>
      <dl className="paths">
        <dt>{t('settings.backups.windows')}</dt>
        <dd className="mono">%APPDATA%\Tendero\backups</dd>
        <dt>{t('settings.backups.mac')}</dt>
        <dd className="mono">~/Library/Application Support/Tendero/backups</dd>
        <dt>{t('settings.backups.linux')}</dt>
        <dd className="mono">~/.config/Tendero/backups</dd>
      </dl>
      {browser ? (
        <p className="notice">{t('settings.backups.browser')}</p>
      ) : (
        <p className="notice">{t('settings.backups.desktop')}</p>
      )}
    </section>
  );
}
