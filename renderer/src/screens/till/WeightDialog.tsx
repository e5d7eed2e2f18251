import { useState } from 'react';
import type { ProductHit } from '../../../../core/api/model';
import { roundRatio } from '../../../../core/money/rounding';
import { parseTypedQuantity } from '../../../../core/money/typed';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/Field';
import { currentLocale, money, useT } from '../../i18n';
import { readTyped } from '../../i18n/typed-number';

/**
 * A weighed product picked from the search asks for its weight before it
 * becomes a line (a scale label carries it; a search pick does not), read by
 * the same typed-number rules as every quantity: "0,750" is 750 g.
 */
export function WeightDialog({
  product,
  onWeighed,
  onClose,
}: {
  product: ProductHit;
  /** Thousandths of a kilo. */
  onWeighed(thousandths: number): void;
  onClose(): void;
}) {
  const t = useT();
  const [text, setText] = useState('');
  const read =
    text.trim() === '' ? null : readTyped(() => parseTypedQuantity(text, currentLocale()));
  const grams = read?.ok && read.value > 0 ? read.value : null;
  const error = read && !read.ok ? read.hint : null;
  const submit = () => grams !== null && onWeighed(grams);
  return (
    <Dialog
      title={t('till.quantities.weightTitle', { name: product.name })}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button variant="primary" disabled={grams === null} onClick={submit}>
            {t('till.quantities.add')}
          </Button>
        </>
      }
    >
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <TextField
          label={t('till.quantities.weight')}
          autoFocus
          inputMode="decimal"
          autoComplete="off"
          value={text}
          error={error}
          hint={t('till.quantities.perKilo', { price: money(product.price) })}
          onChange={(e) => setText(e.target.value)}
        />
        {grams !== null && (
          <p className="strong" data-testid="weight-amount">
            {t('till.quantities.weightAmount', {
              amount: money(roundRatio(BigInt(product.price) * BigInt(grams), 1000n, 'HALF_UP')),
            })}
          </p>
        )}
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}
