import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { classifySqliteError, DatabaseOpenError } from './errors';
import * as schema from './schema';

export type Orm = BetterSQLite3Database<typeof schema>;

export interface TenderoDb {
  readonly file: string;
  /** The raw connection, for prepared statements on hot paths and for backups. */
  readonly sqlite: Database.Database;
  /** Typed queries over the schema. */
  readonly orm: Orm;
  /** Checkpoints the WAL into the main file and closes. */
  close(): void;
}

/** Where the committed migrations live when running from source (tests, CLI, bench). */
export const DEFAULT_MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

export interface OpenOptions {
  /** Packaged builds pass the folder they ship the migrations in. */
  readonly migrationsFolder?: string;
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

/** The newest migration this database has applied, or undefined for a new database. */
function appliedMigrationTime(sqlite: Database.Database): number | undefined {
  const table = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
    .get();
  if (!table) return undefined;
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
 * committed sale survives a power cut, foreign keys on, a busy timeout for the
 * odd second process, then the pending migrations. A database written by a
 * newer Tendero is refused rather than guessed at.
 */
export function openDatabase(file: string, options: OpenOptions = {}): TenderoDb {
  const migrationsFolder = options.migrationsFolder ?? DEFAULT_MIGRATIONS_FOLDER;
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const isNew = file === ':memory:' || !existsSync(file);

  let sqlite: Database.Database;
  try {
    sqlite = new Database(file);
  } catch (error) {
    fail(
      classifySqliteError(error),
      file,
      `Cannot open ${file}: ${(error as Error).message}`,
      error,
    );
  }

  try {
    const mode = sqlite.pragma('journal_mode = WAL', { simple: true });
    if (file !== ':memory:' && mode !== 'wal') {
      fail('READ_ONLY', file, `Cannot switch ${file} to WAL mode (got ${String(mode)})`);
    }
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('busy_timeout = 5000');

    const journal = readJournal(migrationsFolder);
    const newestKnown = Math.max(...journal.map((e) => e.when));
    const applied = appliedMigrationTime(sqlite);
    if (!isNew && applied === undefined) {
      const tables = sqlite
        .prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table'")
        .get() as {
        n: number;
      };
      if (tables.n > 0)
        fail(
          'NOT_A_TENDERO_DATABASE',
          file,
          `${file} is a SQLite file, but not a Tendero database`,
        );
    }
    if (applied !== undefined && applied > newestKnown) {
      fail(
        'NEWER_VERSION',
        file,
        `${file} was written by a newer version of Tendero. Update the app, or restore a backup made with this version.`,
      );
    }
    if (applied === undefined || applied < newestKnown)
      runMigrations(sqlite, migrationsFolder, file);
    sqlite.pragma('foreign_keys = ON');
  } catch (error) {
    sqlite.close();
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
    close() {
      if (!sqlite.open) return;
      try {
        sqlite.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        sqlite.close();
      }
    },
  };
}

/**
 * drizzle-kit rebuilds tables to alter them; with foreign keys on, dropping the
 * old table would cascade-delete rows that point at it. So foreign keys are off
 * while migrating (they cannot change inside a transaction) and checked after.
 */
function runMigrations(sqlite: Database.Database, migrationsFolder: string, file: string): void {
  sqlite.pragma('foreign_keys = OFF');
  try {
    migrate(drizzle(sqlite), { migrationsFolder });
  } catch (error) {
    fail(
      'MIGRATION_FAILED',
      file,
      `Upgrading ${file} failed and was rolled back: ${(error as Error).message}`,
      error,
    );
  }
  const violations = sqlite.pragma('foreign_key_check') as unknown[];
  if (violations.length > 0) {
    fail('MIGRATION_FAILED', file, `Upgrading ${file} left ${violations.length} broken references`);
  }
}
