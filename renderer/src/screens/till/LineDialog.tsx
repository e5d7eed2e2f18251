import { useState } from 'react';
import { DomainError } from '../../../../core/errors';
import { parseQuantity } from '../../../../core/money/parse';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/Field';
import { MoneyInput } from '../../components/MoneyInput';
import { currentLocale, quantity as formatQuantity, useT } from '../../i18n';
import type { CartLine } from '../../till/cart-lines';

/** F8: quantity, line discount, and the price when the user may change it. */
export function LineDialog({
  line,
  mayChangePrice,
  onApply,
  onClose,
}: {
  line: CartLine;
  mayChangePrice: boolean;
  onApply(changes: { quantity: number; unitPrice: number; discount: number }): void;
  onClose(): void;
}) {
  const t = useT();
  const [qty, setQty] = useState(formatQuantity(line.quantity / 1000));
  const [price, setPrice] = useState<number | null>(line.unitPrice);
  const [discount, setDiscount] = useState<number | null>(line.discount);
  let parsed: number | null = null;
  let qtyError: string | null = null;
  try {
    parsed = parseQuantity(qty, currentLocale());
    if (parsed <= 0) qtyError = t('errors.codes.QUANTITY_OUT_OF_RANGE');
    else if (line.soldBy === 'unit' && parsed % 1000 !== 0)
      qtyError = t('errors.reasons.FRACTIONAL_UNITS');
  } catch (error) {
    qtyError =
      error instanceof DomainError ? t('errors.codes.QUANTITY_OUT_OF_RANGE') : String(error);
  }
  const fixed = line.fixedAmount !== null;
  const valid = !qtyError && parsed !== null && price !== null && discount !== null;
  const apply = () => {
    if (valid) onApply({ quantity: parsed!, unitPrice: price!, discount: discount! });
  };
  return (
    <Dialog
      title={`${t('till.edit.title')}: ${line.name}`}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button variant="primary" disabled={!valid} onClick={apply}>
            {t('till.edit.apply')}
          </Button>
        </>
      }
    >
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          apply();
        }}
      >
        {fixed ? (
          <p className="muted">{t('till.edit.fixedByLabel')}</p>
        ) : (
          <TextField
            label={t('till.edit.quantity')}
            autoFocus
            inputMode="decimal"
            value={qty}
            error={qtyError}
            onChange={(e) => setQty(e.target.value)}
          />
        )}
        <MoneyInput
          label={t('till.edit.unitPrice')}
          value={price}
          onChange={setPrice}
          disabled={!mayChangePrice || fixed}
        />
        {!mayChangePrice && <small className="muted">{t('till.edit.needsSupervisor')}</small>}
        <MoneyInput
          label={t('till.edit.discount')}
          value={discount}
          onChange={setDiscount}
          onEnter={apply}
        />
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}
