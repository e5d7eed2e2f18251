import { eq, sql } from 'drizzle-orm';
import { compareNames, sortByName } from '../../core/collate';
import { DomainError } from '../../core/errors';
import type { Actor, Role, User } from '../../core/api/model';
import { users } from '../../db/schema';
import type { AreaHandlers } from '../handler';
import { hasRole, roleWithArticle } from './access';
import { writeAudit } from './audit';
import { inTransaction, type ServiceContext } from './context';
import { loadStore, storedLocale } from './store';
import { dismissLockAlerts, listLockAlerts } from './lock-alerts';
import { hashPin } from './pin';
import { checkNewPin, checkPin } from './pin-check';
import { selectRows } from './sql';

function toUser(row: typeof users.$inferSelect): User {
  return {
    id: row.id,
    name: row.name,
    role: row.role as Role,
    active: row.active,
    createdAt: row.createdAt,
  };
}

function byName(ctx: ServiceContext, name: string) {
  return ctx.db.orm
    .select()
    .from(users)
    .where(sql`${users.name} = ${name} COLLATE NOCASE`)
    .get();
}

/** The user as the database knows them now: a deactivated or demoted user loses rights at once. */
export function currentActor(ctx: ServiceContext, actor: Actor): Actor | null {
  const row = selectRows(ctx, users, 'id = ?').get(actor.id);
  return row?.active ? { id: row.id, name: row.name, role: row.role as Role } : null;
}

function isUniqueViolation(error: unknown): boolean {
  return String((error as { code?: string }).code).startsWith('SQLITE_CONSTRAINT');
}

/** A login: the shared PIN check (counter, escalating lock, audit) for the acting user. */
export function authenticate(ctx: ServiceContext, name: string, pin: string): Actor {
  return checkPin(ctx, { name, pin }, 'auth.login');
}

/**
 * A supervisor or admin vouching, with their PIN, for what the acting user may
 * not do alone. Returns the authorizer, or throws FORBIDDEN.
 */
export function authorizeBy(
  ctx: ServiceContext,
  who: { name: string; pin: string },
  atLeast: Role,
  what: string,
): Actor {
  let authorizer: Actor;
  try {
    authorizer = checkPin(ctx, who, 'auth.authorize');
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const refusal = (error.details ?? {}) as { reason?: string };
    // Keep how long the lock lasts or what length is needed, so the till can say it.
    const { reason: _reason, ...rest } = refusal;
    const reason =
      refusal.reason === 'LOCKED'
        ? 'AUTHORIZER_LOCKED'
        : refusal.reason === 'PIN_CHANGE_REQUIRED'
          ? 'AUTHORIZER_PIN_CHANGE'
          : 'BAD_AUTHORIZATION';
    throw new DomainError('FORBIDDEN', `${what}: the authorizing PIN was not accepted`, {
      ...(reason === 'BAD_AUTHORIZATION' ? {} : rest),
      reason,
    });
  }
  if (!hasRole(authorizer, atLeast)) {
    throw new DomainError(
      'FORBIDDEN',
      `${what} needs ${roleWithArticle(atLeast)}; ${authorizer.name} is ${roleWithArticle(authorizer.role)}`,
      {
        reason: 'AUTHORIZER_ROLE',
        required: atLeast,
      },
    );
  }
  return authorizer;
}

function activeAdmins(ctx: ServiceContext): number {
  const row = ctx.db.sqlite
    .prepare("SELECT COUNT(*) AS n FROM users WHERE role = 'admin' AND active = 1")
    .get() as {
    n: number;
  };
  return row.n;
}

