/**
 * The pusher (and puller) as the desktop and web hosts run it: in the background, woken
 * when a call wrote something the server should hear of, logging what it
 * cannot do. The CLI does not run it (only `pos sync push`).
 */
import type { TenderoDb } from '../db/open';
import { startSyncRunner, type SyncRunner } from './services/sync/runner';

/** Channels after which there are new outbox events, or a new way to send them. */
const WAKING = /^(sales|cash|stock|products)\.|^sync\.(enroll|settings)$/;

export interface BackgroundSync {
  /** Told of every successful call; a write wakes the pusher at once. */
  after(channel: string): void;
  stop(): Promise<void>;
}

export function startBackgroundSync(
  database: () => TenderoDb | null,
  log: (level: 'info' | 'warn' | 'error', message: string, detail?: unknown) => void,
): BackgroundSync {
  let lastStop: string | null = null;
  const runner: SyncRunner = startSyncRunner({
    ctx: () => {
      const db = database();
      return db ? { db, now: () => new Date() } : null;
    },
    onRound: (round) => {
      // Log changes of state, not every quiet round.
      if (round.stop !== lastStop && round.stop !== 'not-enrolled') {
        log(round.stop === 'attention' ? 'error' : 'info', `sync: ${round.stop}`, round);
      }
      lastStop = round.stop;
      if (round.pull && round.pull.applied + round.pull.deactivated > 0) {
        log('info', 'sync: catalogue pulled', round.pull);
      }
    },
    onError: (error) => log('error', 'sync round failed', error),
  });
  return {
    after(channel) {
      if (WAKING.test(channel)) runner.wake();
    },
    stop: () => runner.stop(),
  };
}
