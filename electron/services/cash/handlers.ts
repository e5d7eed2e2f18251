import { desc, eq } from 'drizzle-orm';
import { DomainError } from '../../../core/errors';
import {
  CASH_IN_TYPES,
  CASH_OUT_TYPES,
  type CashMovement,
  type CashReport,
  type CashMovementType,
  type Actor,
} from '../../../core/api/model';
import { totalOfCount } from '../../../core/money/denominations';
import { formatMoney } from '../../../core/money/format';
import { localDateHour } from '../../../core/time';
import { cashMovements, cashSessions, users } from '../../../db/schema';
import type { AreaHandlers } from '../../handler';
import { actorOf } from '../access';
import { writeAudit } from '../audit';
import { inTransaction, type ServiceContext } from '../context';
import { appendEvent } from '../outbox';
import { tryRollUp } from '../rollups';
import { requireSupervisor } from '../sales/supervision';
import { loadStore } from '../store';
import { authorizeBy } from '../users';
import { computeCashReport } from './report';
import {
  openSessionOf,
  requireOpenSession,
  sessionNumber,
  sessionRowById,
  toCashSession,
} from './sessions';

function toMovement(ctx: ServiceContext, row: typeof cashMovements.$inferSelect): CashMovement {
  const user = ctx.db.orm
    .select({ name: users.name })
    .from(users)
    .where(eq(users.id, row.userId))
    .get();
  return {
    id: row.id,
    sessionId: row.sessionId,
    direction: row.direction === 'OUT' ? 'OUT' : 'IN',
    type: row.type as CashMovementType,
    amount: row.amount,
    description: row.description,
    user: { id: row.userId, name: user?.name ?? '' },
    createdAt: row.createdAt,
  };
}

/** The supervisor who vouched with their PIN, checked outside any transaction so a miss counts. */
function authorizerOf(
  ctx: ServiceContext,
  authorizedBy: { name: string; pin: string } | undefined,
): Actor | null {
  return authorizedBy ? authorizeBy(ctx, authorizedBy, 'supervisor', 'Authorizing') : null;
}

/** The Z report stored at close, or the live X report of an open session. */
function reportOf(ctx: ServiceContext, sessionId: string | undefined): CashReport {
  const store = loadStore(ctx);
  const session = sessionId
    ? sessionRowById(ctx, sessionId)
    : requireOpenSession(ctx, store.registerId);
  if (session.status === 'CERRADA' && session.zReport) {
    const z = JSON.parse(session.zReport) as Omit<CashReport, 'cashRounding'> &
      Partial<Pick<CashReport, 'cashRounding'>>;
    // A Z stored before sessions were numbered has no number: derive it the same way.
    // One stored before cash rounding had none: nothing was rounded then.
    return {
      ...z,
      cashRounding: z.cashRounding ?? { sales: 0, refunds: 0 },
      session: { ...z.session, number: sessionNumber(ctx, session) },
    };
  }
  return computeCashReport(ctx, session, store.settings.currency, null);
}

