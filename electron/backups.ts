import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { backupDatabase } from '../db/backup';
import { automaticBackupFile, listAutomaticBackups, type BackupPlace } from '../db/backup-names';
import type { TenderoDb } from '../db/open';
import { restoreOpenDatabase } from '../db/restore';
import { isValidTimeZone, localDateHour } from '../core/time';

/**
 * Automatic backups of a database, kept in a backups folder beside it under
 * its own name (see db/backup-names.ts); the oldest of that database's copies
 * beyond KEEP_BACKUPS are pruned, never another database's.
 */
export const KEEP_BACKUPS = 30;

const clockFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The store's day and HHMMSS of an instant, in its time zone: "the first start
 * of each day" is the shop's day, not UTC's (in Lima a UTC day starts at 19:00,
 * so an evening start used to take the next morning's copy).
 */
function stamp(now: Date, timeZone: string): { day: string; time: string } {
  let format = clockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    clockFormats.set(timeZone, format);
  }
  const time = format
    .formatToParts(now)
    .filter((p) => p.type !== 'literal')
    .map((p) => p.value)
    .join('');
  return { day: localDateHour(now, timeZone).date, time };
}

/** The store's zone as its settings say; the machine's before setup (no settings yet). */
export function storeTimeZoneOf(sqlite: Database.Database): string {
  try {
    const zone = sqlite.prepare('SELECT time_zone FROM settings LIMIT 1').pluck().get();
    if (typeof zone === 'string' && isValidTimeZone(zone)) return zone;
  } catch {
    // No settings table yet: a database that was never set up.
  }
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** This database's automatic backups, oldest first (names sort by time). */
export function listBackups(place: BackupPlace): string[] {
  return listAutomaticBackups(place);
}

/** Keeps the newest `keep` automatic backups of this database. */
export function pruneBackups(place: BackupPlace, keep = KEEP_BACKUPS): string[] {
  const all = listBackups(place);
  const old = all.slice(0, Math.max(0, all.length - keep));
  for (const file of old) rmSync(file, { force: true });
  return old;
}

/** The first start of each day writes NAME-YYYY-MM-DD.sqlite; later starts that day do nothing. */
export async function dailyBackup(
  sqlite: Database.Database,
  place: BackupPlace,
  now: Date,
): Promise<string | null> {
  mkdirSync(place.folder, { recursive: true });
  const file = automaticBackupFile(place, stamp(now, storeTimeZoneOf(sqlite)).day);
  if (existsSync(file)) return null;
  await backupDatabase(sqlite, file);
  pruneBackups(place);
  return file;
}

/** After a cash session closes: NAME-YYYY-MM-DD-HHMMSS-cierre.sqlite. */
export async function closingBackup(
  sqlite: Database.Database,
  place: BackupPlace,
  now: Date,
): Promise<string> {
  mkdirSync(place.folder, { recursive: true });
  const { day, time } = stamp(now, storeTimeZoneOf(sqlite));
  const file = automaticBackupFile(place, day, { time, kind: 'cierre' });
  await backupDatabase(sqlite, file);
  pruneBackups(place);
  return file;
}

/** "Backup now" to a folder the user picks (a USB stick): never pruned. */
export async function backupTo(
  sqlite: Database.Database,
  folder: string,
  now: Date,
): Promise<string> {
  const { day, time } = stamp(now, storeTimeZoneOf(sqlite));
  const file = join(folder, `tendero-respaldo-${day}-${time}.sqlite`);
  await backupDatabase(sqlite, file);
  return file;
}

/**
 * Restores `from` over the database this process has open, keeping the
 * current one as a safety copy first (see restoreOpenDatabase). The caller
 * always ends up with an open database:
 * - refused before anything was closed (another process has the file open, the
 *   backup is not ours, the safety copy failed): this throws and `current`
 *   stays open and usable;
 * - failed after `current` was closed: the file is as it was, and it is
 *   reopened and returned with the error.
 */
export async function restoreWithSafetyCopy(
  current: TenderoDb,
  from: string,
  place: BackupPlace,
  now: Date,
  reopen: (file: string) => TenderoDb,
  migrationsFolder?: string,
): Promise<{ db: TenderoDb; safetyCopy: string; error?: unknown }> {
  mkdirSync(place.folder, { recursive: true });
  const { day, time } = stamp(now, storeTimeZoneOf(current.sqlite));
  const safetyCopy = automaticBackupFile(place, day, { time, kind: 'antes' });
  try {
    await restoreOpenDatabase(current, from, {
      safetyCopy,
      ...(migrationsFolder ? { migrationsFolder } : {}),
    });
  } catch (error) {
    if (current.sqlite.open) throw error;
    return { db: reopen(current.file), safetyCopy, error };
  }
  return { db: reopen(current.file), safetyCopy };
}
