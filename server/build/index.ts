/** Which builder makes the server's tables from each event type. */
import type { SyncEvent, SyncEventType } from '../../core/sync';
import { applyCashClosed, applyCashMovement, applyCashOpened } from './cash';
import type { BuildContext } from './context';
import { applyProductUpserted } from './products';
import { applySaleReturned } from './returns';
import { applySaleCreated, applySaleDeleted, applySaleVoided } from './sale';
import { applySaleUpdated } from './sale-edit';
import { applyStockAdjusted } from './stock';

export { BusinessRejection, type BuildContext } from './context';

type Payload<T extends SyncEventType> = Extract<SyncEvent, { type: T }>['payload'];
type Builders = { [T in SyncEventType]: (ctx: BuildContext, payload: Payload<T>) => Promise<void> };

/** Every type has one: an event type without a builder does not compile. */
const BUILDERS: Builders = {
  'sale.created': applySaleCreated,
  'sale.updated': applySaleUpdated,
  'sale.voided': applySaleVoided,
  'sale.deleted': applySaleDeleted,
  'sale.returned': applySaleReturned,
  'cash.opened': applyCashOpened,
  'cash.movement': applyCashMovement,
  'cash.closed': applyCashClosed,
  'stock.adjusted': applyStockAdjusted,
  'product.upserted': applyProductUpserted,
};

export function build(ctx: BuildContext, event: SyncEvent): Promise<void> {
  const builder = BUILDERS[event.type] as (ctx: BuildContext, payload: unknown) => Promise<void>;
  return builder(ctx, event.payload);
}
