import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export type LogLevel = 'info' | 'warn' | 'error';

export interface Logger {
  readonly file: string;
  log(level: LogLevel, message: string, data?: unknown): void;
}

export interface LogOptions {
  /** Rotate when the file passes this many bytes. */
  readonly maxBytes?: number;
  /** How many rotated files to keep beside the live one. */
  readonly keep?: number;
  readonly now?: () => Date;
}

/**
 * A small rotating log in the data folder: tendero.log, then tendero.1.log …
 * Synchronous appends, so the last line before a crash is on disk.
 */
export function createLogger(dir: string, options: LogOptions = {}): Logger {
  const maxBytes = options.maxBytes ?? 1_000_000;
  const keep = options.keep ?? 5;
  const now = options.now ?? (() => new Date());
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'tendero.log');
  const rotated = (n: number) => join(dir, `tendero.${n}.log`);

  function rotateIfNeeded(): void {
    if (!existsSync(file) || statSync(file).size < maxBytes) return;
    rmSync(rotated(keep), { force: true });
    for (let n = keep - 1; n >= 1; n--)
      if (existsSync(rotated(n))) renameSync(rotated(n), rotated(n + 1));
    renameSync(file, rotated(1));
  }

  return {
    file,
    log(level, message, data) {
      try {
        rotateIfNeeded();
        const extra =
          data === undefined
            ? ''
            : ` ${data instanceof Error ? (data.stack ?? data.message) : JSON.stringify(data)}`;
        appendFileSync(file, `${now().toISOString()} ${level.toUpperCase()} ${message}${extra}\n`);
      } catch {
        // A full disk must not take the till down with it; the sale is what matters.
      }
    },
  };
}

/** Calls slower than this are logged as warnings. */
export const SLOW_CALL_MS = 100;
