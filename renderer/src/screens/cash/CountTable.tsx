import { useRef } from 'react';
import { currentLocale, money, useT } from '../../i18n';
import { countedTotal, parseCount, type Count } from './count';

/**
 * One row per note and coin: type the count (or tap − / +) and see the
 * subtotal. Enter moves to the next piece, and after the last to `onDone`.
 */
export function CountTable({
  count,
  currency,
  onChange,
  onDone,
}: {
  count: Count;
  currency: string;
  onChange(value: number, next: number): void;
  onDone(): void;
}) {
  const t = useT();
  const inputs = useRef<(HTMLInputElement | null)[]>([]);
  return (
    <div className="count-grid" role="group" aria-label={t('cash.close.title')}>
      {count.map(({ value, count: n }, index) => {
        const label = money(value, currency);
        return (
          <div key={value} className={`count-row ${n > 0 ? 'counted' : ''}`}>
            <span className="count-value num">{label}</span>
            <div className="count-input">
              <button
                type="button"
                className="btn"
                tabIndex={-1}
                aria-label={t('cash.close.less', { value: label })}
                disabled={n === 0}
                onClick={() => onChange(value, n - 1)}
              >
                −
              </button>
              <input
                ref={(node) => {
                  inputs.current[index] = node;
                }}
                className="input num"
                inputMode="numeric"
                autoComplete="off"
                autoFocus={index === 0}
                aria-label={t('cash.close.countOf', { value: label })}
                value={n === 0 ? '' : String(n)}
                placeholder="0"
                onFocus={(e) => e.currentTarget.select()}
                onChange={(e) => {
                  const next = parseCount(e.target.value, currentLocale());
                  if (next !== null) onChange(value, next);
                }}
                onKeyDown={(e) => {
                  if (e.key !== 'Enter') return;
                  e.preventDefault();
                  const next = inputs.current[index + 1];
                  if (next) next.focus();
                  else onDone();
                }}
              />
              <button
                type="button"
                className="btn"
                tabIndex={-1}
                aria-label={t('cash.close.more', { value: label })}
                onClick={() => onChange(value, n + 1)}
              >
                +
              </button>
            </div>
            <span className="count-subtotal num">
              {money(countedTotal(currency, [{ value, count: n }]), currency)}
            </span>
          </div>
        );
      })}
    </div>
  );
}
