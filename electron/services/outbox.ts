import { outbox } from '../../db/schema';
import type { ServiceContext } from './context';
import { insertRow } from './sql';

/**
 * Appends a sync event in the same transaction as the change it describes, so
 * the central server can never miss a sale that committed, nor receive one
 * that did not. Events carry their own UUID so the server applies each once.
 */
export function appendEvent(
  ctx: ServiceContext,
  type: string,
  aggregateId: string,
  payload: unknown,
): void {
  insertRow(ctx, outbox, {
    eventId: ctx.newId(),
    type,
    aggregateId,
    payload: JSON.stringify(payload),
    createdAt: ctx.now().toISOString(),
    sentAt: null,
    attempts: 0,
    lastError: null,
  });
}
