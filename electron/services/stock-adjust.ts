import { and, desc, eq, lt } from 'drizzle-orm';
import type { StockMovement, StockMovementKind } from '../../core/api/model';
import { stockMovements, users } from '../../db/schema';
import { writeAudit } from './audit';
import type { ServiceContext } from './context';
import { toApiQuantity, type ProductRow } from './catalog/product-rows';
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

export function movements(
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

/**
 * A stock adjustment as stock.adjust records it, for every caller that sets
 * stock by hand (the dialog, a CSV import told to set stock): an ADJUST
 * movement with its reason in the ledger, an audit row with the stock before
 * and after, and the sync event. The caller holds the transaction and has
 * checked that the product tracks stock and that delta is not 0.
 */
export function adjustStock(
  ctx: ServiceContext,
  product: Pick<ProductRow, 'id' | 'stock'>,
  delta: number,
  reason: string,
): StockMovement {
  moveStock(ctx, { productId: product.id, quantity: delta, kind: 'ADJUST', reason });
  const [movement] = movements(ctx, product.id, 1);
  writeAudit(ctx, {
    action: 'stock.adjust',
    entity: 'product',
    entityId: product.id,
    reason,
    before: { stock: toApiQuantity(product.stock) },
    after: { stock: movement!.balanceAfter },
  });
  appendEvent(ctx, 'stock.adjusted', String(product.id), movement);
  return movement!;
}
