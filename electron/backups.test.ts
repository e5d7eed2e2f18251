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
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupDatabase } from '../db/backup';
import { backupPlaceOf, type BackupPlace } from '../db/backup-names';
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
/** The copies of a database called tendero.sqlite, kept in `dir`. */
let place: BackupPlace;

beforeEach(async () => {
  till = await setUpTill('PE');
  dir = mkdtempSync(join(tmpdir(), 'tendero-backups-'));
  place = { folder: dir, name: 'tendero' };
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
    const first = await dailyBackup(till.db.sqlite, place, day1);
    expect(first).toBe(join(dir, 'tendero-2026-03-06.sqlite'));
    expect(await dailyBackup(till.db.sqlite, place, new Date('2026-03-06T20:00:00Z'))).toBeNull();
    expect(await dailyBackup(till.db.sqlite, place, new Date('2026-03-07T08:00:00Z'))).toBe(
      join(dir, 'tendero-2026-03-07.sqlite'),
    );
    expect(productCodes(first!)).toEqual(['A1']);
  });

  it("counts days in the store's zone: an evening start in Lima does not take the next morning's copy", async () => {
    // 20:00 in Lima is already the 7th in UTC.
    const evening = await dailyBackup(till.db.sqlite, place, new Date('2026-03-07T01:00:00Z'));
    expect(evening).toBe(join(dir, 'tendero-2026-03-06.sqlite'));
    // The next morning (08:00 in Lima) is a new day: its own copy.
    expect(await dailyBackup(till.db.sqlite, place, new Date('2026-03-07T13:00:00Z'))).toBe(
      join(dir, 'tendero-2026-03-07.sqlite'),
    );
  });

  it('writes a backup when a session closes, and keeps only the last 30', async () => {
    for (let i = 0; i < 35; i++)
      writeFileSync(join(dir, `tendero-2026-01-${String(i + 1).padStart(2, '0')}.sqlite`), 'old');
    writeFileSync(join(dir, 'notes.txt'), 'not a backup');
    const file = await closingBackup(till.db.sqlite, place, new Date('2026-03-06T21:30:05Z'));
    // 21:30:05 UTC is 16:30:05 in Lima, the store's zone.
    expect(file).toBe(join(dir, 'tendero-2026-03-06-163005-cierre.sqlite'));
    const kept = listBackups(place);
    expect(kept).toHaveLength(30);
    expect(kept.at(-1)).toBe(file);
    expect(existsSync(join(dir, 'tendero-2026-01-01.sqlite'))).toBe(false);
    expect(existsSync(join(dir, 'notes.txt'))).toBe(true);
    expect(pruneBackups(place, 30)).toEqual([]);
  });

  it('two databases in one folder: copies named after each file, each prunes only its own', async () => {
    const shop = join(dir, 'tienda.sqlite');
    const second = join(dir, 'tienda-2.sqlite');
    const shopPlace = backupPlaceOf(shop);
    const secondPlace = backupPlaceOf(second);
    expect(shopPlace).toEqual({ folder: join(dir, 'backups'), name: 'tienda' });
    expect(secondPlace).toEqual({ folder: join(dir, 'backups'), name: 'tienda-2' });

    const folder = shopPlace.folder;
    mkdirSync(folder);
    // Thirty old copies of each, and copies from before the rule (all called tendero-…).
    for (let i = 0; i < 30; i++) {
      const day = `2026-01-${String(i + 1).padStart(2, '0')}`;
      writeFileSync(join(folder, `tienda-${day}.sqlite`), 'old');
      writeFileSync(join(folder, `tienda-2-${day}.sqlite`), 'old');
    }
    writeFileSync(join(folder, 'tendero-2025-12-31.sqlite'), 'from before');
    const day1 = new Date('2026-03-06T12:00:00Z');
    expect(await dailyBackup(till.db.sqlite, shopPlace, day1)).toBe(
      join(folder, 'tienda-2026-03-06.sqlite'),
    );
    // The second database's first backup that day is its own, not "already done".
    expect(await dailyBackup(till.db.sqlite, secondPlace, day1)).toBe(
      join(folder, 'tienda-2-2026-03-06.sqlite'),
    );
    await closingBackup(till.db.sqlite, secondPlace, new Date('2026-03-06T21:30:05Z'));

    const shopCopies = listBackups(shopPlace);
    const secondCopies = listBackups(secondPlace);
    expect(shopCopies).toHaveLength(30);
    expect(secondCopies).toHaveLength(30);
    expect(shopCopies.every((f) => /[/\\]tienda-\d{4}-/.test(f))).toBe(true);
    expect(secondCopies.every((f) => /[/\\]tienda-2-\d{4}-/.test(f))).toBe(true);
    // Each pruned its own oldest, and nothing of the other or from before.
    expect(existsSync(join(folder, 'tienda-2026-01-01.sqlite'))).toBe(false);
    expect(existsSync(join(folder, 'tienda-2026-01-02.sqlite'))).toBe(true);
    expect(existsSync(join(folder, 'tienda-2-2026-01-02.sqlite'))).toBe(false);
    expect(existsSync(join(folder, 'tienda-2-2026-01-03.sqlite'))).toBe(true);
    expect(existsSync(join(folder, 'tendero-2025-12-31.sqlite'))).toBe(true);
  });

  it('the default database keeps the copies named tendero-… from before as its own', async () => {
    const legacy = backupPlaceOf(join(dir, 'tendero.sqlite'));
    mkdirSync(legacy.folder);
    writeFileSync(join(legacy.folder, 'tendero-2026-03-06.sqlite'), 'made before the rule');
    expect(listBackups(legacy)).toEqual([join(legacy.folder, 'tendero-2026-03-06.sqlite')]);
    expect(await dailyBackup(till.db.sqlite, legacy, new Date('2026-03-06T12:00:00Z'))).toBeNull();
  });

  it('settings.backups tells the admin the real folder beside the database, and its newest copy', async () => {
    const folder = join(dirname(till.file), 'backups');
    expect(await till.call('settings.backups', {})).toEqual({
      folder,
      database: till.file,
      count: 0,
      latest: null,
    });
    const file = await dailyBackup(till.db.sqlite, backupPlaceOf(till.file), new Date());
    const info = await till.call('settings.backups', {});
    expect(info).toMatchObject({ folder, count: 1, latest: { file } });
    expect(Date.parse(info.latest!.at)).not.toBeNaN();
  });

  it('"backup now" writes to a chosen folder and never prunes it', async () => {
    const usb = mkdtempSync(join(tmpdir(), 'tendero-usb-'));
    try {
      const file = await backupTo(till.db.sqlite, usb, new Date('2026-03-06T10:00:00Z'));
      expect(readdirSync(usb)).toEqual(['tendero-respaldo-2026-03-06-050000.sqlite']);
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
      place,
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
      restoreWithSafetyCopy(till.db, bogus, place, new Date(), (file) => openDatabase(file)),
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
        restoreWithSafetyCopy(till.db, backup, place, new Date(), (file) => openDatabase(file)),
      ).rejects.toThrow(new RegExp(`open in the Tendero web host, pid ${host.pid}`));
      expect(sha(till.file)).toBe(before);
      expect(till.db.sqlite.open).toBe(true);
      await product(till, { code: 'STILL-SELLING', price: 100 });
    } finally {
      await crash(host);
    }
    const { db } = await restoreWithSafetyCopy(till.db, backup, place, new Date(), (file) =>
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
    mkdirSync(join(dir, 'tendero-2026-03-06-070000-antes.sqlite'));
    await expect(
      restoreWithSafetyCopy(till.db, backup, place, now, (file) => openDatabase(file)),
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
    const result = await restoreWithSafetyCopy(till.db, backup, place, new Date(), (file) =>
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
