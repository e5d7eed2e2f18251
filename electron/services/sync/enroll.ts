/**
 * Enrolment: trading the server's one-time code for this till's own device
 * credential. The till claims the document series its register numbers with,
 * so two tills can never both issue B001; a till that sold before enrolling
 * pushes its whole history from its first pending event.
 */
import { eq, isNull, min, sql } from 'drizzle-orm';
import type { SyncStatus } from '../../../core/api/areas/sync';
import { DomainError } from '../../../core/errors';
import { enrollResponse, type SeriesClaim } from '../../../core/sync';
import { documentSeries, outbox, settings, syncState } from '../../../db/schema';
import { writeAudit } from '../audit';
import { inTransaction, type ServiceContext } from '../context';
import { errorOf, NetworkFailure, request, type Fetch } from './client';
import { readSyncState, syncStatus } from './state';

export interface EnrollInput {
  readonly serverUrl: string;
  readonly code: string;
  readonly deviceName?: string;
  readonly replace?: boolean;
}

/** The series this till's register numbers its documents with. */
function ownSeries(ctx: ServiceContext): SeriesClaim[] {
  const current = ctx.db.orm.select().from(settings).get();
  if (!current) throw new DomainError('NOT_SET_UP', 'Set up the till before enrolling it');
  return ctx.db.orm
    .select({ documentType: documentSeries.documentType, series: documentSeries.series })
    .from(documentSeries)
    .where(eq(documentSeries.registerId, current.currentRegisterId))
    .all() as SeriesClaim[];
}

/**
 * The seq the server should expect first: the oldest event not yet
 * acknowledged, or the one after the last ever written when none waits
 * (sqlite_sequence survives pruning, so seqs are never reused).
 */
export function firstSeqToPush(ctx: Pick<ServiceContext, 'db'>): number {
  const oldest = ctx.db.orm
    .select({ seq: min(outbox.seq) })
    .from(outbox)
    .where(isNull(outbox.sentAt))
    .get()?.seq;
  if (oldest !== null && oldest !== undefined) return oldest;
  const last = ctx.db.sqlite
    .prepare("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'")
    .pluck()
    .get() as number | undefined;
  return (last ?? 0) + 1;
}

function refusal(code: string, message: string, details: Record<string, unknown>): DomainError {
  switch (code) {
    case 'ENROLMENT_CODE_INVALID':
    case 'VALIDATION':
      return new DomainError('VALIDATION', message, { ...details, reason: code });
    case 'SERIES_TAKEN':
      // Not the till's own SERIES_TAKEN (a series of another local register): the server's.
      return new DomainError('CONFLICT', message, { ...details, reason: 'SERVER_SERIES_TAKEN' });
    default:
      return new DomainError('INVALID_STATE', message, { ...details, reason: code });
  }
}

export async function enrollTill(
  ctx: ServiceContext,
  input: EnrollInput,
  fetch?: Fetch,
): Promise<SyncStatus> {
  const existing = readSyncState(ctx);
  if (existing && !input.replace) {
    throw new DomainError(
      'CONFLICT',
      `This till is already enrolled with ${existing.serverUrl}; enrol again only with replace (after a revocation)`,
      { reason: 'ALREADY_ENROLLED' },
    );
  }
  const series = ownSeries(ctx);
  const firstSeq = firstSeqToPush(ctx);
  let reply;
  try {
    reply = await request(
      input.serverUrl,
      'POST',
      '/v1/enroll',
      {
        code: input.code,
        series,
        firstSeq,
        ...(input.deviceName ? { deviceName: input.deviceName } : {}),
      },
      { ...(fetch ? { fetch } : {}), now: ctx.now },
    );
  } catch (error) {
    if (error instanceof NetworkFailure) {
      throw new DomainError('INVALID_STATE', `${error.message} at ${input.serverUrl}`, {
        reason: 'SERVER_UNREACHABLE',
      });
    }
    throw error;
  }
  if (reply.status !== 200) {
    const { code, message, details } = errorOf(reply);
    throw refusal(code, message, details);
  }
  const parsed = enrollResponse.safeParse(reply.body);
  if (!parsed.success) {
    throw new DomainError(
      'INVALID_STATE',
      'The server answered something that is not an enrolment',
      {
        reason: 'BAD_REPLY',
      },
    );
  }
  const enrolled = parsed.data;
  const now = ctx.now();
  const offset = reply.serverTime ? reply.serverTime.getTime() - reply.localTime.getTime() : null;
  inTransaction(ctx, () => {
    const row = {
      serverUrl: input.serverUrl,
      deviceId: enrolled.deviceId,
      storeId: enrolled.storeId,
      registerId: enrolled.registerId,
      registerCode: enrolled.registerCode,
      series: JSON.stringify(enrolled.series),
      credential: enrolled.credential,
      enrolledAt: now.toISOString(),
      acknowledgedSeq: enrolled.nextSeq - 1,
      lastAttemptAt: null,
      lastSuccessAt: now.toISOString(),
      offlineSince: null,
      lastErrorCode: null,
      lastErrorMessage: null,
      lastErrorAt: null,
      attention: null,
      clockOffsetMs: offset === null ? null : Math.round(offset),
      review: '[]',
      // Another server, store or enrolment: its changes start from the beginning.
      pullCursor: null,
      lastPulledAt: null,
      pullResetting: false,
    };
    ctx.db.orm
      .insert(syncState)
      .values({ id: 1, ...row })
      .onConflictDoUpdate({ target: syncState.id, set: row })
      .run();
    // Events before the server's first seq were taken by a device this till was before.
    ctx.db.orm
      .update(outbox)
      .set({ sentAt: now.toISOString() })
      .where(sql`${outbox.seq} < ${enrolled.nextSeq} AND ${outbox.sentAt} IS NULL`)
      .run();
    writeAudit(ctx, {
      action: 'sync.enroll',
      entity: 'device',
      entityId: enrolled.deviceId,
      before: existing ? { serverUrl: existing.serverUrl, deviceId: existing.deviceId } : null,
      after: {
        serverUrl: input.serverUrl,
        storeId: enrolled.storeId,
        register: enrolled.registerCode,
      },
    });
  });
  return syncStatus(ctx);
}
