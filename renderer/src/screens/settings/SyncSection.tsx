import { useEffect, useState, type FormEvent } from 'react';
import type { SyncStatus } from '../../../../core/api/areas/sync';
import { TextField } from '../../components/Field';
import { CallError, call } from '../../api/use-call';
import { dateTime, t, tn, tryT, useT } from '../../i18n';
import { errorMessage } from '../../i18n/errors';
import { useSync } from '../../state/sync';
import { useToasts } from '../../state/toasts';

/** A sync error code (the server's or the till's) as a sentence in the UI language. */
export function syncErrorText(error: { code: string; message: string }): string {
  return (
    tryT(`settings.sync.errors.${error.code}`) ??
    t('settings.sync.errors.other', { code: error.code, message: error.message })
  );
}

function failureText(error: unknown): string {
  return error instanceof CallError ? errorMessage(error.info) : String(error);
}

/** The enrolment form: the server's address and its one-time code. */
function EnrollForm({ replace, initialUrl }: { replace: boolean; initialUrl: string }) {
  const setStatus = useSync((s) => s.set);
  const [serverUrl, setServerUrl] = useState(initialUrl);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const status = await call('sync.enroll', { serverUrl, code, replace });
      setStatus(status);
      setCode('');
      useToasts.getState().push('success', t('settings.sync.enrolled'));
    } catch (failure) {
      setError(failureText(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="stack" onSubmit={(e) => void submit(e)} aria-label={t('settings.sync.enroll')}>
      <div className="grid-2">
        <TextField
          label={t('settings.sync.serverUrl')}
          hint={t('settings.sync.serverUrlHint')}
          value={serverUrl}
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          required
          onChange={(e) => setServerUrl(e.target.value)}
        />
        <TextField
          label={t('settings.sync.code')}
          hint={t('settings.sync.codeHint')}
          value={code}
          autoComplete="off"
          spellCheck={false}
          className="mono-field"
          required
          onChange={(e) => setCode(e.target.value.toUpperCase())}
        />
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div>
        <button className="btn btn-primary" type="submit" disabled={busy}>
          {busy ? t('settings.sync.enrolling') : t('settings.sync.enroll')}
        </button>
      </div>
    </form>
  );
}

function ServerForm({ status }: { status: SyncStatus }) {
  const setStatus = useSync((s) => s.set);
  const [serverUrl, setServerUrl] = useState(status.serverUrl ?? '');
  const [error, setError] = useState<string | null>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      setStatus(await call('sync.settings', { serverUrl }));
      useToasts.getState().push('success', t('settings.sync.serverSaved'));
    } catch (failure) {
      setError(failureText(failure));
    }
  }
  return (
    <form className="row-form" onSubmit={(e) => void submit(e)}>
      <TextField
        label={t('settings.sync.changeServer')}
        value={serverUrl}
        spellCheck={false}
        className="narrow-field"
        error={error}
        onChange={(e) => setServerUrl(e.target.value)}
      />
      <button
        className="btn"
        type="submit"
        disabled={serverUrl.trim() === '' || serverUrl === status.serverUrl}
      >
        {t('settings.sync.saveServer')}
      </button>
    </form>
  );
}

function StatusList({ status }: { status: SyncStatus }) {
  const seconds = Math.round(Math.abs(status.clockOffsetMs ?? 0) / 1000);
  return (
    <dl className="paths" data-testid="sync-status">
      <dt>{t('settings.sync.state')}</dt>
      <dd>
        <span
          className={`badge ${status.phase === 'attention' ? 'badge-danger' : status.phase === 'offline' ? 'badge-warning' : ''}`}
        >
          {t(`settings.sync.phases.${status.phase}`)}
        </span>
      </dd>
      <dt>{t('settings.sync.server')}</dt>
      <dd className="mono">{status.serverUrl}</dd>
      <dt>{t('settings.sync.register')}</dt>
      <dd>{status.registerCode}</dd>
      <dt>{t('settings.sync.series')}</dt>
      <dd>{status.series.map((s) => s.series).join(', ') || '—'}</dd>
      <dt>{t('settings.sync.enrolledAt')}</dt>
      <dd>{status.enrolledAt ? dateTime(status.enrolledAt) : '—'}</dd>
      <dt>{t('settings.sync.lastSuccess')}</dt>
      <dd>{status.lastSuccessAt ? dateTime(status.lastSuccessAt) : t('settings.sync.never')}</dd>
      <dt>{t('settings.sync.lastPulled')}</dt>
      <dd data-testid="sync-last-pulled">
        {status.lastPulledAt ? dateTime(status.lastPulledAt) : t('settings.sync.never')}
      </dd>
      <dt>{t('settings.sync.pendingCount')}</dt>
      <dd data-testid="sync-pending">{status.pending}</dd>
      {status.offlineSince && (
        <>
          <dt>{t('settings.sync.offlineSince')}</dt>
          <dd>{dateTime(status.offlineSince)}</dd>
        </>
      )}
      {status.clockOffsetMs !== null && (
        <>
          <dt>{t('settings.sync.clock')}</dt>
          <dd className={status.clockWarning ? 'field-error' : ''}>
            {status.clockWarning
              ? t('settings.sync.clockWarning', { minutes: Math.round(seconds / 60) })
              : t('settings.sync.clockOk', { seconds })}
          </dd>
        </>
      )}
      {status.lastError && (
        <>
          <dt>{t('settings.sync.lastError')}</dt>
          <dd>
            {syncErrorText(status.lastError)}{' '}
            <span className="muted">({dateTime(status.lastError.at)})</span>
          </dd>
        </>
      )}
    </dl>
  );
}

