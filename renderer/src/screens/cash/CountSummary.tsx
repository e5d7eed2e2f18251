import { money, useT } from '../../i18n';
import { DifferenceAmount } from './DifferenceAmount';
import type { DifferenceTone } from './count';

/** Expected vs counted, live, with the difference in colour. */
export function CountSummary({
  expected,
  counted,
  difference,
  tone,
  currency,
}: {
  expected: number | null;
  counted: number;
  difference: number | null;
  tone: DifferenceTone | null;
  currency: string;
}) {
  const t = useT();
  return (
    <dl className={`count-summary ${tone ? `cs-tone-${tone}` : ''}`} aria-live="polite">
      <div>
        <dt>{t('cash.close.expected')}</dt>
        <dd className="num" data-testid="count-expected">
          {expected === null ? '…' : money(expected, currency)}
        </dd>
      </div>
      <div>
        <dt>{t('cash.close.counted')}</dt>
        <dd className="num" data-testid="count-counted">
          {money(counted, currency)}
        </dd>
      </div>
      <div className="count-difference">
        <dt>{t('cash.close.difference')}</dt>
        <dd className="num" data-testid="count-difference">
          {difference === null ? (
            '…'
          ) : (
            <>
              <span className="signed">{money(difference, currency)}</span>
              <DifferenceAmount difference={difference} currency={currency} large />
            </>
          )}
        </dd>
      </div>
    </dl>
  );
}
