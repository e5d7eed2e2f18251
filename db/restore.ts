/**
 * Putting a backup in the place of a till's database, so that nothing
 * confirmed is ever lost:
 *
 * - the backup is checked as our own (tables, migration hashes, integrity)
 *   before anything else happens;
 * - nobody else may have the database open (lock.ts): a web host still
 *   writing to the old file would write into a deleted inode;
 * - the current database is copied first; one that cannot be read is copied
 *   aside byte for byte, so a restore works exactly when it is needed;
 * - the backup is copied and migrated in a temporary file beside the target
 *   and only then renamed over it, in one atomic step. Until that rename the
 *   live file is byte-identical to before.
 */
import {
  copyFileSync,
  closeSync,
  mkdirSync,
  existsSync,
  fsyncSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { dirname } from 'node:path';
import {
  backupDatabase,
  makeStandalone,
  openReadOnly,
  removeWithSidecars,
  sidecars,
  verifyBackup,
} from './backup';
import { DatabaseOpenError } from './errors';
import { lockDatabase, type DatabaseLock } from './lock';
import { DEFAULT_MIGRATIONS_FOLDER, openDatabase, type TenderoDb } from './open';

export interface RestoreOptions {
  readonly migrationsFolder?: string;
  /** Where the copy of the database being replaced goes. */
  readonly safetyCopy: string;
  /**
   * Runs on the restored, migrated copy just before it goes live (the CLI
   * writes its audit row there). Throwing cancels the restore.
   */
  readonly beforeSwap?: (restored: TenderoDb, outcome: RestoreOutcome) => void | Promise<void>;
}

export interface RestoreOutcome {
  readonly from: string;
  readonly into: string;
  /** A copy of the database that was replaced; null when there was none. */
  readonly safetyCopy: string | null;
  /** The replaced file, when it could not be read, kept aside exactly as it was. */
  readonly unreadableKeptAs: string | null;
}

function stamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-');
}

/** Adds where the previous data is to a failure, so the user is told. */
function withKept(error: unknown, kept: Partial<RestoreOutcome>): unknown {
  if (!(error instanceof DatabaseOpenError)) return error;
  const where = kept.safetyCopy ?? kept.unreadableKeptAs;
  return new DatabaseOpenError(
    error.kind,
    error.file,
    where && existsSync(where)
      ? `${error.message} (the database was not replaced; a copy of it is in ${where})`
      : error.message,
    { cause: error, details: { ...error.details, ...kept } },
  );
}

/**
 * Keeps the database at `target` before it is replaced: a consistent copy of
 * a readable one at `safetyCopy`; an unreadable one copied aside as it is.
 * A readable SQLite file that is not a Tendero database is not replaced.
 */
async function keepCurrent(
  target: string,
  safetyCopy: string,
): Promise<Pick<RestoreOutcome, 'safetyCopy' | 'unreadableKeptAs'>> {
  if (!existsSync(target) || statSync(target).size === 0)
    return { safetyCopy: null, unreadableKeptAs: null };
  mkdirSync(dirname(safetyCopy), { recursive: true });
  let readable = false;
  try {
    const current = openReadOnly(target);
    try {
      const ok = current.db.pragma('quick_check', { simple: true }) === 'ok';
      const tables = current.db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .pluck()
        .all() as string[];
      const ours = tables.includes('settings') && tables.includes('__drizzle_migrations');
      if (ok && tables.length > 0 && !ours) {
        throw new DatabaseOpenError(
          'NOT_A_TENDERO_DATABASE',
          target,
          `${target} is a SQLite file, but not a Tendero database; it was not replaced`,
        );
      }
      readable = ok && ours;
      if (readable) await backupDatabase(current.db, safetyCopy);
    } finally {
      current.close();
    }
  } catch (error) {
    if (readable || error instanceof DatabaseOpenError) throw error;
    // Unreadable: fall through and keep its bytes.
  }
  if (readable) return { safetyCopy, unreadableKeptAs: null };
  const aside = `${target}.unreadable-${stamp()}.sqlite`;
  copyFileSync(target, aside);
  for (const [from, to] of sidecars(target).map((f, i) => [f, sidecars(aside)[i]!] as const))
    if (existsSync(from)) copyFileSync(from, to);
  return { safetyCopy: null, unreadableKeptAs: aside };
}

