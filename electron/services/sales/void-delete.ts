/**
 * Voiding a sale (ANULADA: it stays, numbered, with a reason and who allowed it)
 * and deleting one (admins only; gone, but audited).
 */
import { eq } from 'drizzle-orm';
import { DomainError } from '../../../core/errors';
import type { Actor, Sale } from '../../../core/api/model';
import { payments, saleLines, sales, saleTaxes } from '../../../db/schema';
import { actorOf, hasRole, requireRole } from '../access';
import { writeAudit } from '../audit';
import { inTransaction, type ServiceContext } from '../context';
import { appendEvent } from '../outbox';
import { invalidateRollups } from '../rollups';
import { authorizeBy } from '../users';
import {
  hasReturns,
  refuse,
  requireNotVoided,
  requireSessionOpen,
  restoreStock,
} from './past-sale';
import { saleRowById, toSale } from './read';

/** Supervisors and admins void; a cashier needs one of them to type their PIN. */
function voidAuthority(
  ctx: ServiceContext,
  authorizedBy?: { name: string; pin: string },
): Actor | null {
  const actor = actorOf(ctx);
  if (hasRole(actor, 'supervisor')) return null;
  if (!authorizedBy) {
    throw new DomainError(
      'FORBIDDEN',
      "Voiding a sale needs a supervisor or admin: a cashier sends authorizedBy with a supervisor's or admin's name and PIN",
      {
        reason: 'VOID_NEEDS_SUPERVISOR',
      },
    );
  }
  return authorizeBy(ctx, authorizedBy, 'supervisor', 'Voiding a sale');
}

export function voidSale(
  ctx: ServiceContext,
  input: { id: string; reason: string; authorizedBy?: { name: string; pin: string } },
): Sale {
  const authorizer = voidAuthority(ctx, input.authorizedBy);
  return inTransaction(ctx, () => {
    const row = saleRowById(ctx, input.id);
    requireNotVoided(row);
    if (hasReturns(ctx, row.id))
      refuse('HAS_RETURNS', `Sale ${row.number} has returns; return the rest instead of voiding`);
    requireSessionOpen(ctx, row, 'use a return (credit note) instead');
    const before = toSale(ctx, row);
    invalidateRollups(ctx, row.localDate);
    restoreStock(ctx, row.id, 'VOID', input.reason);
    ctx.db.orm
      .update(sales)
      .set({
        status: 'ANULADA',
        voidReason: input.reason,
        voidedBy: authorizer?.id ?? actorOf(ctx).id,
        voidedAt: ctx.now().toISOString(),
      })
      .where(eq(sales.id, row.id))
      .run();
    for (const table of [saleLines, payments, saleTaxes]) {
      ctx.db.orm.update(table).set({ voided: true }).where(eq(table.saleId, row.id)).run();
    }
    const after = toSale(ctx, saleRowById(ctx, row.id));
    writeAudit(ctx, {
      action: 'sales.void',
      entity: 'sale',
      entityId: row.id,
      reason: input.reason,
      before: { status: before.status, number: before.number, total: before.total },
      after: { status: after.status, authorizedBy: authorizer?.name },
    });
    appendEvent(ctx, 'sale.voided', row.id, {
      id: row.id,
      reason: input.reason,
      at: after.void?.at,
    });
    return after;
  });
}

export function deleteSale(
  ctx: ServiceContext,
  input: { id: string; reason: string },
): { deleted: true; number: string } {
  requireRole(ctx, 'admin', 'Deleting a sale');
  return inTransaction(ctx, () => {
    const row = saleRowById(ctx, input.id);
    if (hasReturns(ctx, row.id))
      refuse('HAS_RETURNS', `Sale ${row.number} has returns and cannot be deleted`);
    const before = toSale(ctx, row);
    if (row.status !== 'ANULADA') restoreStock(ctx, row.id, 'DELETE', input.reason);
    invalidateRollups(ctx, row.localDate);
    ctx.db.orm.delete(sales).where(eq(sales.id, row.id)).run();
    writeAudit(ctx, {
      action: 'sales.delete',
      entity: 'sale',
      entityId: row.id,
      reason: input.reason,
      before,
    });
    appendEvent(ctx, 'sale.deleted', row.id, {
      id: row.id,
      number: row.number,
      reason: input.reason,
    });
    return { deleted: true as const, number: row.number };
  });
}
