/**
 * What every change to a sale already made checks first, and how it puts the
 * sale's stock back: shared by edits, voids and deletes.
 */
import { eq } from 'drizzle-orm';
import type { Actor } from '../../../core/api/model';
import { DomainError } from '../../../core/errors';
import { hasRole } from '../access';
import { saleReturns } from '../../../db/schema';
import { sessionRowById } from '../cash/sessions';
import type { ServiceContext } from '../context';
import { moveStock } from '../stock-ledger';
import type { SaleRow } from './read';

export function refuse(reason: string, message: string): never {
  throw new DomainError('INVALID_STATE', message, { reason });
}

export function requireNotVoided(row: SaleRow): void {
  if (row.status === 'ANULADA') refuse('SALE_VOIDED', `Sale ${row.number} is voided`);
}

/**
 * A boleta or factura handed to the customer is a tax document: its customer
 * and payments are what was issued. A cashier may not rewrite them; the
 * correction is a credit note (a return, which a supervisor authorizes) and a
 * new sale. A supervisor's edit stays possible and audited. A nota de venta
 * (TICKET) is the shop's own paper and may still be corrected.
 */
export function requireMayRewriteIssued(
  actor: Actor,
  row: SaleRow,
  changes: { customer: boolean; payments: boolean },
): void {
  if (row.documentType !== 'BOLETA' && row.documentType !== 'FACTURA') return;
  if (!changes.customer && !changes.payments) return;
  if (hasRole(actor, 'supervisor')) return;
  const what = [changes.customer && 'customer', changes.payments && 'payments']
    .filter(Boolean)
    .join(' and ');
  throw new DomainError(
    'FORBIDDEN',
    `${row.number} is an issued ${row.documentType.toLowerCase()}: a cashier cannot change its ${what}. Issue a credit note (a return, authorized by a supervisor) and sell again`,
    { reason: 'ISSUED_DOCUMENT', number: row.number, documentType: row.documentType },
  );
}

export function hasReturns(ctx: ServiceContext, saleId: string): boolean {
  return (
    ctx.db.orm
      .select({ id: saleReturns.id })
      .from(saleReturns)
      .where(eq(saleReturns.saleId, saleId))
      .get() !== undefined
  );
}

/** Money and stock of a sale change only while its cash session is open: a closed session never changes. */
export function requireSessionOpen(ctx: ServiceContext, row: SaleRow, hint: string): void {
  if (sessionRowById(ctx, row.sessionId).status !== 'ABIERTA') {
    refuse('SESSION_CLOSED', `Sale ${row.number} belongs to a closed cash session; ${hint}`);
  }
}

/**
 * Per product, the thousandths this sale has taken out of stock so far, read
 * from the ledger: what a void or an edit must undo, even if the product
 * started or stopped tracking stock since the sale.
 */
export function takenBySale(ctx: ServiceContext, saleId: string): Map<number, number> {
  const rows = ctx.db.sqlite
    .prepare(
      'SELECT product_id AS productId, -SUM(quantity) AS taken FROM stock_movements WHERE sale_id = ? GROUP BY product_id',
    )
    .all(saleId) as { productId: number; taken: number }[];
  return new Map(rows.filter((r) => r.taken !== 0).map((r) => [r.productId, r.taken]));
}

/** Puts back into stock everything the sale took out (per the ledger). */
export function restoreStock(
  ctx: ServiceContext,
  saleId: string,
  kind: 'VOID' | 'DELETE',
  reason: string,
): void {
  for (const [productId, quantity] of takenBySale(ctx, saleId)) {
    moveStock(ctx, { productId, quantity, kind, reason, saleId });
  }
}
