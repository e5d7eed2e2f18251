/**
 * How long the pusher waits after failures in a row: doubling from 2 s up to
 * a minute (a shop wants its header green soon after the network returns),
 * with "equal jitter" (half fixed, half random) so a shop's tills coming back
 * together after an outage do not all knock at the same instant.
 */
export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_MAX_MS = 60_000;

export function backoffDelay(failures: number, random: () => number = Math.random): number {
  if (failures <= 0) return 0;
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.min(failures - 1, 30));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
