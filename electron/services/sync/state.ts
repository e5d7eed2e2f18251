/** The till's sync state row, and the status every screen and command shows from it. */
import { eq, isNull, sql } from 'drizzle-orm';
import type { SyncReviewItem, SyncStatus } from '../../../core/api/areas/sync';
import { outbox, syncState } from '../../../db/schema';
import type { ServiceContext } from '../context';

export type SyncStateRow = typeof syncState.$inferSelect;

/** A till whose clock is further than this from the server's shows a warning. */
export const CLOCK_WARNING_MS = 2 * 60_000;
/** The review list keeps the latest few; the server keeps them all (admin review). */
export const REVIEW_KEPT = 50;

type Ctx = Pick<ServiceContext, 'db'>;

export function readSyncState(ctx: Ctx): SyncStateRow | null {
  return ctx.db.orm.select().from(syncState).where(eq(syncState.id, 1)).get() ?? null;
}

export function updateSyncState(ctx: Ctx, change: Partial<Omit<SyncStateRow, 'id'>>): void {
  ctx.db.orm.update(syncState).set(change).where(eq(syncState.id, 1)).run();
}

export function pendingCount(ctx: Ctx): number {
  return (
    ctx.db.orm
      .select({ n: sql<number>`count(*)` })
      .from(outbox)
      .where(isNull(outbox.sentAt))
      .get()?.n ?? 0
  );
}

function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export function reviewOf(row: SyncStateRow): SyncReviewItem[] {
  return parseJson<SyncReviewItem[]>(row.review, []);
}

export function syncStatus(ctx: Ctx): SyncStatus {
  const row = readSyncState(ctx);
  const pending = pendingCount(ctx);
  if (!row) {
    return {
      phase: 'not-enrolled',
      enrolled: false,
      serverUrl: null,
      deviceId: null,
      storeId: null,
      registerCode: null,
      series: [],
      enrolledAt: null,
      pending,
      acknowledgedSeq: 0,
      lastAttemptAt: null,
      lastSuccessAt: null,
      offlineSince: null,
      lastError: null,
      attention: null,
      clockOffsetMs: null,
      clockWarning: false,
      review: [],
      lastPulledAt: null,
    };
  }
  const phase: SyncStatus['phase'] = row.attention
    ? 'attention'
    : row.offlineSince
      ? 'offline'
      : pending > 0
        ? 'pending'
        : 'synced';
  return {
    phase,
    enrolled: true,
    serverUrl: row.serverUrl,
    deviceId: row.deviceId,
    storeId: row.storeId,
    registerCode: row.registerCode,
    series: parseJson(row.series, []),
    enrolledAt: row.enrolledAt,
    pending,
    acknowledgedSeq: row.acknowledgedSeq,
    lastAttemptAt: row.lastAttemptAt,
    lastSuccessAt: row.lastSuccessAt,
    offlineSince: row.offlineSince,
    lastError:
      row.lastErrorCode && row.lastErrorAt
        ? { code: row.lastErrorCode, message: row.lastErrorMessage ?? '', at: row.lastErrorAt }
        : null,
    attention: row.attention,
    clockOffsetMs: row.clockOffsetMs,
    clockWarning: row.clockOffsetMs !== null && Math.abs(row.clockOffsetMs) > CLOCK_WARNING_MS,
    review: reviewOf(row),
    lastPulledAt: row.lastPulledAt,
  };
}
