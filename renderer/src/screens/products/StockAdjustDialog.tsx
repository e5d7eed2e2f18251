import { useId, useState } from 'react';
import type { StockMovement } from '../../../../core/api/model';
import { CallError, call } from '../../api/use-call';
import { TextField } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { quantity, useT } from '../../i18n';
import { fieldErrors } from '../../api/field-errors';
import { readQuantityText } from './quantity-text';

export interface StockTarget {
  readonly id: number;
  readonly name: string;
  readonly stock: number;
}

type Mode = 'delta' | 'counted';

const REASONS = ['restock', 'count', 'waste', 'expired', 'damaged', 'correction'] as const;

/** Adjusts a product's stock by a signed amount or to a counted quantity, with a reason. */
export function StockAdjustDialog({
  product,
  onDone,
  onClose,
}: {
  readonly product: StockTarget;
  onDone(movement: StockMovement): void;
  onClose(): void;
}) {
  const t = useT();
  const formId = useId();
  const [mode, setMode] = useState<Mode>('delta');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const read = amount.trim() === '' ? null : readQuantityText(amount, { allowNegative: true });
  const value = read?.ok ? read.value : null;
  const after = value === null ? null : mode === 'delta' ? product.stock + value : value;

  async function submit() {
    if (value === null) {
      setErrors({
        [mode]:
          read === null
            ? t('products.validation.required')
            : read.ok
              ? t('products.validation.quantity')
              : read.hint,
      });
      return;
    }
    setBusy(true);
    try {
      const movement = await call('stock.adjust', {
        productId: product.id,
        reason,
        ...(mode === 'delta' ? { delta: value } : { counted: value }),
      });
      onDone(movement);
    } catch (e) {
      if (!(e instanceof CallError)) throw e;
      setErrors(fieldErrors(e.info, 'products'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <FormDialog
      title={t('products.adjust.title', { name: product.name })}
      onClose={onClose}
      onSubmit={() => void submit()}
      submitLabel={t('products.adjust.submit')}
      busy={busy}
    >
      <fieldset className="field segmented">
        <legend>{t('products.adjust.mode')}</legend>
        <div className="row">
          {(['delta', 'counted'] as const).map((m) => (
            <label key={m} className="check">
              <input
                type="radio"
                name={`${formId}-mode`}
                checked={mode === m}
                onChange={() => {
                  setMode(m);
                  setErrors({});
                }}
              />
              <span>{t(`products.adjust.modes.${m}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <TextField
        label={mode === 'delta' ? t('products.adjust.delta') : t('products.adjust.counted')}
        hint={mode === 'delta' ? t('products.adjust.deltaHint') : t('products.adjust.countedHint')}
        value={amount}
        inputMode="decimal"
        autoFocus
        autoComplete="off"
        className="num-field"
        error={errors[mode] ?? errors.delta}
        onChange={(e) => setAmount(e.target.value)}
      />
      <TextField
        label={t('common.reason')}
        value={reason}
        list={`${formId}-reasons`}
        error={errors.reason}
        autoComplete="off"
        onChange={(e) => setReason(e.target.value)}
      />
      <datalist id={`${formId}-reasons`}>
        {REASONS.map((r) => (
          <option key={r} value={t(`products.adjust.reasons.${r}`)} />
        ))}
      </datalist>
      <dl className="stock-preview">
        <div>
          <dt>{t('products.adjust.current')}</dt>
          <dd className="num">{quantity(product.stock)}</dd>
        </div>
        <div>
          <dt>{t('products.adjust.after')}</dt>
          <dd className="num">{after === null ? '—' : quantity(after)}</dd>
        </div>
      </dl>
      {errors._form && <p className="field-error">{errors._form}</p>}
    </FormDialog>
  );
}
