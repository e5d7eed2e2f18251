import { and, desc, eq, gte, lt, lte } from 'drizzle-orm';
import type { AuditEntry } from '../../core/api/model';
import { auditLog } from '../../db/schema';
import type { ServiceContext } from './context';
import { insertRow } from './sql';

export interface AuditRecord {
  readonly action: string;
  readonly outcome?: 'ok' | 'denied';
  readonly entity?: string;
  readonly entityId?: string | number;
  readonly reason?: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

/** Appends an audit row; call it inside the transaction of the change it records. */
export function writeAudit(ctx: ServiceContext, record: AuditRecord): void {
  insertRow(ctx, auditLog, {
    at: ctx.now().toISOString(),
    userId: ctx.actor?.id ?? null,
    userName: ctx.actor?.name ?? '',
    action: record.action,
    outcome: record.outcome ?? 'ok',
    entity: record.entity ?? '',
    entityId: record.entityId === undefined ? '' : String(record.entityId),
    reason: record.reason ?? '',
    before: record.before === undefined ? null : JSON.stringify(record.before),
    after: record.after === undefined ? null : JSON.stringify(record.after),
  });
}

function parseJson(text: string | null): unknown {
  return text === null ? null : (JSON.parse(text) as unknown);
}

export interface AuditQuery {
  readonly from?: string;
  readonly to?: string;
  readonly action?: string;
  readonly outcome?: 'ok' | 'denied';
  readonly userId?: number;
  readonly limit: number;
  readonly beforeId?: number;
}

/** Newest first. `from`/`to` are UTC days here: the audit log is a technical record. */
export function listAudit(ctx: ServiceContext, query: AuditQuery): AuditEntry[] {
  const rows = ctx.db.orm
    .select()
    .from(auditLog)
    .where(
      and(
        query.from ? gte(auditLog.at, query.from) : undefined,
        query.to ? lte(auditLog.at, `${query.to}T23:59:59.999Z`) : undefined,
        query.action ? eq(auditLog.action, query.action) : undefined,
        query.outcome ? eq(auditLog.outcome, query.outcome) : undefined,
        query.userId ? eq(auditLog.userId, query.userId) : undefined,
        query.beforeId ? lt(auditLog.id, query.beforeId) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(query.limit)
    .all();
  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    userId: row.userId,
    userName: row.userName,
    action: row.action,
    outcome: row.outcome === 'denied' ? 'denied' : 'ok',
    entity: row.entity,
    entityId: row.entityId,
    reason: row.reason,
    before: parseJson(row.before),
    after: parseJson(row.after),
  }));
}
