/**
 * Outbox pruning. An event the server acknowledged is stored there for good;
 * the till keeps it a while longer (to answer a server restored from an older
 * backup) and then drops it. An event never acknowledged is never deleted.
 */
import { and, isNotNull, lt } from 'drizzle-orm';
import { outbox } from '../../../db/schema';
import { inTransaction, type ServiceContext } from '../context';

export const OUTBOX_KEEP_DAYS = 30;

/** Deletes events acknowledged more than `days` ago; returns how many. */
export function pruneOutbox(
  ctx: Pick<ServiceContext, 'db' | 'now'>,
  days = OUTBOX_KEEP_DAYS,
): number {
  const cutoff = new Date(ctx.now().getTime() - days * 86_400_000).toISOString();
  return inTransaction(
    ctx,
    () =>
      ctx.db.orm
        .delete(outbox)
        .where(and(isNotNull(outbox.sentAt), lt(outbox.sentAt, cutoff)))
        .run().changes,
  );
}
