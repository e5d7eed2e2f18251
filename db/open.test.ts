import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseOpenError, type OpenFailure } from './errors';
import { lockDatabase } from './lock';
import {
  BUSY_TIMEOUT_MS,
  openDatabase,
  readJournal,
  DEFAULT_MIGRATIONS_FOLDER,
  type OpenOptions,
  type TenderoDb,
} from './open';

let dir: string;
const open: TenderoDb[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tendero-db-'));
});
afterEach(() => {
  while (open.length > 0) open.pop()!.close();
  rmSync(dir, { recursive: true, force: true });
});

function track(db: TenderoDb): TenderoDb {
  open.push(db);
  return db;
}

function openFailure(
  file: string,
  migrationsFolder?: string,
  options: OpenOptions = {},
): DatabaseOpenError {
  try {
    track(openDatabase(file, { ...options, ...(migrationsFolder ? { migrationsFolder } : {}) }));
  } catch (error) {
    expect(error).toBeInstanceOf(DatabaseOpenError);
    return error as DatabaseOpenError;
  }
  throw new Error(`${file} opened, but should not have`);
}

function expectKind(error: DatabaseOpenError, kind: OpenFailure, file: string) {
  expect(error.kind).toBe(kind);
  expect(error.file).toBe(file);
}

/**
 * The database files in the folder, so a test can see what an open left
 * behind; the lock file and the holders' folder always sit beside a database.
 */
function files(): string[] {
  return readdirSync(dir)
    .filter((f) => !f.endsWith('.lock') && !f.endsWith('.owners'))
    .sort();
}

const journal = readJournal(DEFAULT_MIGRATIONS_FOLDER);
const newest = Math.max(...journal.map((e) => e.when));

