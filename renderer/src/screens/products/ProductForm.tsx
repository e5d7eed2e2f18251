import { useId, useState } from 'react';
import type { Category, Product } from '../../../../core/api/model';
import { CallError, call } from '../../api/use-call';
import { CheckField, SelectField, TextField } from '../../components/Field';
import { FormDialog } from '../../components/FormDialog';
import { MoneyInput } from '../../components/MoneyInput';
import { quantity, useT } from '../../i18n';
import { useSession } from '../../state/session';
import { BarcodeChips } from './BarcodeChips';
import { CategoryPicker } from './CategoryPicker';
import { fieldErrors } from '../../api/field-errors';
import {
  createInputOf,
  draftOf,
  emptyDraft,
  updateInputOf,
  type ProductDraft,
} from './product-draft';

export interface ProductFormProps {
  /** The product to edit, or null to create one. */
  readonly product: Product | null;
  readonly categories: readonly Category[];
  onCategoryCreated(category: Category): void;
  onSaved(product: Product): void;
  onClose(): void;
}

/** Creates or edits a product; Enter saves, Escape closes. */
export function ProductForm({
  product,
  categories,
  onCategoryCreated,
  onSaved,
  onClose,
}: ProductFormProps) {
  const t = useT();
  const formId = useId();
  const taxCategories = useSession((s) => s.taxCategories);
  const settings = useSession((s) => s.settings);
  const defaultTax = taxCategories.find((c) => c.active)?.code ?? '';
  const [draft, setDraft] = useState<ProductDraft>(() =>
    product ? draftOf(product) : emptyDraft(defaultTax),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof ProductDraft>(key: K, value: ProductDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors(({ [key]: _fixed, ...rest }) => rest);
  };

  async function submit() {
    const update = product ? updateInputOf(product.id, draft) : null;
    const create = product ? null : createInputOf(draft);
    const checked = update ?? create!;
    if (!checked.ok) {
      setErrors(
        Object.fromEntries(
          Object.entries(checked.errors).map(([k, v]) => [
            k,
            v === 'required'
              ? t('products.validation.required')
              : t('products.validation.quantity'),
          ]),
        ),
      );
      return;
    }
    setBusy(true);
    try {
      if (update?.ok) onSaved(await call('products.update', update.input));
      else if (create?.ok) onSaved(await call('products.create', create.input));
    } catch (e) {
      if (!(e instanceof CallError)) throw e;
      setErrors(fieldErrors(e.info, 'products'));
    } finally {
      setBusy(false);
    }
  }

  const perProduct = settings?.negativeStock === 'per_product';
  return (
    <FormDialog
      wide
      title={
        product ? t('products.form.editTitle', { name: product.name }) : t('products.form.newTitle')
      }
      onClose={onClose}
      onSubmit={() => void submit()}
      submitLabel={t('common.save')}
      busy={busy}
      footerStart={errors._form && <p className="field-error form-error">{errors._form}</p>}
      formClassName="product-form"
    >
      <div className="form-grid-code">
        <TextField
          label={t('products.fields.code')}
          value={draft.code}
          autoFocus={!product}
          error={errors.code}
          onChange={(e) => set('code', e.target.value)}
        />
        <TextField
          label={t('products.fields.name')}
          value={draft.name}
          autoFocus={!!product}
          error={errors.name}
          onChange={(e) => set('name', e.target.value)}
        />
      </div>
      <div className="grid-3">
        <CategoryPicker
          categories={categories}
          value={draft.categoryId}
          error={errors.categoryId}
          onChange={(id) => set('categoryId', id)}
          onCreated={onCategoryCreated}
        />
        <SelectField
          label={t('products.fields.taxCategory')}
          value={draft.taxCategory}
          error={errors.taxCategory}
          onChange={(e) => set('taxCategory', e.target.value)}
        >
          {taxCategories
            .filter((c) => c.active || c.code === draft.taxCategory)
            .map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
        </SelectField>
        <fieldset className="field segmented">
          <legend>{t('products.fields.soldBy')}</legend>
          <div className="row">
            {(['unit', 'weight'] as const).map((soldBy) => (
              <label key={soldBy} className="check">
                <input
                  type="radio"
                  name={`${formId}-soldBy`}
                  checked={draft.soldBy === soldBy}
                  onChange={() => set('soldBy', soldBy)}
                />
                <span>{t(`products.soldBy.${soldBy}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      <div className="grid-3">
        <div>
          <MoneyInput
            label={
              draft.soldBy === 'weight'
                ? t('products.fields.pricePerKg')
                : t('products.fields.price')
            }
            value={draft.price}
            onChange={(v) => set('price', v)}
            onEnter={() => void submit()}
          />
          {errors.price && <small className="field-error">{errors.price}</small>}
        </div>
        <div>
          <MoneyInput
            label={t('products.fields.cost')}
            value={draft.cost}
            onChange={(v) => set('cost', v)}
            onEnter={() => void submit()}
          />
          {errors.cost && <small className="field-error">{errors.cost}</small>}
        </div>
        <CheckField
          label={t('products.fields.active')}
          checked={draft.active}
          onChange={(e) => set('active', e.target.checked)}
        />
      </div>
      <div className="grid-3">
        <CheckField
          label={t('products.fields.trackStock')}
          checked={draft.trackStock}
          onChange={(e) => set('trackStock', e.target.checked)}
        />
        <TextField
          label={t('products.fields.minStock')}
          value={draft.minStock}
          inputMode="decimal"
          disabled={!draft.trackStock}
          error={errors.minStock}
          onChange={(e) => set('minStock', e.target.value)}
        />
        {product ? (
          <div className="field">
            <span>{t('products.fields.stock')}</span>
            <output className="input readonly num">
              {product.trackStock ? quantity(product.stock) : t('products.notTracked')}
            </output>
          </div>
        ) : (
          <TextField
            label={t('products.fields.initialStock')}
            value={draft.initialStock}
            inputMode="decimal"
            disabled={!draft.trackStock}
            error={errors.initialStock}
            hint={t('products.form.initialStockHint')}
            onChange={(e) => set('initialStock', e.target.value)}
          />
        )}
      </div>
      {perProduct && draft.trackStock && (
        <CheckField
          label={t('products.fields.allowNegative')}
          checked={draft.allowNegative}
          onChange={(e) => set('allowNegative', e.target.checked)}
        />
      )}
      <BarcodeChips
        value={draft.barcodes}
        error={errors.barcodes}
        onChange={(next) => set('barcodes', next)}
      />
    </FormDialog>
  );
}
