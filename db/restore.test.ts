/**
 * Restore on real files, with real second processes holding the database.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupDatabase, verifyBackup } from './backup';
import { DatabaseOpenError } from './errors';
import { openDatabase } from './open';
import { lockDatabase } from './lock';
import { restoreDatabase, restoreOpenDatabase } from './restore';
import { writeForeignSqlite } from './testing/foreign';
import { crash, holdOpen } from './testing/processes';
import type { ChildProcess } from 'node:child_process';

let dir: string;
let live: string;
const children: ChildProcess[] = [];

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A Tendero database at `file` with the given categories, closed. */
function till(file: string, categories: string[]): void {
  const db = openDatabase(file);
  const insert = db.sqlite.prepare('INSERT INTO categories (name) VALUES (?)');
  for (const name of categories) insert.run(name);
  db.close();
}

function categories(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT name FROM categories ORDER BY name').pluck().all() as string[];
  } finally {
    db.close();
  }
}

function tables(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
      .pluck()
      .all() as string[];
  } finally {
    db.close();
  }
}

async function backupOf(categoriesInIt: string[], name = 'backup.sqlite'): Promise<string> {
  const source = join(dir, 'source', 'till.sqlite');
  rmSync(join(dir, 'source'), { recursive: true, force: true });
  till(source, categoriesInIt);
  const db = openDatabase(source);
  const file = join(dir, name);
  try {
    await backupDatabase(db.sqlite, file);
  } finally {
    db.close();
  }
  return file;
}

/** The repro: a settings table and one migrations row. */
function foreignFile(): string {
  return writeForeignSqlite(join(dir, 'foreign.sqlite'));
}

async function rejection(promise: Promise<unknown>): Promise<DatabaseOpenError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(DatabaseOpenError);
    return error as DatabaseOpenError;
  }
  throw new Error('expected the restore to be refused');
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tendero-restore-'));
  live = join(dir, 'live', 'tendero.sqlite');
  till(live, ['LIVE']);
});
afterEach(async () => {
  while (children.length > 0) await crash(children.pop()!);
  rmSync(dir, { recursive: true, force: true });
});

