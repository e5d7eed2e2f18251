import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupDatabase, verifyBackup } from './backup';
import { DatabaseOpenError, type OpenFailure } from './errors';
import { openDatabase, type TenderoDb } from './open';
import { restoreDatabase } from './restore';

let dir: string;
let db: TenderoDb;

const NOW = '2026-03-06T15:30:00.000Z';

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tendero-backup-'));
  db = openDatabase(join(dir, 'live', 'till.sqlite'));
  db.sqlite.exec(`
    INSERT INTO registers (id, code, name, number, created_at) VALUES (1, 'CAJA1', 'Caja 1', 1, '${NOW}');
    INSERT INTO tax_categories (code, name, kind, rate) VALUES ('IGV', 'IGV', 'TAXED', 1800);
    INSERT INTO settings (id, country, business_name, tax_id, currency, locale, time_zone,
      prices_include_tax, rounding_method, rounding_mode, tax_basis, default_document_type,
      current_register_id, created_at, updated_at)
      VALUES (1, 'PE', 'Bodega', '20123456789', 'PEN', 'es-PE', 'America/Lima',
      1, 'line', 'HALF_UP', 'net', 'BOLETA', 1, '${NOW}', '${NOW}');
  `);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const insertProduct = () =>
  db.sqlite.prepare(
    "INSERT INTO products (code, name, price, tax_category, created_at, updated_at) VALUES (?, ?, ?, 'IGV', ?, ?)",
  );

/** Enough products to make a backup take many steps. */
function fill(count: number): void {
  const insert = insertProduct();
  db.sqlite.transaction(() => {
    for (let i = 0; i < count; i++) {
      insert.run(`P${i}`, `Producto ${i} ${'x'.repeat(400)}`, 100 + i, NOW, NOW);
    }
  })();
}

function productCount(file: string): number {
  const check = new Database(file, { readonly: true });
  try {
    return check.prepare('SELECT COUNT(*) FROM products').pluck().get() as number;
  } finally {
    check.close();
  }
}

function kindOf(run: () => unknown): OpenFailure {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DatabaseOpenError);
    return (error as DatabaseOpenError).kind;
  }
  throw new Error('expected a DatabaseOpenError');
}

function listing(folder: string): string[] {
  return readdirSync(folder).sort();
}

