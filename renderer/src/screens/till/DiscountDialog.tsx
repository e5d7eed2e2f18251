import { useState } from 'react';
import { divRound } from '../../../../core/money/rounding';
import { parseTypedPercent } from '../../../../core/money/typed';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/Field';
import { MoneyInput } from '../../components/MoneyInput';
import { currentLocale, useT } from '../../i18n';
import { readTyped } from '../../i18n/typed-number';

/** An order discount as an amount, or as a percentage of the order turned into an amount here. */
export function DiscountDialog({
  current,
  orderAmount,
  onApply,
  onClose,
}: {
  current: number;
  orderAmount: number;
  onApply(amount: number): void;
  onClose(): void;
}) {
  const t = useT();
  const [amount, setAmount] = useState<number | null>(current || null);
  const [percent, setPercent] = useState('');
  const [percentError, setPercentError] = useState<string | null>(null);
  const fromPercent = (text: string) => {
    setPercent(text);
    if (text.trim() === '') return setPercentError(null);
    // Percent in hundredths, so 12.5 % stays exact; read by the same rules as every number typed.
    const read = readTyped(() => parseTypedPercent(text, currentLocale()));
    if (!read.ok) return setPercentError(read.hint);
    if (read.value > 10_000) return setPercentError(t('till.quantities.percentRange'));
    setPercentError(null);
    setAmount(Number(divRound(BigInt(orderAmount) * BigInt(read.value), 10_000n, 'HALF_UP')));
  };
  return (
    <Dialog
      title={t('till.discount.title')}
      onClose={onClose}
      footer={
        <>
          {current > 0 && (
            <Button variant="ghost" onClick={() => onApply(0)}>
              {t('till.discount.remove')}
            </Button>
          )}
          <div className="spacer" />
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            variant="primary"
            disabled={amount === null || amount > orderAmount}
            onClick={() => amount !== null && onApply(amount)}
          >
            {t('till.discount.apply')}
          </Button>
        </>
      }
    >
      <div className="grid-2">
        <MoneyInput
          label={t('till.discount.amount')}
          value={amount}
          onChange={setAmount}
          autoFocus
          onEnter={() => amount !== null && amount <= orderAmount && onApply(amount)}
        />
        <TextField
          label={t('till.discount.percent')}
          inputMode="decimal"
          value={percent}
          error={percentError}
          onChange={(e) => fromPercent(e.target.value)}
          onKeyDown={(e) => {
            // Enter applies the percentage as it applies an amount.
            if (e.key !== 'Enter') return;
            e.preventDefault();
            if (!percentError && amount !== null && amount <= orderAmount) onApply(amount);
          }}
        />
      </div>
    </Dialog>
  );
}
