import type { ImportChange, ImportFieldChange } from '../../../../core/api/model';
import { plainMoney, quantity, useT } from '../../i18n';

/** Rows shown at most: a 50,000-row re-import says how many more there are. */
const SHOWN = 200;

function valueText(change: ImportFieldChange, side: 'from' | 'to', t: ReturnType<typeof useT>) {
  switch (change.field) {
    case 'price':
    case 'cost':
      return plainMoney(change[side]);
    case 'minStock':
      return quantity(change[side]);
    case 'trackStock':
    case 'active':
    case 'allowNegative':
      return change[side] ? t('common.yes') : t('common.no');
    case 'soldBy':
      return t(`products.import.soldBy.${change[side] === 'weight' ? 'weight' : 'unit'}`);
    case 'barcodes':
      return change[side].length > 0 ? change[side].join(' | ') : '—';
    case 'category':
      return change[side] ?? '—';
    default:
      return change[side];
  }
}

/**
 * What an import changes in products that already exist, field by field,
 * old → new, so re-importing an old file cannot quietly undo a price. Stock
 * says whether it will be set or left as it is.
 */
export function ImportChangesView({
  changes,
  setStock,
}: {
  readonly changes: readonly ImportChange[];
  readonly setStock: boolean;
}) {
  const t = useT();
  if (changes.length === 0) return null;
  return (
    <div className="import-changes" data-testid="import-changes">
      <table className="table">
        <caption>{t('products.import.changesCaption', { count: changes.length })}</caption>
        <thead>
          <tr>
            <th className="num">{t('products.import.line')}</th>
            <th>{t('products.import.product')}</th>
            <th>{t('products.import.change')}</th>
          </tr>
        </thead>
        <tbody>
          {changes.slice(0, SHOWN).map((change) => (
            <tr key={change.code}>
              <td className="num">{change.line}</td>
              <td>
                <span className="mono">{change.code}</span> {change.name}
              </td>
              <td>
                <ul className="change-list">
                  {change.fields.map((field) => (
                    <li key={field.field}>
                      {t(`products.import.fields.${field.field}`)}{' '}
                      <span className="old">{valueText(field, 'from', t)}</span> →{' '}
                      <strong>{valueText(field, 'to', t)}</strong>
                    </li>
                  ))}
                  {change.stock && (
                    <li className={setStock ? undefined : 'kept'}>
                      {t('products.import.fields.stock')}{' '}
                      <span className="old">{quantity(change.stock.from)}</span> →{' '}
                      <strong>{quantity(change.stock.to)}</strong>{' '}
                      <em>
                        {setStock
                          ? t('products.import.stockWillSet')
                          : t('products.import.stockKept')}
                      </em>
                    </li>
                  )}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {changes.length > SHOWN && (
        <p className="muted small">
          {t('products.import.moreChanges', { count: changes.length - SHOWN })}
        </p>
      )}
    </div>
  );
}
