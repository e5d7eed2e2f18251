import { and, desc, eq, lt } from 'drizzle-orm';
import { DomainError } from '../../core/errors';
import type { StockMovement, StockMovementKind } from '../../core/api/model';
import { isLowStock, products, stockMovements, users } from '../../db/schema';
import type { AreaHandlers } from '../handler';
import { writeAudit } from './audit';
import { inTransaction, type ServiceContext } from './context';
import { productRowById, toApiQuantity } from './catalog/product-rows';
import { appendEvent } from './outbox';
import { moveStock } from './stock-ledger';

function toMovement(
  row: typeof stockMovements.$inferSelect,
  userName: string | null,
): StockMovement {
  return {
    id: row.id,
    productId: row.productId,
    quantity: toApiQuantity(row.quantity),
    kind: row.kind as StockMovementKind,
    reason: row.reason,
    saleId: row.saleId,
    userId: row.userId,
    userName,
    balanceAfter: toApiQuantity(row.balanceAfter),
    createdAt: row.createdAt,
  };
}

function movements(
  ctx: ServiceContext,
  productId: number,
  limit: number,
  beforeId?: number,
): StockMovement[] {
  return ctx.db.orm
    .select({ m: stockMovements, userName: users.name })
    .from(stockMovements)
    .leftJoin(users, eq(users.id, stockMovements.userId))
    .where(
      and(
        eq(stockMovements.productId, productId),
        beforeId ? lt(stockMovements.id, beforeId) : undefined,
      ),
    )
    .orderBy(desc(stockMovements.id))
    .limit(limit)
    .all()
    .map(({ m, userName }) => toMovement(m, userName));
}

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
        moveStock(ctx, {
          productId: product.id,
          quantity: delta,
          kind: 'ADJUST',
          reason: input.reason,
        });
        const [movement] = movements(ctx, product.id, 1);
        writeAudit(ctx, {
          action: 'stock.adjust',
          entity: 'product',
          entityId: product.id,
          reason: input.reason,
          before: { stock: toApiQuantity(product.stock) },
          after: { stock: movement!.balanceAfter },
        });
        appendEvent(ctx, 'stock.adjusted', String(product.id), movement);
        return movement!;
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