/**
 * Settings › Sincronización: enrol this till with the central server, see
 * what waits and why, send now, change the server's address. The device
 * credential never reaches this screen.
 */
export function SyncSection() {
  useT();
  const status = useSync((s) => s.status);
  const refresh = useSync((s) => s.refresh);
  const setStatus = useSync((s) => s.set);
  const [pushing, setPushing] = useState(false);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  async function pushNow() {
    setPushing(true);
    try {
      const round = await call('sync.pushNow', {});
      setStatus(round.status);
      const toasts = useToasts.getState();
      if (round.status.phase === 'attention' || round.status.phase === 'offline') {
        if (round.status.lastError) toasts.push('error', syncErrorText(round.status.lastError));
      } else {
        const pulled = round.pulled ? round.pulled.applied + round.pulled.deactivated : 0;
        if (round.acknowledged > 0) {
          toasts.push('success', tn('settings.sync.pushed', round.acknowledged));
        }
        if (pulled > 0) toasts.push('success', tn('settings.sync.pulled', pulled));
        if (round.acknowledged === 0 && pulled === 0) {
          toasts.push('info', t('settings.sync.nothingToPush'));
        }
      }
    } catch (failure) {
      useToasts.getState().push('error', failureText(failure));
    } finally {
      setPushing(false);
    }
  }

  const needsNewCode = status?.attention === 'REVOKED' || status?.attention === 'UNAUTHENTICATED';

  return (
    <section className="card stack settings-section" aria-label={t('settings.sync.title')}>
      <header>
        <h2>{t('settings.sync.title')}</h2>
        <p className="section-intro muted">{t('settings.sync.intro')}</p>
      </header>
      {status === null ? (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      ) : !status.enrolled ? (
        <>
          <p className="notice">{t('settings.sync.notEnrolled')}</p>
          {status.pending > 0 && (
            <p>
              {t('settings.sync.pendingCount')}: <strong>{status.pending}</strong>
            </p>
          )}
          <EnrollForm replace={false} initialUrl="" />
        </>
      ) : (
        <>
          {status.attention && status.lastError && (
            <p className="notice notice-danger" role="alert">
              {syncErrorText(status.lastError)}
            </p>
          )}
          <StatusList status={status} />
          <div>
            <button
              className="btn btn-primary"
              type="button"
              disabled={pushing}
              onClick={() => void pushNow()}
            >
              {pushing ? t('settings.sync.pushing') : t('settings.sync.pushNow')}
            </button>
          </div>
          {status.review.length > 0 && (
            <div className="stack">
              <h3>{t('settings.sync.review')}</h3>
              <p className="muted section-intro">{t('settings.sync.reviewIntro')}</p>
              <ul className="plain-list">
                {status.review.map((item) => (
                  <li key={item.eventId}>
                    #{item.seq} · {item.message}{' '}
                    <span className="muted">({dateTime(item.at)})</span>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <ServerForm status={status} />
          {needsNewCode && (
            <div className="stack">
              <h3>{t('settings.sync.reenroll')}</h3>
              <p className="muted section-intro">{t('settings.sync.reenrollHint')}</p>
              <EnrollForm replace initialUrl={status.serverUrl ?? ''} />
            </div>
          )}
        </>
      )}
    </section>
  );
}
