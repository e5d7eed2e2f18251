import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupDatabase } from '../db/backup';
import { openDatabase } from '../db/open';
import { crash, holdOpen } from '../db/testing/processes';
import {
  backupTo,
  closingBackup,
  dailyBackup,
  listBackups,
  pruneBackups,
  restoreWithSafetyCopy,
} from './backups';
import { createLogger } from './logs';
import { product } from './testing/fixtures';
import { setUpTill, type Till } from './testing/till';

let till: Till;
let dir: string;

beforeEach(async () => {
  till = await setUpTill('PE');
  dir = mkdtempSync(join(tmpdir(), 'tendero-backups-'));
});
afterEach(() => {
  till.close();
  rmSync(dir, { recursive: true, force: true });
});

function productCodes(file: string): string[] {
  const db = openDatabase(file);
  try {
    return (
      db.sqlite.prepare('SELECT code FROM products ORDER BY code').all() as { code: string }[]
    ).map((r) => r.code);
  } finally {
    db.close();
  }
}

describe('automatic backups', () => {
  it('writes one backup at the first start of each day', async () => {
    await product(till, { code: 'A1', price: 100 });
    const day1 = new Date('2026-03-06T12:00:00Z');
    const first = await dailyBackup(till.db.sqlite, dir, day1);
    expect(first).toBe(join(dir, 'tendero-2026-03-06.sqlite'));
    expect(await dailyBackup(till.db.sqlite, dir, new Date('2026-03-06T20:00:00Z'))).toBeNull();
    expect(await dailyBackup(till.db.sqlite, dir, new Date('2026-03-07T08:00:00Z'))).toBe(
      join(dir, 'tendero-2026-03-07.sqlite'),
    );
    expect(productCodes(first!)).toEqual(['A1']);
  });

  it('writes a backup when a session closes, and keeps only the last 30', async () => {
    for (let i = 0; i < 35; i++)
      writeFileSync(join(dir, `tendero-2026-01-${String(i + 1).padStart(2, '0')}.sqlite`), 'old');
    writeFileSync(join(dir, 'notes.txt'), 'not a backup');
    const file = await closingBackup(till.db.sqlite, dir, new Date('2026-03-06T21:30:05Z'));
    expect(file).toBe(join(dir, 'tendero-2026-03-06-213005-cierre.sqlite'));
    const kept = listBackups(dir);
    expect(kept).toHaveLength(30);
    expect(kept.at(-1)).toBe(file);
    expect(existsSync(join(dir, 'tendero-2026-01-01.sqlite'))).toBe(false);
    expect(existsSync(join(dir, 'notes.txt'))).toBe(true);
    expect(pruneBackups(dir, 30)).toEqual([]);
  });

  it('"backup now" writes to a chosen folder and never prunes it', async () => {
    const usb = mkdtempSync(join(tmpdir(), 'tendero-usb-'));
    try {
      const file = await backupTo(till.db.sqlite, usb, new Date('2026-03-06T10:00:00Z'));
      expect(readdirSync(usb)).toEqual(['tendero-respaldo-2026-03-06-100000.sqlite']);
      expect(productCodes(file)).toEqual([]);
    } finally {
      rmSync(usb, { recursive: true, force: true });
    }
  });
});

describe('restore', () => {
  it('backs up the current database first, then restores the chosen one', async () => {
    await product(till, { code: 'OLD', price: 100 });
    const backup = join(dir, 'chosen.sqlite');
    await backupDatabase(till.db.sqlite, backup);
    await product(till, { code: 'NEW', price: 100 });

    const { db, safetyCopy } = await restoreWithSafetyCopy(
      till.db,
      backup,
      dir,
      new Date('2026-03-06T12:00:00Z'),
      (file) => openDatabase(file),
    );
    try {
      expect(
        (
          db.sqlite.prepare('SELECT code FROM products ORDER BY code').all() as { code: string }[]
        ).map((r) => r.code),
      ).toEqual(['OLD']);
    } finally {
      db.close();
    }
    expect(productCodes(safetyCopy)).toEqual(['NEW', 'OLD']);
  });

  it('refuses a file that is not a backup and touches nothing', async () => {
    await product(till, { code: 'KEEP', price: 100 });
    const bogus = join(dir, 'bogus.sqlite');
    writeFileSync(bogus, 'garbage'.repeat(1000));
    await expect(
      restoreWithSafetyCopy(till.db, bogus, dir, new Date(), (file) => openDatabase(file)),
    ).rejects.toThrow();
    expect(till.db.sqlite.open).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('-antes.sqlite'))).toEqual([]);
  });
});

