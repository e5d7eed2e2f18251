import type { Statement } from 'better-sqlite3';
import type { Actor } from '../../core/api/model';
import type { TenderoDb } from '../../db/open';
import { getOrMake } from './memo';
import type { Sealer } from './einvoice/sealing';

/**
 * What a use case gets besides its input: the database, who is acting (from
 * the host, never from the payload), and the clock and id source, injected so
 * tests can freeze them.
 */
export interface ServiceContext {
  readonly db: TenderoDb;
  readonly actor: Actor | null;
  readonly now: () => Date;
  readonly newId: () => string;
  /** Reads a file shipped in assets/ (the demo catalog); given by the host. */
  readonly readAsset?: (name: string) => string;
  /** Prints a PDF on a system printer; only the desktop host can (Electron's printing). */
  readonly systemPrint?: SystemPrint;
  /** Told how far a long use case (a CSV import) has got: rows done of all rows. */
  readonly progress?: (done: number, total: number) => void;
  /**
   * Seals the signing certificate at rest; by default an AES-256-GCM key file
   * beside the database (einvoice/sealing.ts says why).
   */
  readonly sealer?: Sealer;
}

export type SystemPrint = (
  pdf: Uint8Array,
  options: { printerName: string; silent: boolean },
) => Promise<void>;

/**
 * Runs `work` as one IMMEDIATE SQLite transaction: it takes the write lock up
 * front (no upgrade deadlock with a second process) and commits all or nothing.
 * Nested calls become savepoints.
 */
export function inTransaction<T>(ctx: Pick<ServiceContext, 'db'>, work: () => T): T {
  return ctx.db.sqlite.transaction(work).immediate();
}

const statements = new WeakMap<object, Map<string, Statement>>();

/**
 * A prepared statement cached per connection: hot paths (scans, sales, reports)
 * skip re-parsing SQL on every call.
 */
export function statement(ctx: Pick<ServiceContext, 'db'>, sql: string): Statement {
  return getOrMake(
    getOrMake(statements, ctx.db.sqlite, () => new Map()),
    sql,
    () => ctx.db.sqlite.prepare(sql),
  );
}
