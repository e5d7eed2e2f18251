import { money, useT } from '../../i18n';
import { toneOf } from './count';

/** A count's difference in words and colour: green balanced, red short, amber over. */
export function DifferenceAmount({
  difference,
  currency,
  large,
}: {
  difference: number;
  currency?: string;
  large?: boolean;
}) {
  const t = useT();
  const tone = toneOf(difference);
  const amount = money(Math.abs(difference), currency);
  return (
    <span className={`cs-diff cs-diff-${tone} ${large ? 'cs-diff-large' : ''}`} data-tone={tone}>
      {tone === 'even' ? t('cash.difference.even') : t(`cash.difference.${tone}`, { amount })}
    </span>
  );
}
