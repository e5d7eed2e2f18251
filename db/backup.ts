import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { classifySqliteError, DatabaseOpenError } from './errors';
import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator';
import { readJournal, DEFAULT_MIGRATIONS_FOLDER } from './open';

export interface BackupProgress {
  readonly totalPages: number;
  readonly remainingPages: number;
}

/** The files SQLite may keep beside a database, which belong to that one file. */
export function sidecars(file: string): string[] {
  return [`${file}-wal`, `${file}-shm`, `${file}-journal`];
}

export function removeWithSidecars(file: string): void {
  for (const f of [file, ...sidecars(file)]) rmSync(f, { force: true });
}

/**
 * Turns a fresh copy into one self-contained file: the online backup copies
 * the live database's WAL flag, so the copy would otherwise grow -wal and -shm
 * files the first time anything reads it, and travel badly on a USB stick.
 */
export function makeStandalone(file: string): void {
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
export function openReadOnly(file: string): { db: Database.Database; close(): void } {
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

/** Tables and their columns, as a Tendero database has them after `count` migrations. */
const referenceSchemas = new Map<string, Map<string, string[]>>();

function schemaOf(db: Database.Database): Map<string, string[]> {
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__drizzle_migrations' ORDER BY name",
    )
    .pluck()
    .all() as string[];
  return new Map(
    tables.map((t) => [
      t,
      db.prepare(`SELECT name FROM pragma_table_info(?) ORDER BY cid`).pluck().all(t) as string[],
    ]),
  );
}

function referenceSchema(
  migrations: MigrationMeta[],
  count: number,
  key: string,
): Map<string, string[]> {
  const cached = referenceSchemas.get(`${key}#${count}`);
  if (cached) return cached;
  const reference = new Database(':memory:');
  try {
    for (const migration of migrations.slice(0, count))
      for (const statement of migration.sql) if (statement.trim() !== '') reference.exec(statement);
    const schema = schemaOf(reference);
    referenceSchemas.set(`${key}#${count}`, schema);
    return schema;
  } finally {
    reference.close();
  }
}

function notOurs(file: string, why: string): DatabaseOpenError {
  return new DatabaseOpenError(
    'NOT_A_TENDERO_DATABASE',
    file,
    `${file} is not a Tendero database: ${why}`,
  );
}

/**
 * Checks that a file is one of our own databases, whole, that this version can
 * open: a full integrity check; a migration history that is a prefix of ours,
 * hash for hash (a newer one is NEWER_VERSION); and exactly the tables and
 * columns those migrations create. A SQLite file that merely has a `settings`
 * table and a `__drizzle_migrations` row is refused here, before a restore
 * touches anything.
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
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok')
      throw new DatabaseOpenError('CORRUPT', file, `${file} is damaged: ${String(integrity)}`);
    const hasHistory = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
      .get();
    if (!hasHistory) throw notOurs(file, 'it has no migration history');
    const applied = db
      .prepare('SELECT hash, created_at AS at FROM __drizzle_migrations ORDER BY created_at, id')
      .all() as { hash: string; at: number | string }[];
    if (applied.length === 0) throw notOurs(file, 'its migration history is empty');
    const migrations = readMigrationFiles({ migrationsFolder });
    const newest = Math.max(...readJournal(migrationsFolder).map((e) => e.when));
    if (Math.max(...applied.map((m) => Number(m.at))) > newest) {
      throw new DatabaseOpenError(
        'NEWER_VERSION',
        file,
        `${file} comes from a newer version of Tendero`,
      );
    }
    applied.forEach((row, i) => {
      const ours = migrations[i];
      if (!ours || ours.hash !== row.hash || ours.folderMillis !== Number(row.at))
        throw notOurs(file, `migration ${i + 1} of its history is not one of this version's`);
    });
    const expected = referenceSchema(migrations, applied.length, migrationsFolder);
    const actual = schemaOf(db);
    const missing = [...expected.keys()].filter((t) => !actual.has(t));
    const extra = [...actual.keys()].filter((t) => !expected.has(t));
    if (missing.length > 0 || extra.length > 0) {
      throw notOurs(
        file,
        [
          missing.length ? `missing tables ${missing.join(', ')}` : '',
          extra.length ? `unknown tables ${extra.join(', ')}` : '',
        ]
          .filter(Boolean)
          .join('; '),
      );
    }
    for (const [table, columns] of expected) {
      const have = actual.get(table) ?? [];
      const lacking = columns.filter((c) => !have.includes(c));
      if (lacking.length > 0) throw notOurs(file, `table ${table} lacks ${lacking.join(', ')}`);
    }
  } catch (error) {
    if (error instanceof DatabaseOpenError) throw error;
    throw unreadable(file, error);
  } finally {
    connection.close();
  }
}