describe('openDatabase', () => {
  it('creates a database with WAL, synchronous FULL, foreign keys and a busy timeout', () => {
    const file = join(dir, 'nested', 'till.sqlite');
    const db = track(openDatabase(file));
    expect(db.file).toBe(file);
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.sqlite.pragma('busy_timeout', { simple: true })).toBe(BUSY_TIMEOUT_MS);
    expect(() =>
      db.sqlite.exec("INSERT INTO product_barcodes (barcode, product_id) VALUES ('x', 999)"),
    ).toThrow(/FOREIGN KEY/);
  });

  it('applies every migration once, recorded with its journal time', () => {
    const db = track(openDatabase(join(dir, 'till.sqlite')));
    const applied = db.sqlite
      .prepare('SELECT created_at AS at FROM __drizzle_migrations ORDER BY created_at')
      .pluck()
      .all()
      .map(Number);
    expect(applied).toEqual(journal.map((e) => e.when));
    const tables = db.sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
      .pluck()
      .all();
    for (const table of ['settings', 'products', 'sales', 'stock_movements', 'products_fts']) {
      expect(tables).toContain(table);
    }
  });

  it('reopens an existing database quickly, keeping its data and migrating nothing', () => {
    const file = join(dir, 'till.sqlite');
    const first = openDatabase(file);
    first.sqlite.prepare('INSERT INTO categories (name) VALUES (?)').run('Abarrotes');
    first.close();
    expect(files()).toEqual(['till.sqlite']); // checkpointed: no WAL left behind

    const started = performance.now();
    const again = track(openDatabase(file));
    const ms = performance.now() - started;
    expect(ms).toBeLessThan(500);
    expect(again.sqlite.prepare('SELECT name FROM categories').pluck().all()).toEqual([
      'Abarrotes',
    ]);
    expect(again.sqlite.prepare('SELECT COUNT(*) FROM __drizzle_migrations').pluck().get()).toBe(
      journal.length,
    );
    expect(again.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('treats an empty file as a new database', () => {
    const file = join(dir, 'empty.sqlite');
    writeFileSync(file, '');
    const db = track(openDatabase(file));
    expect(db.sqlite.prepare('SELECT COUNT(*) FROM __drizzle_migrations').pluck().get()).toBe(
      journal.length,
    );
  });

  it('refuses a file of garbage as CORRUPT and leaves it alone', () => {
    const file = join(dir, 'garbage.sqlite');
    const bytes = Buffer.alloc(8192, 0x5a);
    writeFileSync(file, bytes);
    expectKind(openFailure(file), 'CORRUPT', file);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(files()).toEqual(['garbage.sqlite']);
  });

  it("refuses another program's SQLite file without changing it", () => {
    const file = join(dir, 'other.sqlite');
    const other = new Database(file);
    other.exec(
      "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('hola')",
    );
    other.close();
    const before = readFileSync(file);

    const error = openFailure(file);
    expectKind(error, 'NOT_A_TENDERO_DATABASE', file);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(files()).toEqual(['other.sqlite']);
    const check = new Database(file, { readonly: true });
    expect(check.pragma('journal_mode', { simple: true })).toBe('delete');
    check.close();
  });

  it("refuses another drizzle app's database, which has a migrations table but no settings", () => {
    const file = join(dir, 'drizzle-app.sqlite');
    const other = new Database(file);
    other.exec(
      'CREATE TABLE __drizzle_migrations (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric);' +
        "INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('abc', 1);" +
        'CREATE TABLE todos (id INTEGER PRIMARY KEY)',
    );
    other.close();
    const before = readFileSync(file);
    expectKind(openFailure(file), 'NOT_A_TENDERO_DATABASE', file);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a database from a newer Tendero as NEWER_VERSION, leaving the file untouched', () => {
    const file = join(dir, 'newer.sqlite');
    const db = openDatabase(file);
    db.sqlite
      .prepare("INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('future', ?)")
      .run(newest + 86_400_000);
    db.close();
    const before = readFileSync(file);

    const error = openFailure(file);
    expectKind(error, 'NEWER_VERSION', file);
    expect(error.message).toMatch(/newer version/);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(files()).toEqual(['newer.sqlite']);
  });

  it('with create: false, says there is no database instead of creating one', () => {
    const mistyped = join(dir, 'tipo', 'tendero.sqlite');
    const error = openFailure(mistyped, undefined, { create: false });
    expectKind(error, 'NOT_FOUND', mistyped);
    expect(error.message).toBe(`No Tendero database at ${mistyped}`);
    expect(readdirSync(dir)).toEqual([]); // not even its folder
    const empty = join(dir, 'empty.sqlite');
    writeFileSync(empty, '');
    expectKind(openFailure(empty, undefined, { create: false }), 'NOT_FOUND', empty);
    track(openDatabase(join(dir, 'new.sqlite'))).close();
    expect(() => track(openDatabase(join(dir, 'new.sqlite'), { create: false }))).not.toThrow();
  });

  it('holds a lock while open that a restore cannot take, and lets go at close', () => {
    const file = join(dir, 'till.sqlite');
    const db = openDatabase(file, { holder: 'web' });
    expect(() => lockDatabase(file, 'restore', 'exclusive')).toThrow(
      new RegExp(`the Tendero web host, pid ${process.pid}`),
    );
    db.close();
    lockDatabase(file, 'restore', 'exclusive').release();
  });

  it('creates missing folders but reports a path it cannot use', () => {
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, 'x');
    const file = join(blocker, 'till.sqlite');
    expectKind(openFailure(file), 'OTHER', file);
  });

  it('opens an in-memory database for quick checks', () => {
    const db = track(openDatabase(':memory:'));
    expect(db.sqlite.prepare('SELECT COUNT(*) FROM settings').pluck().get()).toBe(0);
    expect(existsSync(join(process.cwd(), ':memory:'))).toBe(false);
  });

  it('closes once, even when called twice', () => {
    const db = openDatabase(join(dir, 'till.sqlite'));
    db.close();
    expect(() => db.close()).not.toThrow();
    expect(db.sqlite.open).toBe(false);
  });
});
