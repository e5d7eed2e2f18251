import type { Sale } from '../../../../core/api/model';
import { lineQuantity, quantity, useT } from '../../i18n';
import { fromThousandths, toThousandths } from './quantities';
import { returnable } from './return-lines';

/** Each line with what was sold, what went back already, and how much to return now. */
export function ReturnLinesTable({
  sale,
  texts,
  errors,
  onChange,
}: {
  sale: Sale;
  texts: Readonly<Record<number, string>>;
  errors: Readonly<Record<string, string>>;
  onChange(lineId: number, text: string): void;
}) {
  const t = useT();
  return (
    <table className="table return-lines">
      <thead>
        <tr>
          <th>{t('sales.return.product')}</th>
          <th className="num">{t('sales.return.sold')}</th>
          <th className="num">{t('sales.return.alreadyReturned')}</th>
          <th>{t('sales.return.quantity')}</th>
        </tr>
      </thead>
      <tbody>
        {sale.lines.map((line, index) => {
          const left = returnable(line);
          const error = errors[`line-${line.id}`];
          return (
            <tr key={line.id} className={left === 0 ? 'muted' : undefined}>
              <td>
                <div>{line.name}</div>
                <div className="muted cs-small">{line.code}</div>
              </td>
              {/* With the unit, as on the receipt: "1.250 kg", not "1.25". */}
              <td className="num">{lineQuantity(toThousandths(line.quantity), line.soldBy)}</td>
              <td className="num">
                {line.returnedQuantity > 0
                  ? lineQuantity(toThousandths(line.returnedQuantity), line.soldBy)
                  : '—'}
              </td>
              <td>
                <div className="return-qty">
                  <input
                    className="input num"
                    inputMode="decimal"
                    autoComplete="off"
                    autoFocus={index === 0 && left > 0}
                    disabled={left === 0}
                    placeholder="0"
                    aria-label={t('sales.return.quantityOf', { name: line.name })}
                    aria-invalid={error ? true : undefined}
                    value={texts[line.id] ?? ''}
                    onChange={(e) => onChange(line.id, e.target.value)}
                  />
                  {line.soldBy === 'weight' && <span className="return-unit">kg</span>}
                  <button
                    type="button"
                    className="btn"
                    disabled={left === 0}
                    aria-label={t('sales.return.allOf', { name: line.name })}
                    onClick={() => onChange(line.id, quantity(fromThousandths(left)))}
                  >
                    {t('sales.return.all')}
                  </button>
                </div>
                {error && <small className="field-error">{error}</small>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
