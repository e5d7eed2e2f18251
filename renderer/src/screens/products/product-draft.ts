import type { ChannelInput } from '../../../../core/api/client';
import type { Product, SoldBy } from '../../../../core/api/model';
import { parseQuantityText, quantityText } from './quantity-text';

/** What the product form edits: amounts in minor units, quantities as typed. */
export interface ProductDraft {
  readonly code: string;
  readonly name: string;
  readonly categoryId: number | null;
  readonly taxCategory: string;
  readonly soldBy: SoldBy;
  readonly price: number | null;
  readonly cost: number | null;
  readonly trackStock: boolean;
  readonly allowNegative: boolean;
  readonly minStock: string;
  readonly initialStock: string;
  readonly active: boolean;
  readonly barcodes: readonly string[];
}

export function emptyDraft(taxCategory: string): ProductDraft {
  return {
    code: '',
    name: '',
    categoryId: null,
    taxCategory,
    soldBy: 'unit',
    price: null,
    cost: 0,
    trackStock: true,
    allowNegative: false,
    minStock: '0',
    initialStock: '',
    active: true,
    barcodes: [],
  };
}

export function draftOf(product: Product): ProductDraft {
  return {
    code: product.code,
    name: product.name,
    categoryId: product.categoryId,
    taxCategory: product.taxCategory,
    soldBy: product.soldBy,
    price: product.price,
    cost: product.cost,
    trackStock: product.trackStock,
    allowNegative: product.allowNegative,
    minStock: quantityText(product.minStock),
    initialStock: '',
    active: product.active,
    barcodes: product.barcodes,
  };
}

type CreateInput = ChannelInput<'products.create'>;
type UpdateInput = ChannelInput<'products.update'>;

export type DraftCheck<T> =
  | { readonly ok: true; readonly input: T }
  | { readonly ok: false; readonly errors: Readonly<Record<string, 'required' | 'quantity'>> };

/**
 * The form's draft as the API's input. Only what the form itself can tell is
 * checked here (an empty price, a quantity that is not a number); every rule
 * is the main process's, whose errors land on the same field names.
 */
export function createInputOf(draft: ProductDraft): DraftCheck<CreateInput> {
  const errors: Record<string, 'required' | 'quantity'> = {};
  if (draft.price === null) errors.price = 'required';
  const minStock = draft.minStock.trim() === '' ? 0 : parseQuantityText(draft.minStock);
  if (minStock === null) errors.minStock = 'quantity';
  const initialStock =
    draft.initialStock.trim() === ''
      ? undefined
      : parseQuantityText(draft.initialStock, { allowNegative: true });
  if (initialStock === null) errors.initialStock = 'quantity';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    input: {
      code: draft.code.trim(),
      name: draft.name.trim(),
      categoryId: draft.categoryId,
      taxCategory: draft.taxCategory,
      soldBy: draft.soldBy,
      price: draft.price!,
      cost: draft.cost ?? 0,
      trackStock: draft.trackStock,
      allowNegative: draft.allowNegative,
      minStock: minStock!,
      active: draft.active,
      barcodes: [...draft.barcodes],
      ...(initialStock === undefined || initialStock === null ? {} : { initialStock }),
    },
  };
}

export function updateInputOf(id: number, draft: ProductDraft): DraftCheck<UpdateInput> {
  const checked = createInputOf({ ...draft, initialStock: '' });
  if (!checked.ok) return checked;
  return { ok: true, input: { id, ...checked.input } };
}
