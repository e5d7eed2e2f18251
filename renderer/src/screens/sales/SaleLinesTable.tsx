import type { Sale } from '../../../../core/api/model';
import { lineQuantity, money, quantity, useT } from '../../i18n';

/** The sale's lines as sold (snapshots), with what has been returned of each. */
export function SaleLinesTable({ sale }: { sale: Sale }) {
  const t = useT();
  const m = (amount: number) => money(amount, sale.currency);
  return (
    <table className="table sale-lines">
      <thead>
        <tr>
          <th>{t('sales.detail.product')}</th>
          <th className="num">{t('sales.detail.quantity')}</th>
          <th className="num">{t('sales.detail.unitPrice')}</th>
          <th className="num">{t('sales.detail.discount')}</th>
          <th className="num">{t('sales.detail.amount')}</th>
        </tr>
      </thead>
      <tbody>
        {sale.lines.map((line) => {
          const discount = line.lineDiscount + line.orderDiscount;
          return (
            <tr key={line.id}>
              <td>
                <div>{line.name}</div>
                <div className="muted cs-small">
                  {line.code}
                  {line.priceOverridden && <> · {t('sales.detail.priceChanged')}</>}
                  {line.returnedQuantity > 0 && (
                    <>
                      {' · '}
                      <span className="returned">
                        {t('sales.detail.returned', { quantity: quantity(line.returnedQuantity) })}
                      </span>
                    </>
                  )}
                </div>
              </td>
              <td className="num">{lineQuantity(Math.round(line.quantity * 1000), line.soldBy)}</td>
              <td className="num">{m(line.unitPrice)}</td>
              <td className="num">{discount > 0 ? `− ${m(discount)}` : '—'}</td>
              <td className="num">{m(line.total)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
