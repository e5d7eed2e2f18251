import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * Where a database's automatic backups go and what they are called: a
 * `backups` folder beside the file, each copy named after the file itself
 * (tienda.sqlite → backups/tienda-2026-12-05.sqlite). Two databases in one
 * folder keep apart copies, and each prunes only its own.
 *
 * Copies made before this rule were all called tendero-…: they stay where they
 * are, the database called tendero.sqlite keeps them as its own (same names),
 * and no other database ever prunes them.
 */
export interface BackupPlace {
  /** The absolute folder of the copies. */
  readonly folder: string;
  /** The database file's name without its extension: the copies' prefix. */
  readonly name: string;
}

export function backupPlaceOf(databaseFile: string): BackupPlace {
  const file = resolve(databaseFile);
  const name = basename(file).replace(/\.(sqlite3?|db3?)$/i, '');
  return { folder: join(dirname(file), 'backups'), name: name || basename(file) };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * This database's automatic copies: NAME-YYYY-MM-DD.sqlite (daily) and
 * NAME-YYYY-MM-DD-HHMMSS-kind.sqlite (closing, before a restore). Another
 * database's copies never match, even one whose name starts the same
 * ("tienda" and "tienda-2"): the date must follow the name at once.
 */
export function automaticBackupPattern(name: string): RegExp {
  return new RegExp(`^${escape(name)}-\\d{4}-\\d{2}-\\d{2}(-\\d{6}-[a-z]+)?\\.sqlite$`);
}

export function automaticBackupFile(
  place: BackupPlace,
  day: string,
  stamp?: { time: string; kind: 'cierre' | 'antes' },
): string {
  const suffix = stamp ? `-${stamp.time}-${stamp.kind}` : '';
  return join(place.folder, `${place.name}-${day}${suffix}.sqlite`);
}

/** This database's automatic copies in its folder, oldest first (names sort by time). */
export function listAutomaticBackups(place: BackupPlace): string[] {
  if (!existsSync(place.folder)) return [];
  const own = automaticBackupPattern(place.name);
  return readdirSync(place.folder)
    .filter((f) => own.test(f))
    .sort()
    .map((f) => join(place.folder, f));
}
