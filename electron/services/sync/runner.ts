/**
 * The background pusher a host runs (desktop, web): a round whenever events
 * wait, a short pause when all is sent, exponential backoff with jitter while
 * the server is unreachable, and outbox pruning once the queue is drained.
 * Rounds on one database never overlap in one process, whoever starts them
 * (this loop or sync.pushNow).
 */
import type { ServiceContext } from '../context';
import { backoffDelay } from './backoff';
import type { Fetch } from './client';
import { OUTBOX_KEEP_DAYS, pruneOutbox } from './prune';
import { pullChanges, type PullRound } from './pull';
import { pushPending, type PushOptions, type PushRound } from './push';

type Ctx = Pick<ServiceContext, 'db' | 'now'>;

const running = new WeakMap<object, Promise<unknown>>();

/** A push round, then (when everything was sent) a pull of the catalogue. */
export interface SyncRound extends PushRound {
  /** Null when the push did not finish (offline, attention, not enrolled): the pull waits for it. */
  readonly pull: PullRound | null;
}

/**
 * Pushes first, so this till's own edits are on the server before it pulls:
 * a pulled product then rarely meets an unacknowledged local edit.
 */
async function pushThenPull(ctx: Ctx, options: PushOptions): Promise<SyncRound> {
  const push = await pushPending(ctx, options);
  if (push.stop !== 'done') return { ...push, pull: null };
  const pull = await pullChanges(ctx, options.fetch ? { fetch: options.fetch } : {});
  return { ...push, pull };
}

/**
 * A push round and a pull, after any round already running on this database
 * in this process (this loop's or sync.pushNow's): they never overlap.
 */
export function pushExclusive(ctx: Ctx, options: PushOptions = {}): Promise<SyncRound> {
  const before = running.get(ctx.db.sqlite) ?? Promise.resolve();
  const next = before.catch(() => undefined).then(() => pushThenPull(ctx, options));
  running.set(ctx.db.sqlite, next);
  return next;
}

export interface SyncRunnerOptions {
  /** The database to push from, asked each round (the desktop swaps it on a restore); null skips. */
  readonly ctx: () => Ctx | null;
  readonly fetch?: Fetch;
  /** Pause between rounds while the server answers. */
  readonly idleMs?: number;
  readonly random?: () => number;
  readonly pruneDays?: number;
  readonly onRound?: (round: SyncRound) => void;
  readonly onError?: (error: unknown) => void;
}

export interface SyncRunner {
  /** Start a round soon (a sale was made, the network came back). */
  wake(): void;
  stop(): Promise<void>;
}

const PRUNE_EVERY_MS = 60 * 60_000;

export function startSyncRunner(options: SyncRunnerOptions): SyncRunner {
  const idleMs = options.idleMs ?? 5_000;
  let failures = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let current: Promise<void> | null = null;
  let lastPrune = 0;

  function schedule(delay: number): void {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      current = round();
    }, delay);
    timer.unref();
  }

  async function round(): Promise<void> {
    let delay = idleMs;
    try {
      const ctx = options.ctx();
      if (!ctx) return schedule(delay);
      const result = await pushExclusive(ctx, options.fetch ? { fetch: options.fetch } : {});
      options.onRound?.(result);
      if (result.stop === 'offline') {
        failures++;
        delay = backoffDelay(failures, options.random);
      } else if (result.stop === 'rate-limited') {
        failures++;
        delay = Math.max(result.retryAfterMs ?? 0, backoffDelay(failures, options.random));
      } else if (result.pull?.stop === 'offline') {
        // Everything was sent but the catalogue did not come down: try again after a backoff.
        failures++;
        delay = backoffDelay(failures, options.random);
      } else {
        failures = 0;
        const now = Date.now();
        if (result.stop === 'done' && now - lastPrune > PRUNE_EVERY_MS) {
          lastPrune = now;
          pruneOutbox(ctx, options.pruneDays ?? OUTBOX_KEEP_DAYS);
        }
      }
    } catch (error) {
      // A busy database or a bug: log it, keep the events, try again later.
      failures++;
      delay = backoffDelay(failures, options.random);
      options.onError?.(error);
    }
    schedule(delay);
  }

  schedule(0);
  return {
    wake() {
      // While the server is away, the backoff decides; a sale does not hammer it.
      if (!stopped && timer && failures === 0) schedule(0);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await current;
    },
  };
}
