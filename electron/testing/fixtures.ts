/** Small builders for the catalog and the day's work, over the real API. */
import type { Product } from '../../core/api/model';
import type { Till } from './till';

export async function product(
  till: Till,
  fields: { code: string; name?: string; price: number; stock?: number; [key: string]: unknown },
): Promise<Product> {
  const { stock, ...rest } = fields;
  return till.call('products.create', {
    name: fields.name ?? `Producto ${fields.code}`,
    ...rest,
    ...(stock === undefined ? {} : { initialStock: stock }),
  } as never);
}

export async function openSession(till: Till, float = 10000) {
  return till.call('cash.open', { float });
}

/** Sells with exact cash unless payments are given. */
export async function sell(
  till: Till,
  lines: {
    productId?: number;
    barcode?: string;
    quantity?: number;
    unitPrice?: number;
    discount?: number;
  }[],
  extra: Record<string, unknown> = {},
) {
  const id = till.uuid();
  if (!('payments' in extra)) {
    const preview = await till.result('sales.create', { id, lines, payments: [], ...extra });
    if (preview.ok) return preview.value;
    const due = (preview.error.details as { due?: number } | undefined)?.due;
    if (due === undefined) throw new Error(`${preview.error.code}: ${preview.error.message}`);
    return till.call('sales.create', {
      id,
      lines,
      payments: [{ method: 'EFECTIVO', amount: due }],
      ...extra,
    } as never);
  }
  return till.call('sales.create', { id, lines, ...extra } as never);
}
