import { sql } from 'drizzle-orm';
import { check, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The till's side of central sync: one row (id = 1), written by enrolment and
 * by the pusher. The credential lives only here: no API channel returns it,
 * so a cashier (or anyone with a session) can never read it.
 */
export const syncState = sqliteTable(
  'sync_state',
  {
    id: integer('id').primaryKey(),
    serverUrl: text('server_url').notNull(),
    deviceId: text('device_id').notNull(),
    storeId: text('store_id').notNull(),
    registerId: text('register_id').notNull(),
    registerCode: text('register_code').notNull(),
    /** JSON array of { documentType, series } the server says this register owns. */
    series: text('series').notNull().default('[]'),
    /** `Authorization: Bearer …`; never leaves the main process except to the server. */
    credential: text('credential').notNull(),
    enrolledAt: text('enrolled_at').notNull(),
    /** The server's acknowledged seq for this device: every outbox row up to it is stored there. */
    acknowledgedSeq: integer('acknowledged_seq').notNull().default(0),
    lastAttemptAt: text('last_attempt_at'),
    lastSuccessAt: text('last_success_at'),
    /** When the server first stopped answering; null while it answers. */
    offlineSince: text('offline_since'),
    lastErrorCode: text('last_error_code'),
    lastErrorMessage: text('last_error_message'),
    lastErrorAt: text('last_error_at'),
    /**
     * Set by an error retrying cannot fix (revoked device, replay mismatch,
     * an event the server refuses): the pusher stops until someone acts.
     */
    attention: text('attention'),
    /** The server's clock minus the till's, in ms, from the last reply. */
    clockOffsetMs: integer('clock_offset_ms'),
    /** JSON array of the latest events the server kept for review, newest last. */
    review: text('review').notNull().default('[]'),
    /** The server's pull cursor (`v1.<epoch>.<seq>`) after the last page applied; null: from the start. */
    pullCursor: text('pull_cursor'),
    /** When the till last pulled to the end of the server's changes. */
    lastPulledAt: text('last_pulled_at'),
    /**
     * A reset answer is being applied across pages: the codes seen so far are in
     * sync_pull_seen, and the last page deactivates every product not seen.
     */
    pullResetting: integer('pull_resetting', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [check('sync_state_single_row', sql`${t.id} = 1`)],
);

/**
 * The product codes a reset pull has delivered so far. Kept in the database,
 * not in memory, so a till that stops between the pages of a reset still
 * deactivates exactly the products the server no longer has.
 */
export const syncPullSeen = sqliteTable('sync_pull_seen', {
  code: text('code').primaryKey(),
});
