import { DomainError } from '../../core/errors';
import type { Actor, Role } from '../../core/api/model';
import type { ServiceContext } from './context';

const RANK: Readonly<Record<Role, number>> = { cashier: 1, supervisor: 2, admin: 3 };

export function hasRole(actor: Actor, atLeast: Role): boolean {
  return RANK[actor.role] >= RANK[atLeast];
}

/** "an admin", "a supervisor", "a cashier": a role as a message names it. */
export function roleWithArticle(role: Role): string {
  return `${/^[aeiou]/.test(role) ? 'an' : 'a'} ${role}`;
}

/** The acting user, or UNAUTHENTICATED. */
export function actorOf(ctx: ServiceContext): Actor {
  if (!ctx.actor) throw new DomainError('UNAUTHENTICATED', 'Log in first');
  return ctx.actor;
}

/** Throws FORBIDDEN (which the API audits) unless the actor holds the role or above. */
export function requireRole(ctx: ServiceContext, atLeast: Role, what: string): Actor {
  const actor = actorOf(ctx);
  if (!hasRole(actor, atLeast)) {
    throw new DomainError('FORBIDDEN', `${what} needs ${roleWithArticle(atLeast)} or above`, {
      required: atLeast,
      role: actor.role,
      action: what,
    });
  }
  return actor;
}
