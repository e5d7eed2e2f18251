import { useEffect, useState } from 'react';
import type { BackupsInfo } from '../../../../core/api/model';
import { transportName } from '../../api/client';
import { callOrToast } from '../../api/use-call';
import { dateTime, tn, useT } from '../../i18n';

/** A path's last part, whichever separator the till's system uses. */
function fileName(path: string): string {
  return path.split(/[\\/]/).at(-1) ?? path;
}

/**
 * Where the copies of this database really are, as the till that opened it
 * says (settings.backups): beside the database file, under its name. The
 * renderer never touches files, so it only shows and explains.
 */
export function BackupsSection() {
  const t = useT();
  const browser = transportName() === 'http';
  const [info, setInfo] = useState<BackupsInfo | null>(null);

  useEffect(() => {
    let live = true;
    void callOrToast('settings.backups', {}).then((value) => {
      if (live && value) setInfo(value);
    });
    return () => {
      live = false;
    };
  }, []);

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
      {info === null ? (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      ) : (
        <dl className="paths">
          <dt>{t('settings.backups.folder')}</dt>
          <dd className="mono" data-testid="backups-folder">
            {info.folder}
          </dd>
          <dt>{t('settings.backups.database')}</dt>
          <dd className="mono">{info.database}</dd>
          <dt>{t('settings.backups.latest')}</dt>
          <dd>
            {info.latest ? (
              <>
                {t('settings.backups.latestAt', {
                  when: dateTime(info.latest.at),
                  file: fileName(info.latest.file),
                })}
                <br />
                <span className="muted">{tn('settings.backups.count', info.count)}</span>
              </>
            ) : (
              t('settings.backups.none')
            )}
          </dd>
        </dl>
      )}
      {browser ? (
        <p className="notice">{t('settings.backups.browser')}</p>
      ) : (
        <p className="notice">{t('settings.backups.desktop')}</p>
      )}
    </section>
  );
}
