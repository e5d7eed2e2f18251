import type { Sale } from '../../../../core/api/model';
import { Button } from '../../components/Button';
import { dateTime, money, useT } from '../../i18n';
import { nameOf, type Person } from './usePeople';

/** What happened to the sale after it was made: a void, an edit, its credit notes (each printable). */
export function SaleEvents({
  sale,
  people,
  onPrintCreditNote,
}: {
  sale: Sale;
  people: readonly Person[];
  onPrintCreditNote(creditNote: Sale['returns'][number]): void;
}) {
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
                  <td className="num">
                    <Button
                      size="small"
                      aria-label={t('sales.detail.printCreditNote', { number: r.number })}
                      onClick={() => onPrintCreditNote(r)}
                    >
                      {t('sales.detail.print')}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
