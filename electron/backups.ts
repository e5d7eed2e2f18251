import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { backupDatabase } from '../db/backup';
import { automaticBackupFile, listAutomaticBackups, type BackupPlace } from '../db/backup-names';
import type { TenderoDb } from '../db/open';
import { restoreOpenDatabase } from '../db/restore';

/**
 * Automatic backups of a database, kept in a backups folder beside it under
 * its own name (see db/backup-names.ts); the oldest of that database's copies
 * beyond KEEP_BACKUPS are pruned, never another database's.
 */
export const KEEP_BACKUPS = 30;

function stamp(now: Date): { day: string; time: string } {
  const iso = now.toISOString();
  return { day: iso.slice(0, 10), time: iso.slice(11, 19).replace(/:/g, '') };
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
  const file = automaticBackupFile(place, stamp(now).day);
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
  const { day, time } = stamp(now);
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
  const { day, time } = stamp(now);
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
  const { day, time } = stamp(now);
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
