/**
 * The pusher: sends the outbox's unacknowledged events to the central server
 * in seq order, in batches of consecutive seqs, and marks them acknowledged in
 * one transaction with the server's answer. An event leaves the pending set
 * only when the server said it holds it; a failure of any kind leaves it
 * pending, so nothing is ever lost, and the server's replay rule makes a
 * resend harmless, so nothing is ever doubled.
 */
import { and, asc, gte, isNotNull, isNull, lt, lte, sql } from 'drizzle-orm';
import { MAX_BATCH_EVENTS, pushAck, type PushAck } from '../../../core/sync';
import { outbox } from '../../../db/schema';
import { inTransaction, type ServiceContext } from '../context';
import { errorOf, NetworkFailure, request, type Fetch, type ServerReply } from './client';
import { readSyncState, REVIEW_KEPT, reviewOf, updateSyncState, type SyncStateRow } from './state';

/** Under the server's 4 MiB body limit with room to spare; a 413 halves it anyway. */
export const MAX_BATCH_BYTES = 3 * 1024 * 1024;
/** SEQ_GAP answers handled in one round before giving up: a server that keeps moving is wrong. */
const MAX_GAP_RESENDS = 3;

export interface PushOptions {
  readonly fetch?: Fetch;
  /** Events per batch, at most MAX_BATCH_EVENTS. */
  readonly batchSize?: number;
  /** Clear a stop that needed attention and try once more (a person pressed "sync now"). */
  readonly force?: boolean;
}

/**
 * Why a round ended: done (nothing pending), not-enrolled, attention (an error
 * retrying cannot fix), offline (no answer or a server error: retry with
 * backoff), rate-limited (retry after retryAfterMs).
 */
export type PushStop = 'done' | 'not-enrolled' | 'attention' | 'offline' | 'rate-limited';

export interface PushRound {
  readonly sent: number;
  readonly acknowledged: number;
  readonly replayed: number;
  readonly rejected: number;
  readonly stop: PushStop;
  readonly retryAfterMs?: number;
}

type Ctx = Pick<ServiceContext, 'db' | 'now'>;
type OutboxRow = typeof outbox.$inferSelect;

function pendingRows(ctx: Ctx, limit: number): OutboxRow[] {
  return ctx.db.orm
    .select()
    .from(outbox)
    .where(isNull(outbox.sentAt))
    .orderBy(asc(outbox.seq))
    .limit(limit)
    .all();
}

/** The longest run of consecutive seqs from the first row, within the byte budget. */
function batchOf(rows: readonly OutboxRow[]): OutboxRow[] {
  const batch: OutboxRow[] = [];
  let bytes = 0;
  for (const row of rows) {
    const previous = batch.at(-1);
    if (previous && row.seq !== previous.seq + 1) break;
    bytes += row.payload.length + 300;
    if (batch.length > 0 && bytes > MAX_BATCH_BYTES) break;
    batch.push(row);
  }
  return batch;
}

function toEvent(device: string, row: OutboxRow) {
  return {
    device,
    seq: row.seq,
    eventId: row.eventId,
    type: row.type,
    aggregateId: row.aggregateId,
    occurredAt: row.createdAt,
    payload: JSON.parse(row.payload) as unknown,
  };
}

function clockOf(reply: ServerReply): { clockOffsetMs?: number } {
  return reply.serverTime
    ? { clockOffsetMs: Math.round(reply.serverTime.getTime() - reply.localTime.getTime()) }
    : {};
}

/** Every event up to the acknowledged seq is on the server: mark them, in one transaction. */
function recordAck(ctx: Ctx, state: SyncStateRow, ack: PushAck, reply: ServerReply): number {
  const at = ctx.now().toISOString();
  return inTransaction(ctx, () => {
    const marked = ctx.db.orm
      .update(outbox)
      .set({ sentAt: at, lastError: null })
      .where(and(isNull(outbox.sentAt), lte(outbox.seq, ack.acknowledgedSeq)))
      .run().changes;
    const current = readSyncState(ctx) ?? state;
    const review = [...reviewOf(current), ...ack.rejected.map((r) => ({ ...r, at }))].slice(
      -REVIEW_KEPT,
    );
    updateSyncState(ctx, {
      acknowledgedSeq: Math.max(current.acknowledgedSeq, ack.acknowledgedSeq),
      lastAttemptAt: at,
      lastSuccessAt: at,
      offlineSince: null,
      review: JSON.stringify(review),
      ...clockOf(reply),
    });
    return marked;
  });
}

