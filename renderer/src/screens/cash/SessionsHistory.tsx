import type { CashSession } from '../../../../core/api/model';
import { dateTime, money, useT } from '../../i18n';
import { DifferenceAmount } from './DifferenceAmount';

/** This register's sessions, newest first; a click opens its report. */
export function SessionsHistory({
  sessions,
  onOpen,
}: {
  sessions: readonly CashSession[];
  onOpen(session: CashSession): void;
}) {
  const t = useT();
  if (sessions.length === 0) return <p className="empty">{t('cash.history.empty')}</p>;
  return (
    <table className="table sessions">
      <thead>
        <tr>
          <th className="num">{t('cash.history.number')}</th>
          <th>{t('cash.history.opened')}</th>
          <th>{t('cash.history.closed')}</th>
          <th>{t('cash.history.by')}</th>
          <th className="num">{t('cash.history.expected')}</th>
          <th className="num">{t('cash.history.counted')}</th>
          <th>{t('cash.history.difference')}</th>
        </tr>
      </thead>
      <tbody>
        {sessions.map((session) => (
          <tr
            key={session.id}
            className="clickable"
            tabIndex={0}
            aria-label={t('cash.history.open', {
              number: session.number,
              when: dateTime(session.openedAt),
            })}
            onClick={() => onOpen(session)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                onOpen(session);
              }
            }}
          >
            <td className="num">
              <strong>{session.number}</strong>
            </td>
            <td className="cs-when">{dateTime(session.openedAt)}</td>
            <td className="cs-when">
              {session.closedAt ? (
                dateTime(session.closedAt)
              ) : (
                <span className="badge">{t(`cash.statuses.${session.status}`)}</span>
              )}
            </td>
            <td>{session.closedBy?.name ?? session.openedBy.name}</td>
            <td className="num">
              {session.expectedCash === null ? '—' : money(session.expectedCash)}
            </td>
            <td className="num">
              {session.countedCash === null ? '—' : money(session.countedCash)}
            </td>
            <td>
              {session.difference === null ? (
                '—'
              ) : (
                <DifferenceAmount difference={session.difference} />
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
