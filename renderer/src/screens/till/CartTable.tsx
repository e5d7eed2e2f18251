import { memo, useEffect, useRef } from 'react';
import { stockShortage } from '../../../../core/quantity-check';
import { lineQuantity, money, useT } from '../../i18n';
import { useCart } from '../../till/cart-store';
import { productQuantity, stockViewOf, type CartLine } from '../../till/cart-lines';

/** One row; memoized so adding line 301 repaints one row, not 300. */
const CartRow = memo(function CartRow({
  line,
  amount,
  selected,
  index,
  missing,
}: {
  line: CartLine;
  amount: number;
  selected: boolean;
  index: number;
  /** Thousandths of the product the stock lacks, over all its lines; 0 when enough. */
  missing: number;
}) {
  const t = useT();
  const select = useCart((s) => s.select);
  const remove = useCart((s) => s.remove);
  const ref = useRef<HTMLTableRowElement>(null);
  useEffect(() => {
    if (selected) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  return (
    <tr
      ref={ref}
      className={selected ? 'selected' : undefined}
      onClick={() => select(line.key)}
      data-testid="cart-line"
    >
      <td className="num muted">{index + 1}</td>
      <td>
        <div className="line-name">{line.name}</div>
        <div className="line-code muted">
          {line.code}
          {line.fixedAmount !== null && <span className="badge">{t('till.line.label')}</span>}
          {line.unitPrice !== line.listPrice && (
            <span className="badge badge-warning">{t('till.line.priceChanged')}</span>
          )}
          {missing > 0 && (
            <span className="badge badge-warning" data-testid="stock-short" role="status">
              {t('till.quantities.short', {
                stock: lineQuantity(line.stock ?? 0, line.soldBy),
                missing: lineQuantity(missing, line.soldBy),
              })}
            </span>
          )}
        </div>
      </td>
      <td className="num qty">{lineQuantity(line.quantity, line.soldBy)}</td>
      <td className="num">{money(line.unitPrice)}</td>
      <td className="num">{line.discount > 0 ? `-${money(line.discount)}` : ''}</td>
      <td className="num strong">{money(amount)}</td>
      <td>
        <button
          type="button"
          className="btn btn-ghost btn-small"
          tabIndex={-1}
          aria-label={t('till.line.remove')}
          onClick={(e) => {
            e.stopPropagation();
            remove(line.key);
          }}
        >
          ✕
        </button>
      </td>
    </tr>
  );
});

/** How short the stock read with the line is for the product's total in the cart. */
function missingOf(lines: readonly CartLine[], line: CartLine): number {
  const view = stockViewOf(line);
  return view ? stockShortage(productQuantity(lines, line.productId), view) : 0;
}

/**
 * The cart's lines. `amounts` are each line's amount before the order
 * discount, from the same tax-engine preview as the totals.
 */
export function CartTable({ amounts }: { amounts: readonly number[] }) {
  const t = useT();
  const lines = useCart((s) => s.lines);
  const selected = useCart((s) => s.selected);
  if (lines.length === 0) {
    return <div className="cart-empty">{t('till.emptyCart')}</div>;
  }
  return (
    <div className="cart-scroll">
      <table className="table cart-table sticky-head">
        <thead>
          <tr>
            <th className="num">#</th>
            <th>{t('till.line.product')}</th>
            <th className="num">{t('till.line.quantity')}</th>
            <th className="num">{t('till.line.unitPrice')}</th>
            <th className="num">{t('till.line.discount')}</th>
            <th className="num">{t('till.line.total')}</th>
            <th aria-label={t('till.line.remove')} />
          </tr>
        </thead>
        <tbody>
          {lines.map((line, i) => (
            <CartRow
              key={line.key}
              line={line}
              amount={amounts[i] ?? 0}
              selected={line.key === selected}
              index={i}
              missing={missingOf(lines, line)}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