describe('a foreign SQLite file', () => {
  it('is refused before the live file is touched (settings + one migrations row)', async () => {
    const foreign = foreignFile();
    const before = sha(live);
    const error = await rejection(
      restoreDatabase(foreign, live, { safetyCopy: join(dir, 'safety.sqlite') }),
    );
    expect(error.kind).toBe('NOT_A_TENDERO_DATABASE');
    expect(sha(live)).toBe(before);
    expect(tables(live)).toContain('sales');
    expect(readdirSync(join(dir, 'live')).filter((f) => f.includes('restoring'))).toEqual([]);
  });

  it('is refused when its migration hashes or its tables are not ours', async () => {
    const good = await backupOf(['A']);
    const forged = join(dir, 'forged.sqlite');
    writeFileSync(forged, readFileSync(good));
    const f = new Database(forged);
    f.exec(
      "UPDATE __drizzle_migrations SET hash = 'not-ours' WHERE rowid = (SELECT MIN(rowid) FROM __drizzle_migrations)",
    );
    f.close();
    expect(() => verifyBackup(forged)).toThrow(/not one of this version's/);

    const missing = join(dir, 'missing.sqlite');
    writeFileSync(missing, readFileSync(good));
    const m = new Database(missing);
    m.exec('DROP TABLE payments');
    m.close();
    expect(() => verifyBackup(missing)).toThrow(/missing tables payments/);

    const extra = join(dir, 'extra.sqlite');
    writeFileSync(extra, readFileSync(good));
    const e = new Database(extra);
    e.exec('CREATE TABLE notes (id INTEGER)');
    e.close();
    expect(() => verifyBackup(extra)).toThrow(/unknown tables notes/);

    const before = sha(live);
    for (const file of [forged, missing, extra]) {
      await rejection(restoreDatabase(file, live, { safetyCopy: join(dir, 'safety.sqlite') }));
      expect(sha(live)).toBe(before);
    }
  });
});

describe('restoreDatabase', () => {
  it('swaps a verified, migrated copy in and keeps the previous database', async () => {
    const backup = await backupOf(['FROM-BACKUP']);
    const safetyCopy = join(dir, 'safety.sqlite');
    const outcome = await restoreDatabase(backup, live, { safetyCopy });
    expect(outcome).toMatchObject({ safetyCopy, unreadableKeptAs: null });
    expect(categories(live)).toEqual(['FROM-BACKUP']);
    expect(categories(safetyCopy)).toEqual(['LIVE']);
    const db = openDatabase(live, { create: false });
    expect(db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('leaves the live file byte-identical when the last step before the swap fails', async () => {
    const backup = await backupOf(['B']);
    const before = sha(live);
    const safetyCopy = join(dir, 'safety.sqlite');
    const error = await rejection(
      restoreDatabase(backup, live, {
        safetyCopy,
        beforeSwap: () => {
          throw new DatabaseOpenError('DISK_FULL', live, 'disk full');
        },
      }),
    );
    expect(error.details).toMatchObject({ safetyCopy });
    expect(error.message).toContain(safetyCopy);
    expect(sha(live)).toBe(before);
    expect(categories(safetyCopy)).toEqual(['LIVE']);
  });

  it('restores over a corrupt file, keeping the broken file aside', async () => {
    const backup = await backupOf(['GOOD']);
    for (const broken of [
      Buffer.alloc(16384, 0x5a), // random-ish bytes
      readFileSync(live).subarray(0, 4096 * 2), // truncated
    ]) {
      writeFileSync(live, broken);
      const outcome = await restoreDatabase(backup, live, {
        safetyCopy: join(dir, 'safety.sqlite'),
      });
      expect(outcome.safetyCopy).toBeNull();
      expect(outcome.unreadableKeptAs).toMatch(/tendero\.sqlite\.unreadable-.*\.sqlite$/);
      expect(readFileSync(outcome.unreadableKeptAs!).equals(broken)).toBe(true);
      expect(categories(live)).toEqual(['GOOD']);
      till(live, []); // reopens fine
    }
  });
});

describe('a database another process has open', () => {
  it('is not restored while a web host holds it, and is once that process dies', async () => {
    const backup = await backupOf(['FROM-BACKUP']);
    const host = await holdOpen(live, 'web');
    children.push(host);
    const before = sha(live);
    const error = await rejection(
      restoreDatabase(backup, live, { safetyCopy: join(dir, 'safety.sqlite') }),
    );
    expect(error.kind).toBe('IN_USE');
    expect(error.message).toMatch(
      new RegExp(`the Tendero web host, pid ${host.pid}, started \\d{2}:\\d{2}`),
    );
    expect(sha(live)).toBe(before);
    expect(existsSync(join(dir, 'safety.sqlite'))).toBe(false);

    await crash(host); // SIGKILL: no cleanup runs, the OS drops the lock
    const outcome = await restoreDatabase(backup, live, { safetyCopy: join(dir, 'safety.sqlite') });
    expect(categories(live)).toEqual(['FROM-BACKUP']);
    expect(categories(outcome.safetyCopy!)).toEqual(['LIVE']);
    // The dead holder's record was cleaned up.
    expect(readdirSync(`${live}.owners`)).toEqual([]);
  });

  it('lets the process that has it open restore in place, but not while another holds it', async () => {
    const backup = await backupOf(['FROM-BACKUP']);
    const current = openDatabase(live, { holder: 'desktop' });
    const host = await holdOpen(live, 'cli');
    children.push(host);
    const error = await rejection(
      restoreOpenDatabase(current, backup, { safetyCopy: join(dir, 'safety.sqlite') }),
    );
    expect(error.message).toMatch(new RegExp(`a pos command, pid ${host.pid}`));
    // Still open and usable.
    current.sqlite.prepare('INSERT INTO categories (name) VALUES (?)').run('AFTER');
    await crash(host);
    await restoreOpenDatabase(current, backup, { safetyCopy: join(dir, 'safety.sqlite') });
    expect(current.sqlite.open).toBe(false);
    expect(categories(live)).toEqual(['FROM-BACKUP']);
    expect(categories(join(dir, 'safety.sqlite'))).toEqual(['AFTER', 'LIVE']);
  });

  it('makes an opener wait while a restore holds the file', async () => {
    const restore = lockDatabase(live, 'restore', 'exclusive');
    let ready = false;
    const opening = holdOpen(live, 'web').then((child) => {
      ready = true;
      children.push(child);
    });
    await new Promise((r) => setTimeout(r, 2500));
    expect(ready).toBe(false);
    restore.release();
    await opening;
    expect(ready).toBe(true);
  });
});
