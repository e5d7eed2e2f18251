/**
 * What a cashier may not do alone at the till, whichever channel they try it
 * through: a deep discount, an edit that gives money back, an edit of
 * someone else's sale. Each refusal is FORBIDDEN with a reason the till
 * translates and answers by asking for a supervisor's name and PIN; the API
 * audits it.
 */
import { DomainError } from '../../../core/errors';
import type { Actor } from '../../../core/api/model';
import type { TaxDocumentResult } from '../../../core/tax/types';
import { hasRole } from '../access';

/** Who acts, and who (a supervisor or admin, PIN checked) vouched for them. */
export interface Acting {
  readonly actor: Actor;
  readonly authorizer: Actor | null;
}

export function isSupervised(who: Acting): boolean {
  return (
    hasRole(who.actor, 'supervisor') ||
    (who.authorizer !== null && hasRole(who.authorizer, 'supervisor'))
  );
}

/** Throws FORBIDDEN with `reason` unless a supervisor acts or authorized. */
export function requireSupervisor(
  who: Acting,
  reason: string,
  message: string,
  details: Record<string, unknown> = {},
): void {
  if (isSupervised(who)) return;
  throw new DomainError('FORBIDDEN', `${message}: a supervisor must authorize it`, {
    reason,
    ...details,
  });
}

/** Whether `part` is more than `limit` percent of `whole`, in integers. */
function over(part: number, whole: number, limit: number): boolean {
  return part * 100 > whole * limit;
}

/**
 * A line discount, or the sale's discounts together (line plus order, so two
 * small ones cannot stack into a large one), above the store's limit needs a
 * supervisor. Measured on the engine's gross, in the price's own basis.
 */
export function checkDiscounts(totals: TaxDocumentResult, who: Acting, limit: number): void {
  if (isSupervised(who)) return;
  totals.lines.forEach((line, i) => {
    if (line.lineDiscount > 0 && over(line.lineDiscount, line.gross, limit)) {
      requireSupervisor(who, 'DISCOUNT_OVER_LIMIT', `Line ${i + 1}: a discount over ${limit}%`, {
        path: ['lines', i, 'discount'],
        limit,
      });
    }
  });
  if (totals.discount > 0 && over(totals.discount, totals.gross, limit)) {
    requireSupervisor(who, 'DISCOUNT_OVER_LIMIT', `A discount over ${limit}% of the sale`, {
      path: ['orderDiscount'],
      limit,
    });
  }
}

/** Cash kept by a sale, per currency: what cash payments applied after change. */
export function cashKept(
  payments: readonly { method: string; currency: string; amount: number }[],
): Map<string, number> {
  const kept = new Map<string, number>();
  for (const p of payments) {
    if (p.method === 'EFECTIVO') kept.set(p.currency, (kept.get(p.currency) ?? 0) + p.amount);
  }
  return kept;
}

/**
 * An edit that gives money back works as a refund: a lower total, or less
 * cash kept (a cash payment turned into card or credit leaves the difference
 * in the drawer for the taking). Either needs a supervisor.
 */
export function checkEditMoney(
  who: Acting,
  before: { total: number; cash: Map<string, number> },
  after: { total: number; cash: Map<string, number> },
): void {
  if (after.total < before.total) {
    requireSupervisor(who, 'EDIT_LOWERS_TOTAL', "An edit that lowers the sale's total", {
      before: before.total,
      after: after.total,
    });
  }
  for (const [currency, was] of before.cash) {
    const now = after.cash.get(currency) ?? 0;
    if (now < was) {
      requireSupervisor(who, 'EDIT_LOWERS_CASH', 'An edit that takes cash out of the sale', {
        path: ['payments'],
        currency,
        before: was,
        after: now,
      });
    }
  }
}
