import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { LockAlert } from '../../core/api/model';
import { lockAlerts } from '../../db/schema';
import type { ServiceContext } from './context';

/**
 * Lockouts an admin has not seen yet. A locked user's open alert grows with
 * every later refused PIN and lockout, so the admin sees one line per user
 * with the whole story (first lock, last lock, tries) on their next login.
 */

function openAlert(ctx: ServiceContext, userId: number) {
  return ctx.db.orm
    .select()
    .from(lockAlerts)
    .where(and(eq(lockAlerts.userId, userId), isNull(lockAlerts.dismissedAt)))
    .get();
}

/** Called inside the PIN check's transaction when a wrong PIN locks the user. */
export function recordLockout(
  ctx: ServiceContext,
  user: { id: number; name: string },
  lock: { at: string; until: string; lockouts: number; misses: number },
): void {
  const open = openAlert(ctx, user.id);
  if (open) {
    ctx.db.orm
      .update(lockAlerts)
      .set({
        lastLockedAt: lock.at,
        lockedUntil: lock.until,
        lockouts: lock.lockouts,
        misses: open.misses + 1,
      })
      .where(eq(lockAlerts.id, open.id))
      .run();
    return;
  }
  ctx.db.orm
    .insert(lockAlerts)
    .values({
      userId: user.id,
      userName: user.name,
      firstLockedAt: lock.at,
      lastLockedAt: lock.at,
      lockedUntil: lock.until,
      lockouts: lock.lockouts,
      misses: lock.misses,
    })
    .run();
}

/** A refused PIN that did not lock (a miss, or a try while locked) adds to an open alert. */
export function countMiss(ctx: ServiceContext, userId: number): void {
  const open = openAlert(ctx, userId);
  if (!open) return;
  ctx.db.orm
    .update(lockAlerts)
    .set({ misses: open.misses + 1 })
    .where(eq(lockAlerts.id, open.id))
    .run();
}

export function listLockAlerts(ctx: ServiceContext): LockAlert[] {
  return ctx.db.orm
    .select({
      id: lockAlerts.id,
      userId: lockAlerts.userId,
      userName: lockAlerts.userName,
      firstLockedAt: lockAlerts.firstLockedAt,
      lastLockedAt: lockAlerts.lastLockedAt,
      lockedUntil: lockAlerts.lockedUntil,
      lockouts: lockAlerts.lockouts,
      misses: lockAlerts.misses,
    })
    .from(lockAlerts)
    .where(isNull(lockAlerts.dismissedAt))
    .orderBy(asc(lockAlerts.id))
    .all();
}

/** Marks alerts seen by the acting admin; returns how many were still open. */
export function dismissLockAlerts(ctx: ServiceContext, ids: readonly number[]): number {
  return ctx.db.orm
    .update(lockAlerts)
    .set({ dismissedAt: ctx.now().toISOString(), dismissedBy: ctx.actor?.id ?? null })
    .where(and(inArray(lockAlerts.id, [...ids]), isNull(lockAlerts.dismissedAt)))
    .run().changes;
}
