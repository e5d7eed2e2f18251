import type { ErrorInfo } from '../../../core/errors';
import type { ScanResult } from '../../../core/api/model';
import type { Result } from '../../../core/api/result';
import { api } from '../api/client';

/** `picked`: the code came from the search (F2), not from the scanner. */
export type ScanOutcome = (
  { ok: true; scan: ScanResult } | { ok: false; error: ErrorInfo; code: string }
) & { picked?: boolean };

/**
 * Scans resolved strictly in the order they were read, however fast the
 * scanner types: each Enter queues the code, one lookup runs at a time, and
 * outcomes are handed over in order. Known codes are answered from a cache
 * (a scale label or an "N*" entry is always asked, since its quantity varies).
 */
export type Lookup = (code: string) => Promise<Result<ScanResult>>;

const lookupByApi: Lookup = (code) => api.call('products.byBarcode', { code });

export function createScanQueue(
  onOutcome: (outcome: ScanOutcome) => void,
  lookup: Lookup = lookupByApi,
) {
  const queue: { code: string; picked: boolean }[] = [];
  const cache = new Map<string, ScanResult>();
  let running = false;
  let waiters: (() => void)[] = [];

  async function resolve(code: string): Promise<ScanOutcome> {
    const cached = cache.get(code);
    if (cached) return { ok: true, scan: { ...cached, scanned: code } };
    const result = await lookup(code);
    if (!result.ok) return { ok: false, error: result.error, code };
    const plain = result.value.source === 'barcode' || result.value.source === 'code';
    if (plain && !code.includes('*')) cache.set(code, result.value);
    return { ok: true, scan: result.value };
  }

  async function drain(): Promise<void> {
    if (running) return;
    running = true;
    try {
      while (queue.length > 0) {
        const { code, picked } = queue.shift()!;
        const outcome = await resolve(code);
        onOutcome(picked ? { ...outcome, picked } : outcome);
      }
    } finally {
      running = false;
      const done = waiters;
      waiters = [];
      done.forEach((resolve) => resolve());
    }
  }

  return {
    push(code: string, options: { picked?: boolean } = {}): void {
      const trimmed = code.trim();
      if (trimmed === '') return;
      queue.push({ code: trimmed, picked: options.picked ?? false });
      void drain();
    },
    /** Resolves once every scan read so far has landed in the cart. */
    idle(): Promise<void> {
      if (!running && queue.length === 0) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
    /** Forget cached products (after a product or price change). */
    invalidate(): void {
      cache.clear();
    },
    get pending(): number {
      return queue.length + (running ? 1 : 0);
    },
  };
}
