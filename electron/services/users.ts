import { asc, desc, eq, sql } from 'drizzle-orm';
import { DomainError } from '../../core/errors';
import type { Actor, Role, User } from '../../core/api/model';
import { users } from '../../db/schema';
import type { AreaHandlers } from '../handler';
import { hasRole } from './access';
import { writeAudit } from './audit';
import { inTransaction, type ServiceContext } from './context';
import { hashPin, verifyPin } from './pin';
import { selectRows } from './sql';

/** After this many wrong PINs in a row a user is locked for LOCK_SECONDS. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_SECONDS = 60;

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

/**
 * Checks a name and PIN. Wrong PINs count up to a short lock, so a 4-digit PIN
 * cannot be guessed at the till; the counter and lock are written even though
 * the login fails, each in its own small transaction.
 */
export function authenticate(ctx: ServiceContext, name: string, pin: string): Actor {
  const row = byName(ctx, name.trim());
  const refuse = (reason: string, extra: Record<string, unknown> = {}): never => {
    throw new DomainError(
      'UNAUTHENTICATED',
      reason === 'LOCKED' ? 'Too many wrong PINs; try again later' : 'Wrong user or PIN',
      {
        reason,
        ...extra,
      },
    );
  };
  if (!row || !row.active) return refuse('BAD_CREDENTIALS');
  const now = ctx.now();
  if (row.lockedUntil && row.lockedUntil > now.toISOString())
    return refuse('LOCKED', { until: row.lockedUntil });
  if (!verifyPin(pin, row.pinHash)) {
    const failed = row.failedLogins + 1;
    const locked = failed >= MAX_FAILED_LOGINS;
    inTransaction(ctx, () => {
      ctx.db.orm
        .update(users)
        .set({
          failedLogins: locked ? 0 : failed,
          lockedUntil: locked
            ? new Date(now.getTime() + LOCK_SECONDS * 1000).toISOString()
            : row.lockedUntil,
        })
        .where(eq(users.id, row.id))
        .run();
      writeAudit(
        { ...ctx, actor: null },
        {
          action: 'auth.login',
          outcome: 'denied',
          entity: 'user',
          entityId: row.id,
          reason: locked ? 'locked' : 'wrong PIN',
        },
      );
    });
    return refuse(locked ? 'LOCKED' : 'BAD_CREDENTIALS');
  }
  if (row.failedLogins > 0 || row.lockedUntil) {
    ctx.db.orm
      .update(users)
      .set({ failedLogins: 0, lockedUntil: null })
      .where(eq(users.id, row.id))
      .run();
  }
  return { id: row.id, name: row.name, role: row.role as Role };
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
    authorizer = authenticate(ctx, who.name, who.pin);
  } catch (error) {
    if (error instanceof DomainError) {
      throw new DomainError('FORBIDDEN', `${what}: the authorizing PIN was not accepted`, {
        reason: 'BAD_AUTHORIZATION',
      });
    }
    throw error;
  }
  if (!hasRole(authorizer, atLeast)) {
    throw new DomainError(
      'FORBIDDEN',
      `${what} needs a ${atLeast}; ${authorizer.name} is a ${authorizer.role}`,
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
    run: (_input, ctx) =>
      ctx.db.orm
        .select()
        .from(users)
        .orderBy(desc(users.active), asc(users.name))
        .all()
        .map(toUser),
  },
  'users.names': {
    access: 'public',
    run: (_input, ctx) =>
      ctx.db.orm
        .select({ id: users.id, name: users.name, role: users.role })
        .from(users)
        .where(eq(users.active, true))
        .orderBy(asc(users.name))
        .all(),
  },
  'users.update': {
    access: 'admin',
    run: (input, ctx) =>
      inTransaction(ctx, () => {
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
                : { pinHash: hashPin(pin), failedLogins: 0, lockedUntil: null }),
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

/**
 * auth.login returns the actor; the API layer keeps it for the caller's
 * session (window, connection or command). The payload never names the actor.
 */
export const authHandlers: AreaHandlers<'auth'> = {
  'auth.login': { access: 'public', run: (input, ctx) => authenticate(ctx, input.name, input.pin) },
  'auth.logout': { access: 'public', run: () => ({ loggedOut: true as const }) },
  'auth.current': { access: 'public', run: (_input, ctx) => ctx.actor },
};
