import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { classifySqliteError, DatabaseOpenError } from './errors';
import { lockDatabase, type DatabaseLock } from './lock';
import * as schema from './schema';

export type Orm = BetterSQLite3Database<typeof schema>;

export interface TenderoDb {
  readonly file: string;
  /** The raw connection, for prepared statements on hot paths and for backups. */
  readonly sqlite: Database.Database;
  /** Typed queries over the schema. */
  readonly orm: Orm;
  /**
   * The shared lock this connection holds on the file (see lock.ts); null for
   * `:memory:` and for files opened with `lock: false`.
   */
  readonly lock: DatabaseLock | null;
  /**
   * Checkpoints the WAL into the main file and closes, then lets go of the
   * lock; `keepLock` leaves it to the caller (a restore that took it exclusive).
   */
  close(options?: { keepLock?: boolean }): void;
}

/**
 * How long one SQLite call waits for another process's write lock before it
 * fails with SQLITE_BUSY. better-sqlite3 is synchronous, so this wait blocks
 * the whole process: with 5 s, one sale stuck behind a CLI import froze the
 * browser host for 5 s for every other request. 100 ms rides over a normal
 * write by another process (a sale commits in a few ms, an import chunk in
 * well under 100 ms); longer waits are done by the API between attempts
 * (electron/services/busy.ts), with the event loop free, up to a bound and
 * then BUSY ("try again").
 */
export const BUSY_TIMEOUT_MS = 100;

/** Opening waits longer: it runs once, before anything is served, and may migrate. */
const OPEN_BUSY_TIMEOUT_MS = 5000;

/** Where the committed migrations live when running from source (tests, CLI, bench). */
export const DEFAULT_MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

export interface OpenOptions {
  /** Packaged builds pass the folder they ship the migrations in. */
  readonly migrationsFolder?: string;
  /**
   * Create a new database when there is none at `file` (default true). Only
   * setup and the hosts that show the first-run screen pass true; everything
   * else gets NOT_FOUND instead of a new empty till at a mistyped path.
   */
  readonly create?: boolean;
  /**
   * Hold the file's shared lock while open (default true), so a restore from
   * another process is refused. False only for private temporary files.
   */
  readonly lock?: boolean;
  /** What this process is, for a refused restore to name it: 'desktop', 'web', 'cli'… */
  readonly holder?: string;
}

/** True when `file` holds something: a missing or empty file is no database yet. */
function hasContent(file: string): boolean {
  try {
    return statSync(file).size > 0;
  } catch {
    return false;
  }
}

interface JournalEntry {
  readonly when: number;
  readonly tag: string;
}

export function readJournal(migrationsFolder: string): JournalEntry[] {
  const journal = JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as {
    entries: JournalEntry[];
  };
  return journal.entries;
}

function hasTable(sqlite: Database.Database, name: string): boolean {
  return (
    sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !==
    undefined
  );
}

/** The newest migration this database has applied, or undefined for a new database. */
function appliedMigrationTime(sqlite: Database.Database): number | undefined {
  if (!hasTable(sqlite, '__drizzle_migrations')) return undefined;
  const row = sqlite.prepare('SELECT MAX(created_at) AS at FROM __drizzle_migrations').get() as {
    at: number | null;
  };
  return row.at === null ? undefined : Number(row.at);
}

function fail(
  kind: DatabaseOpenError['kind'],
  file: string,
  message: string,
  cause?: unknown,
): never {
  throw new DatabaseOpenError(kind, file, message, { cause });
}

/**
 * Opens (or creates) a till's database: WAL with synchronous=FULL so a
 * committed sale survives a power cut, foreign keys on, a short busy timeout
 * for the odd second process (BUSY_TIMEOUT_MS), then the pending migrations. A database written by a
 * newer Tendero is refused rather than guessed at.
 */
