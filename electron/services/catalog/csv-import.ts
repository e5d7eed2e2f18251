import { DomainError } from '../../../core/errors';
import type { ImportChange, ImportIssue, ImportReport } from '../../../core/api/model';
import { busyError, pause, retryWhileBusy } from '../busy';
import { inTransaction, type ServiceContext } from '../context';
import {
  checkImport,
  checkImportPausing,
  rowIssue,
  type ImportOptions,
  type ImportPlan,
  type PlannedRow,
} from './csv-import-check';
import { writeRow } from './csv-import-row';

export type { ImportOptions } from './csv-import-check';

/**
 * How long one transaction of the chunked import may write: better-sqlite3
 * runs a transaction without giving the event loop back, so one transaction
 * of 50,000 rows froze the host (every till, every page) for a minute. A
 * chunk ends after IMPORT_CHUNK_MS or IMPORT_CHUNK_ROWS rows, whichever comes
 * first (a row takes about a millisecond, more on a busy machine), so a sale
 * posted meanwhile waits for one short chunk at most.
 */
export const IMPORT_CHUNK_MS = 100;
export const IMPORT_CHUNK_ROWS = 500;

/**
 * The gap between two chunks. It hands the event loop to whatever waits in
 * this process, and leaves the write lock free long enough for another
 * process (a till selling while `pos import-products` runs) to take it: SQLite
 * has no queue for the lock, a waiter only polls.
 */
const CHUNK_GAP_MS = 5;

/** How long one chunk waits for another process's write lock before the import stops with BUSY. */
const CHUNK_BUSY_WAIT_MS = 10_000;

/** Rows written so far: new products, products changed, and products the file left as they were. */
interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}

const NONE: Counts = { created: 0, updated: 0, unchanged: 0 };

function report(
  plan: ImportPlan,
  options: ImportOptions,
  counts: Counts,
  changes: readonly ImportChange[] = plan.changes,
): ImportReport {
  const { created, updated, unchanged } = counts;
  return {
    dryRun: options.dryRun,
    rows: plan.rows,
    created,
    updated,
    unchanged,
    skipped: plan.rows - created - updated - unchanged,
    errors: [...plan.errors].sort((a, b) => a.line - b.line),
    encoding: plan.encoding,
    separator: plan.separator,
    changes,
    setStock: plan.stock.setStock,
  };
}

/**
 * The refusal of a file with bad rows. The message names the API's option;
 * the CLI names --skip-invalid and the UI its checkbox (by the reason).
 */
function refusal(plan: ImportPlan, options: ImportOptions): DomainError {
  return new DomainError(
    'VALIDATION',
    plan.fileBad
      ? 'The file cannot be imported: check its columns'
      : `${plan.errors.length} rows have errors; nothing was imported. Fix them, or import only the valid rows with skipInvalid`,
    {
      reason: 'IMPORT_HAS_ERRORS',
      // Whether skipping bad rows would import something: not when the columns are wrong.
      canSkip: !plan.fileBad && plan.planned.length > 0,
      report: report(plan, options, NONE),
    },
  );
}

/** The report when nothing is to be written (a dry run), or the refusal when rows are bad. */
function settle(plan: ImportPlan, options: ImportOptions): ImportReport | undefined {
  if (options.dryRun) {
    // Only rows that change something count as updates; the rest are "sin cambios".
    const updated = plan.changes.length;
    return report(plan, options, {
      created: plan.creates,
      updated,
      unchanged: plan.planned.length - plan.creates - updated,
    });
  }
  if (plan.errors.length > 0 && (plan.fileBad || !options.skipInvalid))
    throw refusal(plan, options);
  return undefined;
}

/**
 * Writes rows in the caller's transaction, each in its own savepoint. The
 * rows were checked, so a refusal here means the database changed since
 * (someone took a barcode meanwhile): with skipInvalid the row is reported
 * and skipped, otherwise the whole transaction is rolled back.
 */
function applyRows(
  ctx: ServiceContext,
  plan: ImportPlan,
  skipInvalid: boolean,
  errors: ImportIssue[],
  changes: ImportChange[],
  chunk: { readonly from: number; readonly rows: number; readonly ms: number } = {
    from: 0,
    rows: Infinity,
    ms: Infinity,
  },
): Counts & { next: number } {
  const rows = plan.planned;
  const deadline = performance.now() + chunk.ms;
  const end = Math.min(rows.length, chunk.from + chunk.rows);
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  let next = chunk.from;
  while (next < end && (next === chunk.from || performance.now() < deadline)) {
    const row = rows[next++]!;
    try {
      const done = ctx.db.sqlite.transaction(() =>
        writeRow(ctx, row.incoming, plan.stock, plan.defaultTaxCategory),
      )();
      if (done.outcome === 'created') created++;
      else if (done.change) updated++;
      else unchanged++;
      if (done.change) changes.push(done.change);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (!skipInvalid) throw new ChangedMeanwhile(row, error);
      errors.push(rowIssue(row.line, error));
    }
  }
  return { created, updated, unchanged, next };
}

