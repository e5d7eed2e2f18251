import type { Sale } from '../../../../core/api/model';
import { dateTime, money, useT } from '../../i18n';
import { nameOf, type Person } from './usePeople';

/** What happened to the sale after it was made: a void, an edit, its credit notes. */
export function SaleEvents({ sale, people }: { sale: Sale; people: readonly Person[] }) {
  const t = useT();
  if (!sale.void && !sale.edit && sale.returns.length === 0) return null;
  return (
    <section className="card stack sale-events">
      {sale.void && (
        <div className="event event-void" role="note">
          <strong>
            {t('sales.detail.voided', {
              when: dateTime(sale.void.at),
              name: nameOf(people, sale.void.by),
            })}
          </strong>
          <span>{t('sales.detail.reason', { reason: sale.void.reason })}</span>
        </div>
      )}
      {sale.edit && (
        <div className="event event-edit" role="note">
          <strong>
            {t('sales.detail.edited', {
              when: dateTime(sale.edit.at),
              name: nameOf(people, sale.edit.by),
            })}
          </strong>
          <span>{t('sales.detail.reason', { reason: sale.edit.reason })}</span>
        </div>
      )}
      {sale.returns.length > 0 && (
        <div className="stack">
          <h2>{t('sales.detail.returns')}</h2>
          <table className="table">
            <tbody>
              {sale.returns.map((r) => (
                <tr key={r.id}>
                  <td>
                    <strong>{r.number}</strong>
                    <div className="muted cs-small">{dateTime(r.createdAt)}</div>
                  </td>
                  <td>{r.reason}</td>
                  <td className="num">− {money(r.total, sale.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