describe('restore from the menu, inside the process that owns the database', () => {
  const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

  it('is refused while another process has the database open, which stays open here', async () => {
    await product(till, { code: 'KEEP', price: 100 });
    const backup = join(dir, 'chosen.sqlite');
    await backupDatabase(till.db.sqlite, backup);
    till.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const before = sha(till.file);
    const host = await holdOpen(till.file, 'web');
    try {
      await expect(
        restoreWithSafetyCopy(till.db, backup, dir, new Date(), (file) => openDatabase(file)),
      ).rejects.toThrow(new RegExp(`open in the Tendero web host, pid ${host.pid}`));
      expect(sha(till.file)).toBe(before);
      expect(till.db.sqlite.open).toBe(true);
      await product(till, { code: 'STILL-SELLING', price: 100 });
    } finally {
      await crash(host);
    }
    const { db } = await restoreWithSafetyCopy(till.db, backup, dir, new Date(), (file) =>
      openDatabase(file),
    );
    try {
      expect(db.sqlite.prepare('SELECT code FROM products ORDER BY code').pluck().all()).toEqual([
        'KEEP',
      ]);
    } finally {
      db.close();
    }
  });

  it('keeps the database open and usable when the safety copy cannot be written', async () => {
    await product(till, { code: 'KEEP', price: 100 });
    const backup = join(dir, 'chosen.sqlite');
    await backupDatabase(till.db.sqlite, backup);
    const now = new Date('2026-03-06T12:00:00Z');
    // Something already sits where the safety copy would go, and cannot be replaced.
    mkdirSync(join(dir, 'tendero-2026-03-06-120000-antes.sqlite'));
    await expect(
      restoreWithSafetyCopy(till.db, backup, dir, now, (file) => openDatabase(file)),
    ).rejects.toThrow();
    expect(till.db.sqlite.open).toBe(true);
    await product(till, { code: 'AFTER', price: 100 });
    expect(till.db.sqlite.prepare('SELECT code FROM products ORDER BY code').pluck().all()).toEqual(
      ['AFTER', 'KEEP'],
    );
    // And nobody is locked out: the lock went back to shared.
    const other = openDatabase(till.file);
    other.close();
  });

  it('reopens the unchanged database when the swap fails after it was closed', async () => {
    await product(till, { code: 'KEEP', price: 100 });
    const backup = join(dir, 'chosen.sqlite');
    await backupDatabase(till.db.sqlite, backup);
    await product(till, { code: 'NEWER', price: 100 });
    // The temporary file's place is taken: the swap fails after the live connection closed.
    mkdirSync(`${till.file}.restoring`);
    const result = await restoreWithSafetyCopy(till.db, backup, dir, new Date(), (file) =>
      openDatabase(file),
    );
    try {
      expect(result.error).toBeDefined();
      expect(result.db.sqlite.open).toBe(true);
      expect(
        result.db.sqlite.prepare('SELECT code FROM products ORDER BY code').pluck().all(),
      ).toEqual(['KEEP', 'NEWER']);
      expect(existsSync(result.safetyCopy)).toBe(true);
    } finally {
      result.db.close();
    }
  });
});

describe('logs', () => {
  it('rotates by size and keeps a fixed number of files', () => {
    const logger = createLogger(dir, {
      maxBytes: 200,
      keep: 2,
      now: () => new Date('2026-03-06T00:00:00Z'),
    });
    for (let i = 0; i < 30; i++) logger.log(i % 2 ? 'warn' : 'error', `line ${i}`, { i });
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.log'))
      .sort();
    expect(files).toEqual(['tendero.1.log', 'tendero.2.log', 'tendero.log']);
  });
});
