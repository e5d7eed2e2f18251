import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { products } from './catalog';

/**
 * The stock ledger: every change of stock is a new row with its reason and
 * author. products.stock is the running sum, kept in the same transaction.
 * sale_id is not a foreign key on purpose: the ledger outlives a deleted sale.
 */
export const stockMovements = sqliteTable(
  'stock_movements',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    /** Signed thousandths. */
    quantity: integer('quantity').notNull(),
    /** INITIAL, SALE, EDIT, VOID, DELETE, RETURN, ADJUST, IMPORT. */
    kind: text('kind').notNull(),
    reason: text('reason').notNull().default(''),
    saleId: text('sale_id'),
    userId: integer('user_id'),
    balanceAfter: integer('balance_after').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('stock_movements_product').on(t.productId, t.id),
    index('stock_movements_sale').on(t.saleId),
  ],
);

/** Who did what, when, and why; refusals too. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    userId: integer('user_id'),
    userName: text('user_name').notNull().default(''),
    /** The channel, e.g. sales.void. */
    action: text('action').notNull(),
    /** ok or denied. */
    outcome: text('outcome').notNull(),
    entity: text('entity').notNull().default(''),
    entityId: text('entity_id').notNull().default(''),
    reason: text('reason').notNull().default(''),
    /** JSON snapshots. */
    before: text('before'),
    after: text('after'),
  },
  (t) => [index('audit_log_at').on(t.at), index('audit_log_action').on(t.action, t.at)],
);

/** Events to push to the central server, written in the same transaction as the change. */
export const outbox = sqliteTable(
  'outbox',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    eventId: text('event_id').notNull().unique(),
    type: text('type').notNull(),
    aggregateId: text('aggregate_id').notNull(),
    payload: text('payload').notNull(),
    createdAt: text('created_at').notNull(),
    sentAt: text('sent_at'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
  },
  (t) => [index('outbox_pending').on(t.sentAt, t.seq)],
);
