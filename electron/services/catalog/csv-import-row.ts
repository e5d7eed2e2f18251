import type { ImportChange } from '../../../core/api/model';
import { statement, type ServiceContext } from '../context';
import { adjustStock } from '../stock-adjust';
import { moveStock } from '../stock-ledger';
import { ensureCategory } from './categories';
import { fieldChanges, type IncomingProduct } from './csv-import-diff';
import { productById, productRowById } from './product-rows';
import { insertProduct, patchProduct } from './products';

/** How the rows of one import treat the stock of products that already exist. */
export interface StockPolicy {
  /** Set existing products' stock to the file's, as adjustments with `reason`. */
  readonly setStock: boolean;
  readonly reason: string;
}

export interface RowOutcome {
  readonly outcome: 'created' | 'updated';
  /** For an existing product, what the row changed (absent when nothing did). */
  readonly change?: ImportChange;
}

/**
 * What a row would do to its product now, without writing: the changes the
 * preview lists. Null for a new product (or when nothing would change).
 */
export function previewRow(
  ctx: ServiceContext,
  row: IncomingProduct,
  policy: StockPolicy,
): ImportChange | null {
  const id = statement(ctx, 'SELECT id FROM products WHERE code = ?').pluck().get(row.code) as
    number | undefined;
  if (id === undefined) return null;
  return changeOf(productById(ctx, id), row, policy);
}

function changeOf(
  product: ReturnType<typeof productById>,
  row: IncomingProduct,
  policy: StockPolicy,
): ImportChange | null {
  const fields = fieldChanges(product, row);
  const trackStock = row.trackStock ?? product.trackStock;
  const to = row.stock === undefined ? undefined : row.stock / 1000;
  const stock =
    to !== undefined && to !== product.stock && trackStock
      ? { from: product.stock, to, applied: policy.setStock }
      : undefined;
  if (fields.length === 0 && !stock) return null;
  return {
    line: row.line,
    code: row.code,
    name: product.name,
    fields,
    ...(stock ? { stock } : {}),
  };
}

/**
 * Writes one row; the caller holds the transaction. A new product gets the
 * file's stock as its first movement (IMPORT). An existing one is patched
 * only where the row changes it, and keeps its stock: a re-imported old file
 * must not undo the sales and counts made since. With setStock, the file's
 * stock is reached by a stock adjustment with the import's reason, as if
 * typed in the adjust dialog.
 */
export function writeRow(
  ctx: ServiceContext,
  row: IncomingProduct,
  policy: StockPolicy,
  defaultTaxCategory: string,
): RowOutcome {
  const categoryId = row.categoryName ? ensureCategory(ctx, row.categoryName) : undefined;
  const existing = statement(ctx, 'SELECT id FROM products WHERE code = ?')
    .pluck()
    .get(row.code) as number | undefined;
  if (existing !== undefined) {
    const before = productById(ctx, existing);
    const change = changeOf(before, row, policy);
    if (change && change.fields.length > 0) {
      patchProduct(ctx, {
        id: existing,
        name: row.name,
        price: row.price,
        ...(row.cost === undefined ? {} : { cost: row.cost }),
        ...(row.soldBy === undefined ? {} : { soldBy: row.soldBy }),
        ...(row.taxCategory === undefined ? {} : { taxCategory: row.taxCategory }),
        ...(categoryId === undefined ? {} : { categoryId }),
        ...(row.minStock === undefined ? {} : { minStock: row.minStock }),
        ...(row.trackStock === undefined ? {} : { trackStock: row.trackStock }),
        ...(row.active === undefined ? {} : { active: row.active }),
        ...(row.allowNegative === undefined ? {} : { allowNegative: row.allowNegative }),
        ...(row.barcodes === undefined ? {} : { barcodes: row.barcodes }),
      });
    }
    if (change?.stock?.applied && row.stock !== undefined) {
      const current = productRowById(ctx, existing);
      adjustStock(ctx, current, row.stock - current.stock, policy.reason);
    }
    return { outcome: 'updated', ...(change ? { change } : {}) };
  }
  const product = insertProduct(
    ctx,
    {
      code: row.code,
      name: row.name,
      price: row.price,
      cost: row.cost ?? 0,
      soldBy: row.soldBy ?? 'unit',
      taxCategory: row.taxCategory ?? defaultTaxCategory,
      categoryId: categoryId ?? null,
      minStock: row.minStock ?? 0,
      trackStock: row.trackStock ?? true,
      allowNegative: row.allowNegative ?? false,
      active: row.active ?? true,
      barcodes: row.barcodes ?? [],
    },
    defaultTaxCategory,
  );
  if (row.stock !== undefined && row.stock !== 0) {
    moveStock(ctx, {
      productId: product.id,
      quantity: row.stock,
      kind: 'IMPORT',
      reason: 'Importación CSV',
    });
  }
  return { outcome: 'created' };
}
