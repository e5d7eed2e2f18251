import type { CashMovement } from '../../../../core/api/model';
import { dateTime, money, useT } from '../../i18n';

/** The session's cash in and out, newest first. */
export function MovementsList({ movements }: { movements: readonly CashMovement[] }) {
  const t = useT();
  if (movements.length === 0) return <p className="empty">{t('cash.movements.empty')}</p>;
  return (
    <table className="table movements">
      <thead>
        <tr>
          <th>{t('cash.movements.time')}</th>
          <th>{t('cash.movements.type')}</th>
          <th>{t('cash.movements.user')}</th>
          <th className="num">{t('cash.movements.amount')}</th>
        </tr>
      </thead>
      <tbody>
        {movements.map((movement) => (
          <tr key={movement.id}>
            <td className="cs-when">{dateTime(movement.createdAt, 'time')}</td>
            <td>
              <span className={`badge ${movement.direction === 'OUT' ? 'badge-warning' : ''}`}>
                {t(`common.movementTypes.${movement.type}`)}
              </span>
              {movement.description && <div className="muted cs-small">{movement.description}</div>}
            </td>
            <td>{movement.user.name}</td>
            <td className={`num amount-${movement.direction}`}>
              {movement.direction === 'IN' ? '+' : '−'} {money(movement.amount)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
