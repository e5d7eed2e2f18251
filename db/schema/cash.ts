import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { registers, users } from './settings';

/** From opening with a float to closing with a count. One ABIERTA per register. */
export const cashSessions = sqliteTable(
  'cash_sessions',
  {
    id: text('id').primaryKey(),
    registerId: integer('register_id')
      .notNull()
      .references(() => registers.id),
    /** ABIERTA or CERRADA. */
    status: text('status').notNull(),
    openingFloat: integer('opening_float').notNull(),
    openedBy: integer('opened_by')
      .notNull()
      .references(() => users.id),
    openedAt: text('opened_at').notNull(),
    closedBy: integer('closed_by').references(() => users.id),
    closedAt: text('closed_at'),
    expectedCash: integer('expected_cash'),
    countedCash: integer('counted_cash'),
    difference: integer('difference'),
    /** JSON array of { value, count } when the close was counted by denomination. */
    denominations: text('denominations'),
    notes: text('notes').notNull().default(''),
    /** The Z report as computed at close (JSON): a closed session never changes. */
    zReport: text('z_report'),
  },
  (t) => [
    uniqueIndex('cash_sessions_one_open')
      .on(t.registerId)
      .where(sql`${t.status} = 'ABIERTA'`),
    index('cash_sessions_register_opened').on(t.registerId, t.openedAt),
  ],
);

/** Cash in or out of the drawer that is not a sale. */
export const cashMovements = sqliteTable(
  'cash_movements',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => cashSessions.id),
    /** IN or OUT. */
    direction: text('direction').notNull(),
    /** domicilio, servicio, mano_obra, otro, retiro, gasto. */
    type: text('type').notNull(),
    amount: integer('amount').notNull(),
    description: text('description').notNull().default(''),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull(),
    localDate: text('local_date').notNull(),
  },
  (t) => [
    index('cash_movements_session').on(t.sessionId),
    index('cash_movements_date').on(t.localDate),
  ],
);
