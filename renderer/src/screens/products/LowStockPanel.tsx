import { useEffect, useState } from 'react';
import type { LowStockItem } from '../../../../core/api/model';
import { callOrToast } from '../../api/use-call';
import { Button } from '../../components/Button';
import { quantity, useT } from '../../i18n';

/** Active stock-tracked products at or below their minimum (stock.low). */
export function LowStockPanel({
  version,
  canEdit,
  onAdjust,
  onHistory,
}: {
  /** Bumped by the screen after an adjustment, to reload. */
  readonly version: number;
  readonly canEdit: boolean;
  onAdjust(item: LowStockItem): void;
  onHistory(item: LowStockItem): void;
}) {
  const t = useT();
  const [items, setItems] = useState<readonly LowStockItem[] | null>(null);

  useEffect(() => {
    let live = true;
    void callOrToast('stock.low', {}).then((low) => {
      if (live && low) setItems(low);
    });
    return () => {
      live = false;
    };
  }, [version]);

  if (items === null) return <p className="muted">{t('common.loading')}</p>;
  if (items.length === 0) return <p className="empty">{t('products.low.none')}</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th>{t('products.fields.code')}</th>
            <th>{t('products.fields.name')}</th>
            <th className="num">{t('products.fields.stock')}</th>
            <th className="num">{t('products.fields.minStock')}</th>
            <th className="actions-col">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <td className="mono">{item.code}</td>
              <td>{item.name}</td>
              <td className="num">
                <span className="badge badge-warning">{quantity(item.stock)}</span>
              </td>
              <td className="num">{quantity(item.minStock)}</td>
              <td className="actions-col">
                <div className="row-actions">
                  {canEdit && (
                    <Button onClick={() => onAdjust(item)}>{t('products.list.adjust')}</Button>
                  )}
                  <Button onClick={() => onHistory(item)}>{t('products.list.history')}</Button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
