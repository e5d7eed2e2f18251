import type { Product, ProductHit } from '../../../../core/api/model';
import { Button } from '../../components/Button';
import { money, quantity, useT } from '../../i18n';

type Row = Product | ProductHit;

export interface ProductTableProps {
  readonly items: readonly Row[];
  /** Supervisors and admins edit and adjust; cashiers look. */
  readonly canEdit: boolean;
  /** Search hits carry no category: the column is left out for them. */
  readonly showCategory: boolean;
  onEdit(row: Row): void;
  onAdjust(row: Row): void;
  onHistory(row: Row): void;
}

function isFull(row: Row): row is Product {
  return 'minStock' in row;
}

function StockCell({ row }: { readonly row: Row }) {
  const t = useT();
  if (!row.trackStock) return <span className="muted">{t('products.notTracked')}</span>;
  const unit = row.soldBy === 'weight' ? ` ${t('products.kg')}` : '';
  const low = isFull(row) && row.stock <= row.minStock;
  return (
    <span
      className={low ? 'badge badge-warning' : undefined}
      title={low ? t('products.list.lowHint') : undefined}
    >
      {quantity(row.stock)}
      {unit}
    </span>
  );
}

/** The catalog as a table; each row offers edit, stock adjustment and its history. */
export function ProductTable({
  items,
  canEdit,
  showCategory,
  onEdit,
  onAdjust,
  onHistory,
}: ProductTableProps) {
  const t = useT();
  if (items.length === 0) return <p className="empty">{t('common.noResults')}</p>;
  return (
    <table className="table product-table">
      <thead>
        <tr>
          <th>{t('products.fields.code')}</th>
          <th>{t('products.fields.name')}</th>
          {showCategory && <th>{t('products.fields.category')}</th>}
          <th className="num">{t('products.fields.price')}</th>
          <th className="num">{t('products.fields.stock')}</th>
          <th>{t('common.status')}</th>
          <th className="actions-col">{t('common.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((row) => (
          <tr
            key={row.id}
            className={canEdit ? 'clickable' : undefined}
            onDoubleClick={() => canEdit && onEdit(row)}
          >
            <td className="mono">{row.code}</td>
            <td className="name-cell">{row.name}</td>
            {showCategory && (
              <td className="muted">{isFull(row) ? (row.categoryName ?? '—') : '—'}</td>
            )}
            <td className="num">
              {money(row.price)}
              {row.soldBy === 'weight' && <span className="muted"> /{t('products.kg')}</span>}
            </td>
            <td className="num">
              <StockCell row={row} />
            </td>
            <td>
              {row.active ? (
                <span className="badge">{t('common.active')}</span>
              ) : (
                <span className="badge badge-danger">{t('common.inactive')}</span>
              )}
            </td>
            <td className="actions-col">
              <div className="row-actions">
                {canEdit && (
                  <Button
                    onClick={() => onEdit(row)}
                    aria-label={t('products.list.editOf', { name: row.name })}
                  >
                    {t('common.edit')}
                  </Button>
                )}
                {canEdit && row.trackStock && (
                  <Button
                    onClick={() => onAdjust(row)}
                    aria-label={t('products.list.adjustOf', { name: row.name })}
                  >
                    {t('products.list.adjust')}
                  </Button>
                )}
                <Button
                  onClick={() => onHistory(row)}
                  aria-label={t('products.list.historyOf', { name: row.name })}
                >
                  {t('products.list.history')}
                </Button>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