class ChangedMeanwhile extends Error {
  constructor(
    readonly row: PlannedRow,
    readonly cause: DomainError,
  ) {
    super(cause.message);
  }
}

function interrupted(
  plan: ImportPlan,
  options: ImportOptions,
  at: ChangedMeanwhile,
  counts: Counts,
  changes: readonly ImportChange[] = [],
): DomainError {
  const issue = rowIssue(at.row.line, at.cause);
  const { created, updated, unchanged } = counts;
  return new DomainError(
    'CONFLICT',
    `Line ${at.row.line} changed in the database while importing (${at.cause.message}); ${created + updated + unchanged} rows before it were imported. Fix it and import the file again: rows already imported are updated, not duplicated`,
    {
      reason: 'IMPORT_INTERRUPTED',
      report: {
        ...report(plan, options, counts, changes),
        errors: [...plan.errors, issue],
      },
    },
  );
}

/**
 * Upserts products by code, all rows in one transaction. Every row is checked
 * first and every bad row is reported with its line; unless told to skip
 * them, one bad row means nothing is written. For small files written in one
 * go (the demo catalog); the API uses importProductsCsvInChunks.
 */
export function importProductsCsv(ctx: ServiceContext, options: ImportOptions): ImportReport {
  return inTransaction(ctx, () => {
    const plan = checkImport(ctx, options);
    const settled = settle(plan, options);
    if (settled) return settled;
    const errors = [...plan.errors];
    const changes: ImportChange[] = [];
    try {
      const counts = applyRows(ctx, plan, options.skipInvalid, errors, changes);
      return report({ ...plan, errors }, options, counts, changes);
    } catch (error) {
      if (error instanceof ChangedMeanwhile) throw interrupted(plan, options, error, NONE);
      throw error;
    }
  });
}

/**
 * The same import for files of any size, as the API runs it: the whole file is
 * checked first (all or nothing, as above), then written in short
 * transactions (IMPORT_CHUNK_MS), giving the event loop and the write lock back between
 * chunks, so tills keep selling while a 50,000-row catalog goes in. Progress
 * (rows written of rows to write) is told to ctx.progress after each chunk.
 *
 * A crash, a kill or a power cut between chunks leaves the chunks already
 * committed, whole (each chunk is one transaction). Rows are upserted by
 * code and the stock column is the count to reach, not an amount to add, so
 * running the same import again writes the rest and leaves the catalog as one
 * clean import would (the rows written twice are counted as unchanged, with no
 * new audit row or stock movement: nothing in them changes).
 */
export async function importProductsCsvInChunks(
  ctx: ServiceContext,
  options: ImportOptions,
): Promise<ImportReport> {
  const plan = await checkImportPausing(ctx, options);
  const settled = settle(plan, options);
  if (settled) return settled;
  const errors = [...plan.errors];
  const changes: ImportChange[] = [];
  const total = plan.planned.length;
  const counts: Counts = { created: 0, updated: 0, unchanged: 0 };
  let next = 0;
  ctx.progress?.(0, total);
  while (next < total) {
    if (next > 0) await pause(CHUNK_GAP_MS);
    const chunk = { from: next, rows: IMPORT_CHUNK_ROWS, ms: IMPORT_CHUNK_MS };
    try {
      const done = await retryWhileBusy(
        () =>
          inTransaction(ctx, () =>
            applyRows(ctx, plan, options.skipInvalid, errors, changes, chunk),
          ),
        CHUNK_BUSY_WAIT_MS,
      );
      counts.created += done.created;
      counts.updated += done.updated;
      counts.unchanged += done.unchanged;
      next = done.next;
    } catch (error) {
      if (error instanceof ChangedMeanwhile)
        throw interrupted(plan, options, error, { ...counts }, changes);
      if (error instanceof DomainError && error.code === 'BUSY') {
        throw busyError({
          reason: 'IMPORT_INTERRUPTED',
          report: report({ ...plan, errors }, options, { ...counts }, changes),
        });
      }
      throw error;
    }
    ctx.progress?.(next, total);
  }
  return report({ ...plan, errors }, options, counts, changes);
}
