import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BackupsInfo } from '../../core/api/model';
import { backupPlaceOf, listAutomaticBackups } from '../../db/backup-names';
import type { ServiceContext } from './context';

/**
 * The real place of this database's automatic backups, whichever host opened
 * it (the desktop's data folder, `npm run web --db FILE`, the CLI): the
 * renderer never sees files, so the Backups screen asks here.
 */
export function backupsInfo(ctx: ServiceContext): BackupsInfo {
  const place = backupPlaceOf(ctx.db.file);
  const copies = listAutomaticBackups(place);
  const newest = copies.at(-1);
  let latest: BackupsInfo['latest'] = null;
  if (newest) {
    try {
      latest = { file: newest, at: statSync(newest).mtime.toISOString() };
    } catch {
      // Pruned or moved between the listing and now: say there is none rather than fail.
    }
  }
  return { folder: place.folder, database: resolve(ctx.db.file), count: copies.length, latest };
}
