import { existsSync, renameSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { DatabaseOpenError } from './errors';
import { readJournal, DEFAULT_MIGRATIONS_FOLDER } from './open';

export interface BackupProgress {
  readonly totalPages: number;
  readonly remainingPages: number;
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
  const partial = `${to}.partial`;
  rmSync(partial, { force: true });
  try {
    await sqlite.backup(partial, {
      progress: (info) => {
        onProgress?.(info);
        return 256; // pages per step: small steps keep the till responsive
      },
    });
    verifyBackup(partial);
    renameSync(partial, to);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  const check = new Database(to, { readonly: true });
  try {
    const pages = check.pragma('page_count', { simple: true }) as number;
    const size = check.pragma('page_size', { simple: true }) as number;
    return { file: to, bytes: pages * size };
  } finally {
    check.close();
  }
}

/**
 * Checks that a file is a whole, readable Tendero database this version can
 * open: integrity, the settings table, and no migration newer than ours.
 */
export function verifyBackup(file: string, migrationsFolder = DEFAULT_MIGRATIONS_FOLDER): void {
  if (!existsSync(file)) throw new DatabaseOpenError('OTHER', file, `${file} does not exist`);
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new DatabaseOpenError(
      'CORRUPT',
      file,
      `${file} cannot be read: ${(error as Error).message}`,
    );
  }
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
    throw new DatabaseOpenError(
      'CORRUPT',
      file,
      `${file} cannot be read: ${(error as Error).message}`,
    );
  } finally {
    db.close();
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
  const source = new Database(from, { readonly: true, fileMustExist: true });
  const partial = `${target}.restoring`;
  rmSync(partial, { force: true });
  try {
    await source.backup(partial);
  } finally {
    source.close();
  }
  verifyBackup(partial);
  rmSync(`${target}-wal`, { force: true });
  rmSync(`${target}-shm`, { force: true });
  renameSync(partial, target);
}
