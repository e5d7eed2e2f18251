import type { StockMovementKind } from '../../core/api/model';
import { stockMovements } from '../../db/schema';
import { statement, type ServiceContext } from './context';
import { insertRow } from './sql';

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
  const { stock } = statement(
    ctx,
    'UPDATE products SET stock = stock + ? WHERE id = ? RETURNING stock',
  ).get(move.quantity, move.productId) as { stock: number };
  insertRow(ctx, stockMovements, {
    productId: move.productId,
    quantity: move.quantity,
    kind: move.kind,
    reason: move.reason ?? '',
    saleId: move.saleId ?? null,
    userId: ctx.actor?.id ?? null,
    balanceAfter: stock,
    createdAt: ctx.now().toISOString(),
  });
  return stock;
}