/** A failure: the batch stays pending, its rows say why, the state says since when. */
function recordFailure(
  ctx: Ctx,
  batch: readonly OutboxRow[],
  error: { code: string; message: string },
  kind: 'offline' | 'attention' | 'transient',
  reply?: ServerReply,
): void {
  const at = ctx.now().toISOString();
  inTransaction(ctx, () => {
    const state = readSyncState(ctx);
    if (batch.length > 0) {
      ctx.db.orm
        .update(outbox)
        .set({
          attempts: sql`${outbox.attempts} + 1`,
          lastError: `${error.code}: ${error.message}`,
        })
        .where(
          and(
            isNull(outbox.sentAt),
            gte(outbox.seq, batch[0]!.seq),
            lte(outbox.seq, batch.at(-1)!.seq),
          ),
        )
        .run();
    }
    updateSyncState(ctx, {
      lastAttemptAt: at,
      lastErrorCode: error.code,
      lastErrorMessage: error.message.slice(0, 500),
      lastErrorAt: at,
      ...(kind === 'offline' ? { offlineSince: state?.offlineSince ?? at } : {}),
      ...(kind === 'attention' ? { attention: error.code } : {}),
      ...(reply ? clockOf(reply) : {}),
    });
  });
}

/**
 * The server wants events from `expectedSeq`, before our first pending one:
 * it lost some we had marked (a server restored from a backup). Reopen them if
 * the outbox still has every one; if pruning took any, say so and stop.
 */
function reopenFrom(ctx: Ctx, expectedSeq: number, firstPending: number): boolean {
  return inTransaction(ctx, () => {
    const kept = ctx.db.orm
      .select({ n: sql<number>`count(*)` })
      .from(outbox)
      .where(and(gte(outbox.seq, expectedSeq), lt(outbox.seq, firstPending)))
      .get()!.n;
    if (kept !== firstPending - expectedSeq) return false;
    ctx.db.orm
      .update(outbox)
      .set({ sentAt: null })
      .where(and(isNotNull(outbox.sentAt), gte(outbox.seq, expectedSeq)))
      .run();
    updateSyncState(ctx, { acknowledgedSeq: expectedSeq - 1 });
    return true;
  });
}