export function openDatabase(file: string, options: OpenOptions = {}): TenderoDb {
  const migrationsFolder = options.migrationsFolder ?? DEFAULT_MIGRATIONS_FOLDER;
  if (file !== ':memory:' && options.create === false && !hasContent(file)) {
    fail('NOT_FOUND', file, `No Tendero database at ${file}`);
  }
  if (file !== ':memory:') {
    try {
      mkdirSync(dirname(file), { recursive: true });
    } catch (error) {
      const code = String((error as { code?: unknown }).code);
      fail(
        ['EACCES', 'EPERM', 'EROFS'].includes(code) ? 'READ_ONLY' : 'OTHER',
        file,
        `Cannot create the folder of ${file}: ${(error as Error).message}`,
        error,
      );
    }
  }

  // Taken before the file is opened: a restore running right now finishes first.
  const lock =
    file === ':memory:' || options.lock === false
      ? null
      : lockDatabase(file, options.holder ?? 'a Tendero process', 'shared');

  let sqlite: Database.Database;
  try {
    sqlite = new Database(file);
  } catch (error) {
    lock?.release();
    fail(
      classifySqliteError(error),
      file,
      `Cannot open ${file}: ${(error as Error).message}`,
      error,
    );
  }

  try {
    sqlite.pragma(`busy_timeout = ${OPEN_BUSY_TIMEOUT_MS}`);

    // Look before touching anything: a file that is not ours, or that a newer
    // Tendero wrote, is refused exactly as it was (switching it to WAL would
    // already rewrite its header and leave -wal/-shm files beside it).
    const journal = readJournal(migrationsFolder);
    const newestKnown = Math.max(...journal.map((e) => e.when));
    const applied = appliedMigrationTime(sqlite);
    const tables = sqlite
      .prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table'")
      .get() as { n: number };
    if (
      (applied === undefined && tables.n > 0) ||
      (applied !== undefined && !hasTable(sqlite, 'settings'))
    ) {
      fail('NOT_A_TENDERO_DATABASE', file, `${file} is a SQLite file, but not a Tendero database`);
    }
    if (applied !== undefined && applied > newestKnown) {
      fail(
        'NEWER_VERSION',
        file,
        `${file} was written by a newer version of Tendero. Update the app, or restore a backup made with this version.`,
      );
    }

    const mode = sqlite.pragma('journal_mode = WAL', { simple: true });
    if (file !== ':memory:' && mode !== 'wal') {
      fail('READ_ONLY', file, `Cannot switch ${file} to WAL mode (got ${String(mode)})`);
    }
    sqlite.pragma('synchronous = FULL');
    // 32 MB of page cache instead of SQLite's 2 MB: reports and the catalog stay in memory.
    sqlite.pragma('cache_size = -32768');
    if (applied === undefined || applied < newestKnown)
      runMigrations(sqlite, migrationsFolder, file);
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  } catch (error) {
    sqlite.close();
    lock?.release();
    if (error instanceof DatabaseOpenError) throw error;
    fail(
      classifySqliteError(error),
      file,
      `Cannot open ${file}: ${(error as Error).message}`,
      error,
    );
  }

  const orm = drizzle(sqlite, { schema });
  return {
    file,
    sqlite,
    orm,
    lock,
    close(closeOptions = {}) {
      try {
        if (sqlite.open) {
          try {
            sqlite.pragma('wal_checkpoint(TRUNCATE)');
          } finally {
            sqlite.close();
          }
        }
      } finally {
        if (!closeOptions.keepLock) lock?.release();
      }
    },
  };
}

/**
 * Applies the pending migrations in one transaction, the way drizzle's
 * migrator does (same journal, same __drizzle_migrations rows), but with the
 * reference check inside it: an upgrade that would leave broken references is
 * rolled back as a whole instead of being committed and then reported.
 *
 * drizzle-kit rebuilds tables to alter them; with foreign keys on, dropping the
 * old table would cascade-delete rows that point at it. So foreign keys are off
 * while migrating (they cannot change inside a transaction).
 */
function runMigrations(sqlite: Database.Database, migrationsFolder: string, file: string): void {
  sqlite.pragma('foreign_keys = OFF');
  const migrations = readMigrationFiles({ migrationsFolder });
  const upgrade = sqlite.transaction(() => {
    sqlite.exec(
      'CREATE TABLE IF NOT EXISTS "__drizzle_migrations" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)',
    );
    const last = appliedMigrationTime(sqlite);
    const record = sqlite.prepare(
      'INSERT INTO "__drizzle_migrations" ("hash", "created_at") VALUES (?, ?)',
    );
    for (const migration of migrations) {
      if (last !== undefined && last >= migration.folderMillis) continue;
      for (const statement of migration.sql) {
        if (statement.trim() !== '') sqlite.exec(statement);
      }
      record.run(migration.hash, migration.folderMillis);
    }
    const violations = sqlite.pragma('foreign_key_check') as unknown[];
    if (violations.length > 0) {
      throw new DatabaseOpenError(
        'MIGRATION_FAILED',
        file,
        `Upgrading ${file} would leave ${violations.length} broken references; nothing was changed`,
      );
    }
  });
  try {
    upgrade.immediate();
  } catch (error) {
    if (error instanceof DatabaseOpenError) throw error;
    fail(
      'MIGRATION_FAILED',
      file,
      `Upgrading ${file} failed and was rolled back: ${(error as Error).message}`,
      error,
    );
  }
}