/** Makes a rename durable: the folder's entry is on disk, not only the file. */
function syncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Copies the backup into a temporary file beside the target, migrates it
 * there, lets `beforeSwap` write to it, and renames it over the target.
 * The caller holds the target's lock exclusively.
 */
async function swapIn(
  from: string,
  target: string,
  kept: Pick<RestoreOutcome, 'safetyCopy' | 'unreadableKeptAs'>,
  options: RestoreOptions,
): Promise<RestoreOutcome> {
  const migrationsFolder = options.migrationsFolder ?? DEFAULT_MIGRATIONS_FOLDER;
  const outcome: RestoreOutcome = { from, into: target, ...kept };
  const temp = `${target}.restoring`;
  removeWithSidecars(temp);
  try {
    const source = openReadOnly(from);
    try {
      await source.db.backup(temp);
    } finally {
      source.close();
    }
    makeStandalone(temp);
    verifyBackup(temp, migrationsFolder);
    const restored = openDatabase(temp, { migrationsFolder, create: false, lock: false });
    try {
      await options.beforeSwap?.(restored, outcome);
    } finally {
      restored.close();
    }
    const wal = `${temp}-wal`;
    if (existsSync(wal) && statSync(wal).size > 0)
      throw new DatabaseOpenError('OTHER', temp, `${temp} could not be checkpointed`);
    for (const f of sidecars(temp)) rmSync(f, { force: true });
    // The old -wal and -shm belong to the old file: replayed into the new one they would corrupt it.
    for (const f of sidecars(target)) rmSync(f, { force: true });
    renameSync(temp, target);
  } catch (error) {
    removeWithSidecars(temp);
    throw withKept(error, kept);
  }
  syncFolder(dirname(target));
  return outcome;
}

/**
 * Restores `from` over the database at `target`, which no process may have
 * open (IN_USE names the ones that do). Used by the CLI when the current file
 * cannot be opened, and by the desktop app's start-up recovery.
 */
export async function restoreDatabase(
  from: string,
  target: string,
  options: RestoreOptions,
): Promise<RestoreOutcome> {
  verifyBackup(from, options.migrationsFolder);
  const lock = lockDatabase(target, 'restore', 'exclusive');
  try {
    const kept = await keepCurrent(target, options.safetyCopy);
    return await swapIn(from, target, kept, options);
  } finally {
    lock.release();
  }
}

/**
 * Restores `from` over the database this process has open as `current`: its
 * lock becomes exclusive (refused, with `current` still open, while another
 * process has the file), the safety copy is taken from the live connection
 * (a failure leaves `current` open and usable), then `current` is closed and
 * the backup swapped in. The caller reopens the file afterwards; after a
 * failure past that point the file is as it was.
 */
export async function restoreOpenDatabase(
  current: TenderoDb,
  from: string,
  options: RestoreOptions,
): Promise<RestoreOutcome> {
  verifyBackup(from, options.migrationsFolder);
  const lock: DatabaseLock | null = current.lock;
  if (!lock) {
    throw new DatabaseOpenError('OTHER', current.file, `${current.file} was opened without a lock`);
  }
  lock.exclusive();
  try {
    await backupDatabase(current.sqlite, options.safetyCopy);
  } catch (error) {
    lock.shared();
    throw error;
  }
  current.close({ keepLock: true });
  try {
    return await swapIn(
      from,
      current.file,
      { safetyCopy: options.safetyCopy, unreadableKeptAs: null },
      options,
    );
  } finally {
    lock.release();
  }
}