export const usersHandlers: AreaHandlers<'users'> = {
  'users.create': {
    access: 'admin',
    run: (input, ctx) =>
      inTransaction(ctx, () => {
        checkNewPin(ctx, input.pin, 'pin');
        if (byName(ctx, input.name)) {
          throw new DomainError('CONFLICT', `There is already a user called ${input.name}`, {
            reason: 'DUPLICATE_NAME',
            path: ['name'],
          });
        }
        const now = ctx.now().toISOString();
        const row = ctx.db.orm
          .insert(users)
          .values({
            name: input.name,
            role: input.role,
            pinHash: hashPin(input.pin),
            createdAt: now,
            updatedAt: now,
          })
          .returning()
          .get();
        writeAudit(ctx, {
          action: 'users.create',
          entity: 'user',
          entityId: row.id,
          after: toUser(row),
        });
        return toUser(row);
      }),
  },
  'users.list': {
    access: 'admin',
    // Active first, each group in the store's alphabetical order (not SQLite's byte order).
    run: (_input, ctx) => {
      const locale = loadStore(ctx).settings.locale;
      return ctx.db.orm
        .select()
        .from(users)
        .all()
        .sort((a, b) => Number(b.active) - Number(a.active) || compareNames(a.name, b.name, locale))
        .map(toUser);
    },
  },
  'users.names': {
    access: 'public',
    // Public before setup too, so the locale may not be there yet: Spanish then.
    run: (_input, ctx) =>
      sortByName(
        ctx.db.orm
          .select({ id: users.id, name: users.name, role: users.role })
          .from(users)
          .where(eq(users.active, true))
          .all(),
        storedLocale(ctx),
      ),
  },
  'users.lockAlerts': { access: 'admin', run: (_input, ctx) => listLockAlerts(ctx) },
  'users.dismissLockAlerts': {
    access: 'admin',
    run: (input, ctx) =>
      inTransaction(ctx, () => {
        const dismissed = dismissLockAlerts(ctx, input.ids);
        writeAudit(ctx, {
          action: 'users.dismissLockAlerts',
          entity: 'lock_alert',
          entityId: input.ids.join(','),
          after: { dismissed },
        });
        return { dismissed };
      }),
  },
  'users.update': {
    access: 'admin',
    run: (input, ctx) =>
      inTransaction(ctx, () => {
        if (input.pin !== undefined) checkNewPin(ctx, input.pin, 'pin');
        const before = ctx.db.orm.select().from(users).where(eq(users.id, input.id)).get();
        if (!before) throw new DomainError('NOT_FOUND', `User ${input.id} does not exist`);
        const demotes =
          before.role === 'admin' &&
          before.active &&
          (input.active === false || (input.role && input.role !== 'admin'));
        if (demotes && activeAdmins(ctx) <= 1) {
          throw new DomainError(
            'INVALID_STATE',
            'The last active admin cannot be removed or demoted',
            { reason: 'LAST_ADMIN' },
          );
        }
        const { id, pin, ...changes } = input;
        try {
          ctx.db.orm
            .update(users)
            .set({
              ...changes,
              ...(pin === undefined
                ? {}
                : { pinHash: hashPin(pin), failedLogins: 0, lockouts: 0, lockedUntil: null }),
              updatedAt: ctx.now().toISOString(),
            })
            .where(eq(users.id, id))
            .run();
        } catch (error) {
          if (isUniqueViolation(error)) {
            throw new DomainError('CONFLICT', `There is already a user called ${input.name}`, {
              reason: 'DUPLICATE_NAME',
              path: ['name'],
            });
          }
          throw error;
        }
        const after = toUser(ctx.db.orm.select().from(users).where(eq(users.id, id)).get()!);
        writeAudit(ctx, {
          action: 'users.update',
          entity: 'user',
          entityId: id,
          before: toUser(before),
          after: { ...after, pinChanged: pin !== undefined },
        });
        return after;
      }),
  },
};

/** A user sets a new PIN with their current one; the check and the change commit together. */
function changeOwnPin(
  ctx: ServiceContext,
  input: { name: string; pin: string; newPin: string },
): { changed: true } {
  checkNewPin(ctx, input.newPin, 'newPin');
  checkPin(ctx, input, 'auth.changePin', (actor) => {
    ctx.db.orm
      .update(users)
      .set({ pinHash: hashPin(input.newPin), updatedAt: ctx.now().toISOString() })
      .where(eq(users.id, actor.id))
      .run();
  });
  return { changed: true };
}

/**
 * auth.login returns the actor, its audit row already written with the check;
 * the API layer keeps it for the caller's session (window, connection or
 * command). The payload never names the actor.
 */
export const authHandlers: AreaHandlers<'auth'> = {
  'auth.login': { access: 'public', run: (input, ctx) => authenticate(ctx, input.name, input.pin) },
  'auth.changePin': { access: 'public', run: (input, ctx) => changeOwnPin(ctx, input) },
  'auth.logout': { access: 'public', run: () => ({ loggedOut: true as const }) },
  'auth.current': { access: 'public', run: (_input, ctx) => ctx.actor },
};
