import { useEffect } from 'react';
import type { SyncStatus } from '../../../core/api/areas/sync';
import { dateTime, t, tn, useT } from '../i18n';
import { useSync } from '../state/sync';

/** How often the header asks; the pusher itself runs in the main process. */
export const SYNC_POLL_MS = 10_000;

function minutesOff(status: SyncStatus): number {
  return Math.round(Math.abs(status.clockOffsetMs ?? 0) / 60_000);
}

function label(status: SyncStatus): { text: string; tone: 'ok' | 'busy' | 'warn' | 'bad' } {
  switch (status.phase) {
    case 'attention':
      return { text: t('common.sync.attention'), tone: 'bad' };
    case 'offline':
      return {
        text: t('common.sync.offline', { time: dateTime(status.offlineSince!, 'time') }),
        tone: 'warn',
      };
    case 'pending':
      return { text: tn('common.sync.pending', status.pending), tone: 'busy' };
    default:
      return { text: t('common.sync.synced'), tone: 'ok' };
  }
}

/**
 * The header's sync state: synced, N pending, offline since HH:MM, needs
 * attention, and a clock warning beside any of them. Nothing for a till that
 * does not sync.
 */
export function SyncIndicator() {
  useT();
  const status = useSync((s) => s.status);
  const refresh = useSync((s) => s.refresh);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), SYNC_POLL_MS);
    const onFocus = () => void refresh();
    window.addEventListener('focus', onFocus);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', onFocus);
    };
  }, [refresh]);

  if (!status || !status.enrolled) return null;
  const { text, tone } = label(status);
  return (
    <span className="sync-indicator" role="status" data-testid="sync-indicator">
      <span className={`sync-pill sync-${tone}`} title={t('common.sync.hint')}>
        <span className="sync-dot" aria-hidden="true" />
        {text}
      </span>
      {status.clockWarning && (
        <span
          className="sync-pill sync-warn"
          title={t('common.sync.clockHint', { minutes: minutesOff(status) })}
        >
          {t('common.sync.clock')}
        </span>
      )}
    </span>
  );
}