export const cashHandlers: AreaHandlers<'cash'> = {
  'cash.open': {
    access: 'user',
    run: (input, ctx) => {
      const actor = actorOf(ctx);
      const store = loadStore(ctx);
      return inTransaction(ctx, () => {
        const open = openSessionOf(ctx, store.registerId);
        if (open) {
          throw new DomainError(
            'SESSION_ALREADY_OPEN',
            'This register already has an open cash session',
            { sessionId: open.id },
          );
        }
        const id = input.id ?? ctx.newId();
        ctx.db.orm
          .insert(cashSessions)
          .values({
            id,
            registerId: store.registerId,
            status: 'ABIERTA',
            openingFloat: input.float,
            openedBy: actor.id,
            openedAt: ctx.now().toISOString(),
            notes: input.notes ?? '',
          })
          .run();
        const session = toCashSession(ctx, sessionRowById(ctx, id));
        writeAudit(ctx, {
          action: 'cash.open',
          entity: 'cashSession',
          entityId: id,
          after: { float: input.float },
        });
        appendEvent(ctx, 'cash.opened', id, session);
        return session;
      });
    },
  },
  'cash.current': {
    access: 'user',
    run: (_input, ctx) => {
      const row = openSessionOf(ctx, loadStore(ctx).registerId);
      return row ? toCashSession(ctx, row) : null;
    },
  },
  'cash.movement': {
    access: 'user',
    run: (input, ctx) => {
      const actor = actorOf(ctx);
      const store = loadStore(ctx);
      // Checked before the transaction: a wrong PIN must count even though the movement fails.
      const authorizer = authorizerOf(ctx, input.authorizedBy);
      const allowed: readonly string[] = input.direction === 'IN' ? CASH_IN_TYPES : CASH_OUT_TYPES;
      if (!allowed.includes(input.type)) {
        throw new DomainError(
          'VALIDATION',
          `"${input.type}" is not a cash ${input.direction === 'IN' ? 'income' : 'outflow'} type`,
          {
            reason: 'INVALID_MOVEMENT_TYPE',
            path: ['type'],
            allowed,
          },
        );
      }
      return inTransaction(ctx, () => {
        const existing = ctx.db.orm
          .select()
          .from(cashMovements)
          .where(eq(cashMovements.id, input.id))
          .get();
        if (existing) return toMovement(ctx, existing);
        const session = requireOpenSession(ctx, store.registerId);
        const limit = store.settings.cashOutLimit;
        if (input.direction === 'OUT' && input.amount > limit) {
          // Every kind of outflow: a large "gasto" takes the same cash as a "retiro".
          requireSupervisor(
            { actor, authorizer },
            'CASH_OUT_OVER_LIMIT',
            `A cash-out over ${formatMoney(limit, store.settings.currency, 'en')}`,
            { path: ['amount'], limit, requested: input.amount },
          );
        }
        if (input.direction === 'OUT') {
          const { cash } = computeCashReport(ctx, session, store.settings.currency, null);
          if (input.amount > cash.expected) {
            throw new DomainError('INVALID_STATE', 'There is not that much cash in the drawer', {
              reason: 'NOT_ENOUGH_CASH',
              expected: cash.expected,
              requested: input.amount,
            });
          }
        }
        const now = ctx.now();
        ctx.db.orm
          .insert(cashMovements)
          .values({
            id: input.id,
            sessionId: session.id,
            direction: input.direction,
            type: input.type,
            amount: input.amount,
            description: input.description,
            userId: ctx.actor!.id,
            createdAt: now.toISOString(),
            localDate: localDateHour(now, store.settings.timeZone).date,
          })
          .run();
        const movement = toMovement(
          ctx,
          ctx.db.orm.select().from(cashMovements).where(eq(cashMovements.id, input.id)).get()!,
        );
        writeAudit(ctx, {
          action: 'cash.movement',
          entity: 'cashMovement',
          entityId: input.id,
          after: { ...movement, authorizedBy: authorizer?.name },
        });
        appendEvent(ctx, 'cash.movement', input.id, movement);
        return movement;
      });
    },
  },
  'cash.movements': {
    access: 'user',
    run: (input, ctx) => {
      const store = loadStore(ctx);
      const session = input.sessionId
        ? sessionRowById(ctx, input.sessionId)
        : requireOpenSession(ctx, store.registerId);
      return ctx.db.orm
        .select()
        .from(cashMovements)
        .where(eq(cashMovements.sessionId, session.id))
        .orderBy(desc(cashMovements.createdAt))
        .all()
        .map((row) => toMovement(ctx, row));
    },
  },
  'cash.close': {
    access: 'user',
    run: (input, ctx) => {
      const actor = actorOf(ctx);
      const store = loadStore(ctx);
      const byCount = input.denominations
        ? totalOfCount(store.settings.currency, input.denominations)
        : undefined;
      if (
        byCount !== undefined &&
        input.countedCash !== undefined &&
        byCount !== input.countedCash
      ) {
        throw new DomainError(
          'VALIDATION',
          `The count by denomination adds up to ${byCount}, not ${input.countedCash}`,
          {
            reason: 'COUNT_MISMATCH',
            path: ['countedCash'],
            byDenomination: byCount,
          },
        );
      }
      const counted = byCount ?? input.countedCash ?? 0;
      const authorizer = authorizerOf(ctx, input.authorizedBy);
      const z = inTransaction(ctx, () => {
        const session = requireOpenSession(ctx, store.registerId);
        if (session.openedBy !== actor.id) {
          requireSupervisor(
            { actor, authorizer },
            'CLOSE_OTHERS_SESSION',
            'Closing a cash session another user opened',
            { openedBy: session.openedBy },
          );
        }
        const live = computeCashReport(ctx, session, store.settings.currency, counted);
        const closedAt = ctx.now().toISOString();
        ctx.db.orm
          .update(cashSessions)
          .set({
            status: 'CERRADA',
            closedBy: actor.id,
            closedAt,
            expectedCash: live.cash.expected,
            countedCash: counted,
            difference: counted - live.cash.expected,
            denominations: input.denominations
              ? JSON.stringify(input.denominations.filter((d) => d.count > 0))
              : null,
            notes: input.notes ?? session.notes,
          })
          .where(eq(cashSessions.id, session.id))
          .run();
        const z = computeCashReport(
          ctx,
          sessionRowById(ctx, session.id),
          store.settings.currency,
          counted,
        );
        ctx.db.orm
          .update(cashSessions)
          .set({ zReport: JSON.stringify(z) })
          .where(eq(cashSessions.id, session.id))
          .run();
        writeAudit(ctx, {
          action: 'cash.close',
          entity: 'cashSession',
          entityId: session.id,
          after: { ...z.cash, authorizedBy: authorizer?.name },
        });
        appendEvent(ctx, 'cash.closed', session.id, z);
        return z;
      });
      // The closed session's past days can no longer change: roll them up for
      // reports, after the close has committed and in transactions of their own.
      tryRollUp(ctx);
      return z;
    },
  },
  'cash.report': { access: 'user', run: (input, ctx) => reportOf(ctx, input.sessionId) },
  'cash.list': {
    access: 'user',
    run: (input, ctx) =>
      ctx.db.orm
        .select()
        .from(cashSessions)
        .where(eq(cashSessions.registerId, loadStore(ctx).registerId))
        .orderBy(desc(cashSessions.openedAt))
        .limit(input.limit)
        .all()
        .map((row) => toCashSession(ctx, row)),
  },
};
