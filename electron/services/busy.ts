import { DomainError } from '../../core/errors';
import { BUSY_TIMEOUT_MS } from '../../db/open';

/**
 * How long a call waits for another process's write lock before it answers
 * BUSY. A sale normally commits in milliseconds and another program's write
 * (a CLI import chunk, a second till on the same file) lasts well under a
 * second; past 2 s the cashier is better told "try again" than left looking at
 * a till that does not answer. The wait is spent between attempts, each of
 * which blocks for at most BUSY_TIMEOUT_MS, so the host keeps answering
 * everyone else meanwhile.
 */
export const BUSY_WAIT_MS = 2000;

/** The pause between two attempts: the event loop runs other requests then. */
export const BUSY_PAUSE_MS = 50;

export function isBusyError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    String((error as { code?: unknown }).code ?? '').startsWith('SQLITE_BUSY')
  );
}

export function busyError(details?: Record<string, unknown>): DomainError {
  return new DomainError(
    'BUSY',
    'The till is busy with another task; nothing was saved. Try again in a few seconds',
    details,
  );
}

export const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` (one transaction, so a failed attempt wrote nothing) again while
 * another process holds the write lock, for up to `waitMs`; then BUSY.
 */
export async function retryWhileBusy<T>(work: () => T, waitMs = BUSY_WAIT_MS): Promise<T> {
  const deadline = performance.now() + waitMs;
  for (;;) {
    try {
      return work();
    } catch (error) {
      if (!isBusyError(error)) throw error;
      if (performance.now() + BUSY_PAUSE_MS + BUSY_TIMEOUT_MS > deadline) throw busyError();
      await pause(BUSY_PAUSE_MS);
    }
  }
}