/** GET /v1/whoami: is the server there, does it still know this device, what time is it. */
async function probe(ctx: Ctx, state: SyncStateRow, options: PushOptions): Promise<PushStop> {
  let reply: ServerReply;
  try {
    reply = await request(state.serverUrl, 'GET', '/v1/whoami', undefined, {
      credential: state.credential,
      now: ctx.now,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
  } catch (error) {
    if (!(error instanceof NetworkFailure)) throw error;
    recordFailure(ctx, [], { code: 'OFFLINE', message: error.message }, 'offline');
    return 'offline';
  }
  if (reply.status === 200) {
    const at = ctx.now().toISOString();
    updateSyncState(ctx, {
      lastAttemptAt: at,
      lastSuccessAt: at,
      offlineSince: null,
      ...clockOf(reply),
    });
    return 'done';
  }
  const error = errorOf(reply);
  if (reply.status === 401) {
    recordFailure(ctx, [], error, 'attention', reply);
    return 'attention';
  }
  recordFailure(ctx, [], error, reply.status === 429 ? 'transient' : 'offline', reply);
  return reply.status === 429 ? 'rate-limited' : 'offline';
}

/**
 * One round: batch after batch until nothing is pending or something stops
 * it. Runs no transaction while waiting for the network, so a sale is never
 * held up by it.
 */
export async function pushPending(ctx: Ctx, options: PushOptions = {}): Promise<PushRound> {
  let state = readSyncState(ctx);
  const totals = { sent: 0, acknowledged: 0, replayed: 0, rejected: 0 };
  if (!state) return { ...totals, stop: 'not-enrolled' };
  if (state.attention) {
    if (!options.force) return { ...totals, stop: 'attention' };
    updateSyncState(ctx, { attention: null });
  }
  let batchSize = Math.max(1, Math.min(options.batchSize ?? MAX_BATCH_EVENTS, MAX_BATCH_EVENTS));
  let gapResends = 0;
  for (;;) {
    state = readSyncState(ctx);
    if (!state) return { ...totals, stop: 'not-enrolled' };
    const batch = batchOf(pendingRows(ctx, batchSize));
    if (batch.length === 0) {
      // Asked by a person with nothing to send: still check the server, the credential and the clock.
      if (options.force && totals.sent === 0)
        return { ...totals, stop: await probe(ctx, state, options) };
      return { ...totals, stop: 'done' };
    }
    let reply: ServerReply;
    try {
      reply = await request(
        state.serverUrl,
        'POST',
        '/v1/push',
        { device: state.deviceId, events: batch.map((row) => toEvent(state!.deviceId, row)) },
        {
          credential: state.credential,
          now: ctx.now,
          ...(options.fetch ? { fetch: options.fetch } : {}),
        },
      );
    } catch (error) {
      if (!(error instanceof NetworkFailure)) throw error;
      recordFailure(ctx, batch, { code: 'OFFLINE', message: error.message }, 'offline');
      return { ...totals, stop: 'offline' };
    }
    totals.sent += batch.length;

    if (reply.status === 200) {
      const ack = pushAck.safeParse(reply.body);
      if (!ack.success) {
        const error = {
          code: 'BAD_REPLY',
          message: 'The server answered a push with no acknowledgement',
        };
        recordFailure(ctx, batch, error, 'offline', reply);
        return { ...totals, stop: 'offline' };
      }
      totals.acknowledged += recordAck(ctx, state, ack.data, reply);
      totals.replayed += ack.data.replayed;
      totals.rejected += ack.data.rejected.length;
      if (ack.data.acknowledgedSeq < batch[0]!.seq) {
        // Nothing we sent was taken: asking again at once would loop.
        const error = { code: 'NOT_ACKNOWLEDGED', message: 'The server did not take the batch' };
        recordFailure(ctx, batch, error, 'offline', reply);
        return { ...totals, stop: 'offline' };
      }
      continue;
    }

    const error = errorOf(reply);
    if (reply.status === 409 && error.code === 'SEQ_GAP') {
      const expected = Number(error.details.expectedSeq);
      const first = batch[0]!.seq;
      if (
        gapResends++ < MAX_GAP_RESENDS &&
        Number.isInteger(expected) &&
        expected >= 1 &&
        expected < first &&
        reopenFrom(ctx, expected, first)
      ) {
        continue;
      }
      recordFailure(
        ctx,
        batch,
        {
          code: 'SEQ_GAP',
          message: `The server expects event ${error.details.expectedSeq} and this till no longer has it: ${error.message}`,
        },
        'attention',
        reply,
      );
      return { ...totals, stop: 'attention' };
    }
    if (reply.status === 413 && batch.length > 1) {
      batchSize = Math.max(1, Math.floor(batch.length / 2));
      continue;
    }
    if (reply.status === 429) {
      recordFailure(ctx, batch, error, 'transient', reply);
      return {
        ...totals,
        stop: 'rate-limited',
        retryAfterMs: (reply.retryAfterSeconds ?? 60) * 1000,
      };
    }
    if (reply.status >= 500 || reply.status === 408 || reply.status === 404) {
      // The server (or a proxy before it) is there but cannot take pushes now.
      recordFailure(ctx, batch, error, 'offline', reply);
      return { ...totals, stop: 'offline' };
    }
    // 400, 401 (REVOKED, UNAUTHENTICATED), 403, 409 REPLAY_MISMATCH, 413 of one event:
    // sending the same again cannot succeed. Stop and say so; nothing is marked.
    recordFailure(ctx, batch, error, 'attention', reply);
    return { ...totals, stop: 'attention' };
  }
}
