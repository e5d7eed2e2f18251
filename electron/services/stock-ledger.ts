import { eq, sql } from 'drizzle-orm';
import type { StockMovementKind } from '../../core/api/model';
import { products, stockMovements } from '../../db/schema';
import type { ServiceContext } from './context';

export interface StockMove {
  readonly productId: number;
  /** Signed thousandths. */
  readonly quantity: number;
  readonly kind: StockMovementKind;
  readonly reason?: string;
  readonly saleId?: string;
}

/**
 * Appends a movement to the ledger and moves products.stock by the same amount.
 * Call inside the transaction of the change that causes it; the two can then
 * never disagree.
 */
export function moveStock(ctx: ServiceContext, move: StockMove): number {
  const { stock } = ctx.db.orm
    .update(products)
    .set({ stock: sql`${products.stock} + ${move.quantity}` })
    .where(eq(products.id, move.productId))
    .returning({ stock: products.stock })
    .get()!;
  ctx.db.orm
    .insert(stockMovements)
    .values({
      productId: move.productId,
      quantity: move.quantity,
      kind: move.kind,
      reason: move.reason ?? '',
      saleId: move.saleId ?? null,
      userId: ctx.actor?.id ?? null,
      balanceAfter: stock,
      createdAt: ctx.now().toISOString(),
    })
    .run();
  return stock;
}
