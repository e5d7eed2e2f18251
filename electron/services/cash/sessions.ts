import { eq, sql } from 'drizzle-orm';
import { prepared, selectRows } from '../sql';
import { DomainError } from '../../../core/errors';
import type { CashSession, SessionStatus } from '../../../core/api/model';
import { cashSessions, registers, users } from '../../../db/schema';
import { statement, type ServiceContext } from '../context';

export type SessionRow = typeof cashSessions.$inferSelect;

export function openSessionOf(ctx: ServiceContext, registerId: number): SessionRow | undefined {
  // Every open session, then this register's: the partial index holds only the
  // open ones (one per register). No parameter on purpose: once ANALYZE has
  // sampled cash_sessions, SQLite re-plans a statement that binds register_id
  // on every run, and this one runs on every sale.
  return selectRows(ctx, cashSessions, "status = 'ABIERTA'")
    .all()
    .find((session) => session.registerId === registerId);
}

/** A sale, a movement or a refund needs this register's open session. */
export function requireOpenSession(ctx: ServiceContext, registerId: number): SessionRow {
  const session = openSessionOf(ctx, registerId);
  if (!session) {
    throw new DomainError('NO_OPEN_SESSION', 'Open the cash session first', { registerId });
  }
  return session;
}

export function sessionRowById(ctx: ServiceContext, id: string): SessionRow {
  const row = prepared(ctx, 'sessionById', () =>
    ctx.db.orm
      .select()
      .from(cashSessions)
      .where(eq(cashSessions.id, sql.placeholder('id')))
      .prepare(),
  ).get({ id });
  if (!row)
    throw new DomainError('NOT_FOUND', `Cash session ${id} does not exist`, {
      entity: 'cashSession',
      id,
    });
  return row;
}

/**
 * A session's number on its register: how many of the register's sessions
 * opened before it or with it (ties by id), read on the (register_id,
 * opened_at) index. Only one session per register is open at a time and each
 * opens after the last one closed, so the numbers never change once shown.
 */
export function sessionNumber(ctx: ServiceContext, row: SessionRow): number {
  return (
    statement(
      ctx,
      'SELECT COUNT(*) AS n FROM cash_sessions WHERE register_id = ? AND (opened_at < ? OR (opened_at = ? AND id <= ?))',
    ).get(row.registerId, row.openedAt, row.openedAt, row.id) as { n: number }
  ).n;
}

export function toCashSession(ctx: ServiceContext, row: SessionRow): CashSession {
  const names = new Map(
    ctx.db.orm
      .select({ id: users.id, name: users.name })
      .from(users)
      .all()
      .map((u) => [u.id, u.name]),
  );
  const register = ctx.db.orm
    .select({ code: registers.code })
    .from(registers)
    .where(eq(registers.id, row.registerId))
    .get();
  return {
    id: row.id,
    number: sessionNumber(ctx, row),
    registerId: row.registerId,
    registerCode: register?.code ?? '',
    status: row.status as SessionStatus,
    openingFloat: row.openingFloat,
    openedBy: { id: row.openedBy, name: names.get(row.openedBy) ?? '' },
    openedAt: row.openedAt,
    closedBy:
      row.closedBy === null ? null : { id: row.closedBy, name: names.get(row.closedBy) ?? '' },
    closedAt: row.closedAt,
    expectedCash: row.expectedCash,
    countedCash: row.countedCash,
    difference: row.difference,
    denominations:
      row.denominations === null
        ? null
        : (JSON.parse(row.denominations) as CashSession['denominations']),
    notes: row.notes,
  };
}
