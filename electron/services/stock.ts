import { and, eq } from 'drizzle-orm';
import { DomainError } from '../../core/errors';
import { isLowStock, products } from '../../db/schema';
import type { AreaHandlers } from '../handler';
import { inTransaction } from './context';
import { productRowById, toApiQuantity } from './catalog/product-rows';
import { adjustStock, movements } from './stock-adjust';

export const stockHandlers: AreaHandlers<'stock'> = {
  'stock.adjust': {
    access: 'supervisor',
    run: (input, ctx) =>
      inTransaction(ctx, () => {
        const product = productRowById(ctx, input.productId);
        if (!product.trackStock) {
          throw new DomainError('INVALID_STATE', `${product.name} does not track stock`, {
            reason: 'NOT_STOCK_TRACKED',
          });
        }
        const delta = input.delta ?? (input.counted ?? product.stock) - product.stock;
        if (delta === 0) {
          throw new DomainError('VALIDATION', `${product.name} already has that stock`, {
            reason: 'NO_CHANGE',
            path: ['counted'],
          });
        }
        return adjustStock(ctx, product, delta, input.reason);
      }),
  },
  'stock.movements': {
    access: 'user',
    run: (input, ctx) => {
      productRowById(ctx, input.productId);
      return movements(ctx, input.productId, input.limit, input.beforeId);
    },
  },
  'stock.low': {
    access: 'user',
    run: (_input, ctx) =>
      ctx.db.orm
        .select({
          id: products.id,
          code: products.code,
          name: products.name,
          stock: products.stock,
          minStock: products.minStock,
        })
        .from(products)
        .where(and(isLowStock, eq(products.active, true)))
        .orderBy(products.name)
        .limit(1000)
        .all()
        .map((p) => ({ ...p, stock: toApiQuantity(p.stock), minStock: toApiQuantity(p.minStock) })),
  },
};
