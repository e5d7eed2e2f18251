import { DomainError } from '../../core/errors';
import type { Actor, Role } from '../../core/api/model';
import { writeAudit } from './audit';
import { inTransaction, type ServiceContext } from './context';
import { countMiss, recordLockout } from './lock-alerts';
import { verifyPin } from './pin';

/**
 * The one place a typed PIN is checked: logging in (desktop, browser, CLI),
 * a supervisor authorizing on the spot, a user changing their PIN. A 4-digit
 * PIN has 10,000 values; locks that grow (1, 5, 15, then 60 minutes every 5
 * misses) turn a day of guessing into months.
 *
 * Everything happens in one IMMEDIATE transaction: read the counter and the
 * lock, verify the PIN, write the counter or the reset, and the audit row.
 * A second process waits for the write lock, so twenty processes guessing at
 * once count twenty and try at most five PINs. A login whose audit row cannot
 * be written (disk full) rolls back and does not log in.
 */

export const MISSES_PER_LOCK = 5;
/** Minutes of the 1st, 2nd, 3rd and 4th lock in a row; the last repeats until a good PIN. */
export const LOCK_MINUTES = [1, 5, 15, 60] as const;
export const REQUIRED_PIN_LENGTH = 6;

export function lockMinutesFor(lockouts: number): number {
  return LOCK_MINUTES[Math.min(Math.max(lockouts, 1), LOCK_MINUTES.length) - 1]!;
}

/** What the PIN is for; also the audit action of the attempt. */
export type PinUse = 'auth.login' | 'auth.authorize' | 'auth.changePin';

type Refusal =
  | { readonly reason: 'BAD_CREDENTIALS' }
  | {
      readonly reason: 'LOCKED';
      readonly until: string;
      readonly lockMinutes: number;
      readonly retryAfterSeconds: number;
    }
  | { readonly reason: 'PIN_CHANGE_REQUIRED'; readonly minLength: number };

interface UserRow {
  id: number;
  name: string;
  role: string;
  pin_hash: string;
  active: number;
  failed_logins: number;
  lockouts: number;
  locked_until: string | null;
}

/** The refusal as the caller of a login sees it: UNAUTHENTICATED with the reason and the wait. */
export function refusalError(refusal: Refusal): DomainError {
  switch (refusal.reason) {
    case 'LOCKED':
      return new DomainError(
        'UNAUTHENTICATED',
        `Too many wrong PINs: locked for ${refusal.lockMinutes} min, until ${refusal.until}`,
        { ...refusal },
      );
    case 'PIN_CHANGE_REQUIRED':
      return new DomainError(
        'UNAUTHENTICATED',
        `This store requires ${refusal.minLength}-digit PINs: choose a new PIN first (auth.changePin)`,
        { ...refusal },
      );
    default:
      return new DomainError('UNAUTHENTICATED', 'Wrong user or PIN', { ...refusal });
  }
}

/** Whether the store requires 6-digit PINs (false before setup). */
export function requiresSixDigits(ctx: Pick<ServiceContext, 'db'>): boolean {
  const row = ctx.db.sqlite.prepare('SELECT require_six_digit_pins AS six FROM settings').get() as
    { six: number } | undefined;
  return row?.six === 1;
}

/** A new PIN the store accepts; VALIDATION (on `field`) when 6 digits are required and it is shorter. */
export function checkNewPin(ctx: Pick<ServiceContext, 'db'>, pin: string, field: string): void {
  if (pin.length < REQUIRED_PIN_LENGTH && requiresSixDigits(ctx)) {
    throw new DomainError('VALIDATION', `The PIN must have ${REQUIRED_PIN_LENGTH} digits`, {
      reason: 'PIN_TOO_SHORT',
      path: [field],
      minLength: REQUIRED_PIN_LENGTH,
    });
  }
}

/**
 * Checks `name` and `pin` for `use`. On success runs `accepted` (inside the
 * same transaction, so a PIN change commits with its check) and returns the
 * user; otherwise commits the miss and throws (see refusalError), with the
 * refusal in `error.details`.
 */
export function checkPin(
  ctx: ServiceContext,
  attempt: { readonly name: string; readonly pin: string },
  use: PinUse,
  accepted?: (actor: Actor) => void,
): Actor {
  // A miss counted inside a caller's transaction would roll back with the
  // refused call, and the PIN could be guessed without limit.
  if (ctx.db.sqlite.inTransaction) {
    throw new Error('checkPin must run outside a transaction so a miss is committed');
  }
  const outcome = inTransaction(ctx, (): Actor | Refusal => {
    const row = ctx.db.sqlite
      .prepare(
        `SELECT id, name, role, pin_hash, active, failed_logins, lockouts, locked_until
         FROM users WHERE name = ? COLLATE NOCASE`,
      )
      .get(attempt.name.trim()) as UserRow | undefined;
    if (!row || !row.active) return { reason: 'BAD_CREDENTIALS' };
    const now = ctx.now();
    const at = now.toISOString();
    const refuse = (reason: string): void =>
      writeAudit(
        { ...ctx, actor: null },
        { action: use, outcome: 'denied', entity: 'user', entityId: row.id, reason },
      );

    if (row.locked_until && row.locked_until > at) {
      // Refused without trying the PIN: a lock gives a guesser nothing.
      countMiss(ctx, row.id);
      refuse('refused: locked');
      return {
        reason: 'LOCKED',
        until: row.locked_until,
        lockMinutes: lockMinutesFor(row.lockouts),
        retryAfterSeconds: Math.ceil((Date.parse(row.locked_until) - now.getTime()) / 1000),
      };
    }

    if (!verifyPin(attempt.pin, row.pin_hash)) {
      const failed = row.failed_logins + 1;
      if (failed < MISSES_PER_LOCK) {
        ctx.db.sqlite
          .prepare('UPDATE users SET failed_logins = ? WHERE id = ?')
          .run(failed, row.id);
        countMiss(ctx, row.id);
        refuse('wrong PIN');
        return { reason: 'BAD_CREDENTIALS' };
      }
      const lockouts = row.lockouts + 1;
      const minutes = lockMinutesFor(lockouts);
      const until = new Date(now.getTime() + minutes * 60_000).toISOString();
      ctx.db.sqlite
        .prepare('UPDATE users SET failed_logins = 0, lockouts = ?, locked_until = ? WHERE id = ?')
        .run(lockouts, until, row.id);
      recordLockout(ctx, row, { at, until, lockouts, misses: failed });
      refuse(`locked ${minutes} min`);
      return { reason: 'LOCKED', until, lockMinutes: minutes, retryAfterSeconds: minutes * 60 };
    }

    // The right PIN: the ladder starts again.
    ctx.db.sqlite
      .prepare('UPDATE users SET failed_logins = 0, lockouts = 0, locked_until = NULL WHERE id = ?')
      .run(row.id);
    if (
      use !== 'auth.changePin' &&
      attempt.pin.length < REQUIRED_PIN_LENGTH &&
      requiresSixDigits(ctx)
    ) {
      refuse('PIN change required');
      return { reason: 'PIN_CHANGE_REQUIRED', minLength: REQUIRED_PIN_LENGTH };
    }
    const actor: Actor = { id: row.id, name: row.name, role: row.role as Role };
    accepted?.(actor);
    writeAudit({ ...ctx, actor }, { action: use, entity: 'user', entityId: row.id });
    return actor;
  });
  if ('reason' in outcome) throw refusalError(outcome);
  return outcome;
}
