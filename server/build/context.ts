/** What every builder gets: the transaction, who sent the event, and where to note changes. */
import type { DeviceIdentity } from '../auth';
import type { Changes } from '../changes';
import type { Tx } from '../db/open';

export interface BuildContext {
  readonly tx: Tx;
  readonly device: DeviceIdentity;
  readonly eventId: string;
  /** The till's time of the event: movements count when they happened, not when received. */
  readonly occurredAt: Date;
  readonly changes: Changes;
}

/** A business rule refused the event: it goes to review and the sequence still advances. */
export class BusinessRejection extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** Quantities travel as API units with up to 3 decimals and are kept in thousandths. */
export function thousandths(quantity: number): number {
  return Math.round(quantity * 1000);
}
