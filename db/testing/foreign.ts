import Database from 'better-sqlite3';

/**
 * The review's repro of a backup that is not ours: a SQLite file with a
 * `settings` table and one `__drizzle_migrations` row, which older checks let
 * through. Written at `file`, closed.
 */
export function writeForeignSqlite(file: string): string {
  const other = new Database(file);
  try {
    other.exec(
      'CREATE TABLE settings (id INTEGER PRIMARY KEY, value TEXT);' +
        'CREATE TABLE __drizzle_migrations (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric);' +
        "INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('abc', 1)",
    );
  } finally {
    other.close();
  }
  return file;
}
