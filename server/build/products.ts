/** product.upserted: a product created or edited at a till joins the store's catalogue. */
import type { ProductPayload } from '../../core/sync';
import { writeProduct } from '../catalog';
import { thousandths, type BuildContext } from './context';
import { learnProductId } from './stock';

export async function applyProductUpserted(
  ctx: BuildContext,
  product: ProductPayload,
): Promise<void> {
  await learnProductId(ctx, product.id, product.code);
  // Every field the till sent, as the last received edit; its stock figure is left out
  // (stock moves only by movements, or two tills would overwrite each other's sales).
  await writeProduct(
    ctx.tx,
    ctx.changes,
    ctx.device.storeId,
    {
      code: product.code,
      name: product.name,
      category: product.categoryName ?? null,
      soldBy: product.soldBy ?? 'unit',
      price: product.price,
      cost: product.cost ?? 0,
      taxCategory: product.taxCategory,
      trackStock: product.trackStock ?? true,
      allowNegative: product.allowNegative ?? false,
      minStock: thousandths(product.minStock ?? 0),
      active: product.active ?? true,
      barcodes: product.barcodes ?? [],
    },
    `device:${ctx.device.deviceId}`,
    ctx.occurredAt,
  );
}
