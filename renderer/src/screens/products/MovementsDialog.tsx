import { useEffect, useState } from 'react';
import type { StockMovement } from '../../../../core/api/model';
import { callOrToast } from '../../api/use-call';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { dateTime, quantity, useT } from '../../i18n';

const PAGE = 50;

function signed(value: number): string {
  return value > 0 ? `+${quantity(value)}` : quantity(value);
}

/** A product's stock ledger, newest first, fifty at a time. */
export function MovementsDialog({
  product,
  onClose,
}: {
  readonly product: { readonly id: number; readonly name: string };
  onClose(): void;
}) {
  const t = useT();
  const [items, setItems] = useState<readonly StockMovement[] | null>(null);
  const [more, setMore] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void callOrToast('stock.movements', { productId: product.id, limit: PAGE }).then((page) => {
      if (!live || !page) return;
      setItems(page);
      setMore(page.length === PAGE);
    });
    return () => {
      live = false;
    };
  }, [product.id]);

  async function loadMore() {
    const last = items?.at(-1);
    if (!last) return;
    setBusy(true);
    const page = await callOrToast('stock.movements', {
      productId: product.id,
      limit: PAGE,
      beforeId: last.id,
    });
    setBusy(false);
    if (!page) return;
    setItems([...(items ?? []), ...page]);
    setMore(page.length === PAGE);
  }

  return (
    <Dialog
      wide
      title={t('products.movements.title', { name: product.name })}
      onClose={onClose}
      footer={<Button onClick={onClose}>{t('common.close')}</Button>}
    >
      {items === null ? (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      ) : items.length === 0 ? (
        <p className="empty">{t('products.movements.none')}</p>
      ) : (
        <>
          <table className="table movements-table">
            <thead>
              <tr>
                <th>{t('common.date')}</th>
                <th>{t('products.movements.kind')}</th>
                <th className="num">{t('common.quantity')}</th>
                <th className="num">{t('products.movements.balance')}</th>
                <th>{t('products.movements.user')}</th>
                <th>{t('common.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((m) => (
                <tr key={m.id}>
                  <td className="nowrap">{dateTime(m.createdAt)}</td>
                  <td>{t(`products.movementKinds.${m.kind}`)}</td>
                  <td className={`num ${m.quantity < 0 ? 'negative' : 'positive'}`}>
                    {signed(m.quantity)}
                  </td>
                  <td className="num">{quantity(m.balanceAfter)}</td>
                  <td>{m.userName ?? '—'}</td>
                  <td className="reason-cell">{m.reason || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {more && (
            <div className="row load-more">
              <Button disabled={busy} onClick={() => void loadMore()}>
                {busy ? t('common.loading') : t('products.movements.more')}
              </Button>
            </div>
          )}
        </>
      )}
    </Dialog>
  );
}
