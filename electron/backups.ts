import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { backupDatabase } from '../db/backup';
import type { TenderoDb } from '../db/open';
import { restoreOpenDatabase } from '../db/restore';

/** Automatic backups kept in userData/backups; older ones are pruned. */
export const KEEP_BACKUPS = 30;
const PATTERN = /^tendero-\d{4}-\d{2}-\d{2}(-\d{6}-[a-z]+)?\.sqlite$/;

function stamp(now: Date): { day: string; time: string } {
  const iso = now.toISOString();
  return { day: iso.slice(0, 10), time: iso.slice(11, 19).replace(/:/g, '') };
}

export function listBackups(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => PATTERN.test(f))
    .sort()
    .map((f) => join(dir, f));
}

/** Keeps the newest `keep` automatic backups (names sort by time). */
export function pruneBackups(dir: string, keep = KEEP_BACKUPS): string[] {
  const all = listBackups(dir);
  const old = all.slice(0, Math.max(0, all.length - keep));
  for (const file of old) rmSync(file, { force: true });
  return old;
}

/** The first start of each day writes tendero-YYYY-MM-DD.sqlite; later starts that day do nothing. */
export async function dailyBackup(
  sqlite: Database.Database,
  dir: string,
  now: Date,
): Promise<string | null> {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `tendero-${stamp(now).day}.sqlite`);
  if (existsSync(file)) return null;
  await backupDatabase(sqlite, file);
  pruneBackups(dir);
  return file;
}

/** After a cash session closes: tendero-YYYY-MM-DD-HHMMSS-cierre.sqlite. */
export async function closingBackup(
  sqlite: Database.Database,
  dir: string,
  now: Date,
): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const { day, time } = stamp(now);
  const file = join(dir, `tendero-${day}-${time}-cierre.sqlite`);
  await backupDatabase(sqlite, file);
  pruneBackups(dir);
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
  dir: string,
  now: Date,
  reopen: (file: string) => TenderoDb,
  migrationsFolder?: string,
): Promise<{ db: TenderoDb; safetyCopy: string; error?: unknown }> {
  mkdirSync(dir, { recursive: true });
  const { day, time } = stamp(now);
  const safetyCopy = join(dir, `tendero-${day}-${time}-antes.sqlite`);
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
