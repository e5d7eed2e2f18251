import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { classifySqliteError, DatabaseOpenError } from './errors';
import { readJournal, DEFAULT_MIGRATIONS_FOLDER } from './open';

export interface BackupProgress {
  readonly totalPages: number;
  readonly remainingPages: number;
}

/** The files SQLite may keep beside a database, which belong to that one file. */
function sidecars(file: string): string[] {
  return [`${file}-wal`, `${file}-shm`, `${file}-journal`];
}

function removeWithSidecars(file: string): void {
  for (const f of [file, ...sidecars(file)]) rmSync(f, { force: true });
}

/**
 * Turns a fresh copy into one self-contained file: the online backup copies
 * the live database's WAL flag, so the copy would otherwise grow -wal and -shm
 * files the first time anything reads it, and travel badly on a USB stick.
 */
function makeStandalone(file: string): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
  for (const f of sidecars(file)) rmSync(f, { force: true });
}

/**
 * Opens a file read-only. Reading a WAL-mode file makes SQLite create -wal and
 * -shm files beside it; `close` removes those this connection created (and
 * left empty), so reading a backup leaves its folder as it was.
 */
function openReadOnly(file: string): { db: Database.Database; close(): void } {
  const created = sidecars(file).filter((f) => !existsSync(f));
  const db = new Database(file, { readonly: true, fileMustExist: true });
  return {
    db,
    close() {
      db.close();
      const wal = `${file}-wal`;
      if (!existsSync(wal) || statSync(wal).size === 0) {
        for (const f of created) rmSync(f, { force: true });
      }
    },
  };
}

function unreadable(file: string, error: unknown): DatabaseOpenError {
  const kind = classifySqliteError(error);
  return new DatabaseOpenError(
    kind === 'OTHER' ? 'CORRUPT' : kind,
    file,
    `${file} cannot be read: ${(error as Error).message}`,
    { cause: error },
  );
}

/**
 * Writes a consistent copy of a live database with SQLite's online backup:
 * sales can go on meanwhile. The copy is written beside the target and renamed
 * into place, so a failed backup never leaves a truncated file under the name.
 */
export async function backupDatabase(
  sqlite: Database.Database,
  to: string,
  onProgress?: (progress: BackupProgress) => void,
): Promise<{ file: string; bytes: number }> {
  if (resolve(to) === resolve(sqlite.name)) {
    throw new DatabaseOpenError('OTHER', to, `A backup cannot overwrite the live database ${to}`);
  }
  const partial = `${to}.partial`;
  // Leftovers of an interrupted run would be replayed into the new copy.
  removeWithSidecars(partial);
  try {
    await sqlite.backup(partial, {
      progress: (info) => {
        onProgress?.(info);
        return 256; // pages per step: small steps keep the till responsive
      },
    });
    makeStandalone(partial);
    verifyBackup(partial);
    // An old backup's -wal beside the new file would be read as part of it.
    for (const f of sidecars(to)) rmSync(f, { force: true });
    renameSync(partial, to);
  } catch (error) {
    removeWithSidecars(partial);
    throw error;
  }
  return { file: to, bytes: statSync(to).size };
}

/**
 * Checks that a file is a whole, readable Tendero database this version can
 * open: integrity, the settings table, and no migration newer than ours.
 */
export function verifyBackup(file: string, migrationsFolder = DEFAULT_MIGRATIONS_FOLDER): void {
  if (!existsSync(file)) throw new DatabaseOpenError('OTHER', file, `${file} does not exist`);
  let connection: ReturnType<typeof openReadOnly>;
  try {
    connection = openReadOnly(file);
  } catch (error) {
    throw unreadable(file, error);
  }
  const { db } = connection;
  try {
    const integrity = db.pragma('quick_check', { simple: true });
    if (integrity !== 'ok')
      throw new DatabaseOpenError('CORRUPT', file, `${file} is damaged: ${String(integrity)}`);
    const hasSettings = db
      .prepare("SELECT 1 FROM sqlite_master WHERE name IN ('settings', '__drizzle_migrations')")
      .all();
    if (hasSettings.length < 2) {
      throw new DatabaseOpenError(
        'NOT_A_TENDERO_DATABASE',
        file,
        `${file} is not a Tendero database`,
      );
    }
    const newest = Math.max(...readJournal(migrationsFolder).map((e) => e.when));
    const applied = (
      db.prepare('SELECT MAX(created_at) AS at FROM __drizzle_migrations').get() as { at: number }
    ).at;
    if (Number(applied) > newest) {
      throw new DatabaseOpenError(
        'NEWER_VERSION',
        file,
        `${file} comes from a newer version of Tendero`,
      );
    }
  } catch (error) {
    if (error instanceof DatabaseOpenError) throw error;
    throw unreadable(file, error);
  } finally {
    connection.close();
  }
}

/**
 * Replaces the database file at `target` with the backup `from`. The caller
 * closes the live connection first and reopens after. The backup is checked
 * before anything is touched, copied beside the target, and renamed into place;
 * the old WAL and shared-memory files go, since they belong to the old file.
 */
export async function restoreDatabase(from: string, target: string): Promise<void> {
  verifyBackup(from);
  const source = openReadOnly(from);
  const partial = `${target}.restoring`;
  removeWithSidecars(partial);
  try {
    try {
      await source.db.backup(partial);
    } finally {
      source.close();
    }
    makeStandalone(partial);
    verifyBackup(partial);
  } catch (error) {
    removeWithSidecars(partial);
    throw error;
  }
  for (const f of sidecars(target)) rmSync(f, { force: true });
  renameSync(partial, target);
}