describe('backupDatabase', () => {
  it('copies a live database while sales go on, into one self-contained file', async () => {
    fill(5000);
    const insert = insertProduct();
    const file = join(dir, 'till-2026-03-06.sqlite');
    const progress: number[] = [];
    let written = 0;
    let done = false;
    const backup = backupDatabase(db.sqlite, file, (p) => progress.push(p.remainingPages)).finally(
      () => {
        done = true;
      },
    );
    while (!done) {
      insert.run(`NEW${written}`, `Nuevo ${written}`, 1, NOW, NOW);
      written++;
      await new Promise((r) => setImmediate(r));
    }
    const result = await backup;

    expect(result.file).toBe(file);
    expect(written).toBeGreaterThan(0);
    expect(progress.length).toBeGreaterThan(1); // it went step by step
    expect(() => verifyBackup(file)).not.toThrow();
    // A consistent snapshot: every product written before it started, and whole rows only.
    const copied = productCount(file);
    expect(copied).toBeGreaterThanOrEqual(5000);
    expect(copied).toBeLessThanOrEqual(5000 + written);
    const check = new Database(file, { readonly: true });
    try {
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(check.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(check.prepare('SELECT business_name FROM settings').pluck().get()).toBe('Bodega');
    } finally {
      check.close();
    }
    expect(result.bytes).toBe(readFileSync(file).length);
    // No partial copy, -wal or -shm beside it.
    expect(listing(dir)).toEqual(['live', 'till-2026-03-06.sqlite']);
    // The live database is still in WAL mode and still taking writes.
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    insert.run('AFTER', 'Después', 1, NOW, NOW);
  });

  it('replaces an older backup of the same name, and its stale WAL', async () => {
    const to = join(dir, 'backup.sqlite');
    fill(10);
    await backupDatabase(db.sqlite, to);
    writeFileSync(`${to}-wal`, Buffer.alloc(4096, 1));
    insertProduct().run('LATE', 'Tardío', 1, NOW, NOW);
    await backupDatabase(db.sqlite, to);
    expect(productCount(to)).toBe(11);
    expect(existsSync(`${to}-wal`)).toBe(false);
  });

  it('refuses to write over the live database', async () => {
    await expect(backupDatabase(db.sqlite, db.file)).rejects.toThrow(DatabaseOpenError);
    expect(db.sqlite.prepare('SELECT COUNT(*) FROM settings').pluck().get()).toBe(1);
  });

  it('leaves no partial file when the copy fails', async () => {
    const to = join(dir, 'missing-folder', 'backup.sqlite');
    await expect(backupDatabase(db.sqlite, to)).rejects.toThrow();
    expect(existsSync(`${to}.partial`)).toBe(false);
    expect(existsSync(to)).toBe(false);
  });
});

describe('verifyBackup', () => {
  it('accepts a Tendero backup and changes nothing beside it', async () => {
    const to = join(dir, 'backup.sqlite');
    await backupDatabase(db.sqlite, to);
    const before = readFileSync(to);
    verifyBackup(to);
    expect(readFileSync(to).equals(before)).toBe(true);
    expect(listing(dir)).toEqual(['backup.sqlite', 'live']);
  });

  it('accepts a raw copy of a WAL database without leaving -wal/-shm files', () => {
    const copy = join(dir, 'copy.sqlite');
    db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    writeFileSync(copy, readFileSync(db.file));
    verifyBackup(copy);
    expect(listing(dir)).toEqual(['copy.sqlite', 'live']);
  });

  it('refuses garbage, other SQLite files, newer versions and missing files', () => {
    const garbage = join(dir, 'garbage.sqlite');
    writeFileSync(garbage, Buffer.alloc(8192, 0x41));
    expect(kindOf(() => verifyBackup(garbage))).toBe('CORRUPT');

    const truncated = join(dir, 'truncated.sqlite');
    db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    writeFileSync(truncated, readFileSync(db.file).subarray(0, 4096 * 3));
    expect(kindOf(() => verifyBackup(truncated))).toBe('CORRUPT');

    const other = join(dir, 'other.sqlite');
    const o = new Database(other);
    o.exec('CREATE TABLE settings (id INTEGER PRIMARY KEY)');
    o.close();
    expect(kindOf(() => verifyBackup(other))).toBe('NOT_A_TENDERO_DATABASE');

    const empty = join(dir, 'empty.sqlite');
    writeFileSync(empty, '');
    expect(kindOf(() => verifyBackup(empty))).toBe('NOT_A_TENDERO_DATABASE');

    db.sqlite
      .prepare("INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('future', ?)")
      .run(Date.now() + 10 * 365 * 86_400_000);
    const newer = join(dir, 'newer.sqlite');
    db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    writeFileSync(newer, readFileSync(db.file));
    expect(kindOf(() => verifyBackup(newer))).toBe('NEWER_VERSION');

    expect(kindOf(() => verifyBackup(join(dir, 'nope.sqlite')))).toBe('OTHER');
  });
});

describe('restoreDatabase', () => {
  it('replaces the target with the backup and removes the stale -wal and -shm', async () => {
    fill(5);
    const backup = join(dir, 'backup.sqlite');
    await backupDatabase(db.sqlite, backup);
    insertProduct().run('AFTER', 'Después del respaldo', 1, NOW, NOW);
    const target = db.file;
    db.close();
    // What a crashed till could leave: a WAL and shared memory of the old file.
    writeFileSync(`${target}-wal`, Buffer.alloc(8192, 7));
    writeFileSync(`${target}-shm`, Buffer.alloc(32768, 7));

    await restoreDatabase(backup, target, { safetyCopy: join(dir, 'safety.sqlite') });
    // Beside it only its lock and the folder of who holds it, now empty.
    expect(listing(join(dir, 'live'))).toEqual([
      'till.sqlite',
      'till.sqlite.lock',
      'till.sqlite.owners',
    ]);
    db = openDatabase(target);
    expect(db.sqlite.prepare('SELECT COUNT(*) FROM products').pluck().get()).toBe(5);
    expect(
      db.sqlite.prepare("SELECT COUNT(*) FROM products WHERE code = 'AFTER'").pluck().get(),
    ).toBe(0);
    expect(db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    // The backup itself is untouched and still alone in its folder.
    expect(listing(dir)).toEqual(['backup.sqlite', 'live', 'safety.sqlite']);
  });

  it('refuses a bad backup before touching the target', async () => {
    fill(3);
    const target = db.file;
    db.close();
    const before = readFileSync(target);
    const garbage = join(dir, 'garbage.sqlite');
    writeFileSync(garbage, Buffer.alloc(4096, 0x42));
    await expect(
      restoreDatabase(garbage, target, { safetyCopy: join(dir, 'safety.sqlite') }),
    ).rejects.toMatchObject({ kind: 'CORRUPT' });
    expect(readFileSync(target).equals(before)).toBe(true);
    expect(existsSync(`${target}.restoring`)).toBe(false);
    db = openDatabase(target);
    expect(db.sqlite.prepare('SELECT COUNT(*) FROM products').pluck().get()).toBe(3);
  });
});
