import type { CashSession } from '../../../../core/api/model';
import { dateTime, money, useT } from '../../i18n';

/** Who opened the open session and when, its float and the cash expected now. */
export function SessionHeader({
  session,
  expected,
  movements,
}: {
  session: CashSession;
  expected: number | null;
  movements: number;
}) {
  const t = useT();
  return (
    <section className="card session-header">
      <div className="session-who">
        <span className="badge badge-open">{t('cash.session.open')}</span>
        <strong className="session-number">
          {t('cash.session.number', { number: session.number })}
        </strong>
        <strong>
          {t('cash.session.openedBy', {
            name: session.openedBy.name,
            when: dateTime(session.openedAt),
          })}
        </strong>
      </div>
      <div className="session-figures">
        <div>
          <small className="muted">{t('cash.session.float')}</small>
          <span className="num">{money(session.openingFloat)}</span>
        </div>
        <div>
          <small className="muted">{t('cash.movements.title')}</small>
          <span className="num">{movements}</span>
        </div>
        <div className="session-expected">
          <small className="muted">{t('cash.session.expected')}</small>
          <span className="num">{expected === null ? '…' : money(expected)}</span>
        </div>
      </div>
    </section>
  );
}
