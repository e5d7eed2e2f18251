import { useState } from 'react';
import { separatorsOf } from '../../../../core/money/locale';
import { minorToDecimalString } from '../../../../core/money/format';
import { parseTypedQuantity } from '../../../../core/money/typed';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/Field';
import { MoneyInput } from '../../components/MoneyInput';
import { currentLocale, lineQuantity, useT } from '../../i18n';
import { readTyped } from '../../i18n/typed-number';
import { stockViewOf, type CartLine } from '../../till/cart-lines';
import { questionFor } from '../../till/quantity-question';
import { QuantityReasons } from './QuantityConfirm';

/** The quantity as the field starts: "0.750" for part of a kilo, "2" for whole ones and units. */
function quantityText(line: CartLine): string {
  const text =
    line.quantity % 1000 === 0
      ? String(line.quantity / 1000)
      : minorToDecimalString(line.quantity, 3);
  return text.replace('.', separatorsOf(currentLocale()).decimal);
}

/**
 * F8: quantity, line discount, and the price when the user may change it. The
 * quantity is read by core's typed-number rules ("0,750" kg is 750 g, never
 * 750 kg); one over the sane limit or far above the stock is shown, and
 * applied only at a second Apply.
 */
export function LineDialog({
  line,
  otherQuantity,
  mayChangePrice,
  onApply,
  onClose,
}: {
  line: CartLine;
  /** Thousandths of the same product on the sale's other lines. */
  otherQuantity: number;
  mayChangePrice: boolean;
  onApply(changes: { quantity: number; unitPrice: number; discount: number }): void;
  onClose(): void;
}) {
  const t = useT();
  const [qty, setQty] = useState(() => quantityText(line));
  const [price, setPrice] = useState<number | null>(line.unitPrice);
  const [discount, setDiscount] = useState<number | null>(line.discount);
  const [acknowledged, setAcknowledged] = useState<number | null>(null);
  const read = readTyped(() => parseTypedQuantity(qty, currentLocale()));
  const parsed = read.ok ? read.value : null;
  let qtyError: string | null = read.ok ? null : read.hint;
  if (parsed !== null && parsed <= 0) qtyError = t('errors.codes.QUANTITY_OUT_OF_RANGE');
  else if (parsed !== null && line.soldBy === 'unit' && parsed % 1000 !== 0)
    qtyError = t('errors.reasons.FRACTIONAL_UNITS');
  const fixed = line.fixedAmount !== null;
  const view = stockViewOf(line) ?? { soldBy: line.soldBy, trackStock: false, stock: 0 };
  const question =
    !fixed && !qtyError && parsed !== null && parsed !== line.quantity
      ? questionFor(
          { ...view, name: line.name },
          parsed,
          otherQuantity + line.quantity,
          otherQuantity + parsed,
        )
      : null;
  const valid = !qtyError && parsed !== null && price !== null && discount !== null;
  const mustConfirm = question !== null && acknowledged !== parsed;
  const apply = () => {
    if (!valid) return;
    if (mustConfirm) return setAcknowledged(parsed);
    onApply({ quantity: parsed!, unitPrice: price!, discount: discount! });
  };
  return (
    <Dialog
      title={`${t('till.edit.title')}: ${line.name}`}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            variant={question ? 'danger' : 'primary'}
            disabled={!valid}
            onClick={apply}
            data-testid="apply-line"
          >
            {question && acknowledged === parsed
              ? t('till.quantities.confirmSet', { quantity: lineQuantity(parsed!, line.soldBy) })
              : t('till.edit.apply')}
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
            label={line.soldBy === 'weight' ? t('till.quantities.weight') : t('till.edit.quantity')}
            autoFocus
            inputMode="decimal"
            value={qty}
            error={qtyError}
            onChange={(e) => setQty(e.target.value)}
          />
        )}
        {question && acknowledged === parsed && <QuantityReasons question={question} />}
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
