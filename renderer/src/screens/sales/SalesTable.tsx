import type { CpeInfo, SaleListItem } from '../../../../core/api/model';
import { dateTime, money, useT } from '../../i18n';
import { CpeBadge } from './CpeBadge';
import { StatusBadge } from './StatusBadge';

type CreditNote = SaleListItem['creditNotes'][number];

/**
 * One page of sales; a row opens the sale (click, Enter or Space). A sale's
 * credit notes are listed under its number, each one printable from here.
 */
export function SalesTable({
  items,
  onOpen,
  onPrintCreditNote,
  cpes = new Map(),
}: {
  items: readonly SaleListItem[];
  /** Each sale's electronic document, where one was issued (Peru). */
  cpes?: ReadonlyMap<string, CpeInfo>;
  onOpen(id: string): void;
  onPrintCreditNote(creditNote: CreditNote): void;
}) {
  const t = useT();
  if (items.length === 0) return <p className="empty">{t('sales.list.empty')}</p>;
  return (
    <table className="table sales-table">
      <thead>
        <tr>
          <th>{t('sales.list.number')}</th>
          <th>{t('sales.list.date')}</th>
          <th>{t('sales.list.customer')}</th>
          <th>{t('sales.list.cashier')}</th>
          <th>{t('sales.list.status')}</th>
          <th className="num">{t('sales.list.items')}</th>
          <th className="num">{t('sales.list.total')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((sale) => (
          <tr
            key={sale.id}
            className={`clickable ${sale.status === 'ANULADA' ? 'voided' : ''}`}
            tabIndex={0}
            aria-label={t('sales.list.open', { number: sale.number })}
            onClick={() => onOpen(sale.id)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                onOpen(sale.id);
              }
            }}
          >
            <td>
              <strong className="sale-number">{sale.number}</strong>{' '}
              <span className="muted cs-small">
                {t(`common.documentTypes.${sale.documentType}`)}
              </span>
              {sale.creditNotes.length > 0 && (
                <div className="credit-notes" aria-label={t('sales.list.creditNotes')}>
                  {sale.creditNotes.map((note) => (
                    <button
                      key={note.id}
                      type="button"
                      className="btn btn-small btn-ghost credit-note"
                      aria-label={t('sales.detail.printCreditNote', { number: note.number })}
                      // The row opens the sale; this button prints only the credit note.
                      onClick={(e) => {
                        e.stopPropagation();
                        onPrintCreditNote(note);
                      }}
                      onKeyDown={(e) => e.stopPropagation()}
                    >
                      {note.number} · {t('sales.detail.print')}
                    </button>
                  ))}
                </div>
              )}
            </td>
            <td className="cs-when">{dateTime(sale.createdAt)}</td>
            <td className="cs-ellipsis">{sale.customerName || t('sales.list.anonymous')}</td>
            <td>{sale.cashier.name}</td>
            <td>
              <StatusBadge status={sale.status} />
              {cpes.get(sale.id) && (
                <div className="cpe-state">
                  <CpeBadge cpe={cpes.get(sale.id)!} />
                </div>
              )}
            </td>
            <td className="num">{sale.lineCount}</td>
            <td className="num total">{money(sale.total)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
