/**
 * The desktop app's restore dialog, on failures made by the real restore path:
 * a foreign file, a database another process holds, a damaged backup. Each is
 * told in Spanish (and English) with what to do, never SQLite's English.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type TenderoDb } from '../db/open';
import { writeForeignSqlite } from '../db/testing/foreign';
import { crash, holdOpen } from '../db/testing/processes';
import { backupPlaceOf } from '../db/backup-names';
import { restoreWithSafetyCopy } from './backups';
import { restoreFailureText } from './restore-messages';

let dir: string;
let db: TenderoDb;
const children: ChildProcess[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tendero-restore-text-'));
  db = openDatabase(join(dir, 'tendero.sqlite'), { holder: 'desktop' });
});
afterEach(async () => {
  while (children.length > 0) await crash(children.pop()!);
  if (db.sqlite.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What the desktop menu's restore would show for `from`. */
async function failureOf(from: string): Promise<unknown> {
  const outcome = await restoreWithSafetyCopy(db, from, backupPlaceOf(db.file), new Date(), (f) =>
    openDatabase(f, { holder: 'desktop' }),
  ).catch((error: unknown) => ({ db, error }));
  db = outcome.db;
  if (!('error' in outcome) || !outcome.error) throw new Error('expected the restore to fail');
  return outcome.error;
}

describe('the desktop restore dialog', () => {
  it('says a foreign file is not a Tendero backup, and that nothing changed', async () => {
    const error = await failureOf(writeForeignSqlite(join(dir, 'foreign.sqlite')));
    const es = restoreFailureText(error, 'es');
    expect(es).toContain('no es una copia de seguridad de Tendero');
    expect(es).toContain('Sus datos actuales no se cambiaron.');
    expect(es).not.toMatch(/SQLite|is not a/);
    expect(restoreFailureText(error, 'en')).toContain('is not a Tendero backup');
  });

  it('names the web host that holds the database, in Spanish', async () => {
    const backup = join(dir, 'good.sqlite');
    openDatabase(backup).close();
    children.push(await holdOpen(db.file, 'web'));
    const es = restoreFailureText(await failureOf(backup), 'es');
    expect(es).toMatch(/está abierta en el servidor web de Tendero \(npm run web\) \(proceso \d+/);
    expect(es).toContain('Ciérrela allí y vuelva a restaurar.');
  });

  it("names when the other process opened the database in the store's time zone", async () => {
    const backup = join(dir, 'good.sqlite');
    openDatabase(backup).close();
    children.push(await holdOpen(db.file, 'web'));
    const error = (await failureOf(backup)) as { details: { holders: { started: string }[] } };
    const started = new Date(error.details.holders[0]!.started);
    const inZone = (timeZone: string) =>
      started.toLocaleTimeString('es-PE', { hour: '2-digit', minute: '2-digit', timeZone });
    // Kiritimati is 14 hours ahead of UTC: never the same clock as the test machine's.
    const es = restoreFailureText(error, 'es', 'Pacific/Kiritimati');
    expect(es).toContain(`abierto a las ${inZone('Pacific/Kiritimati')}`);
    expect(inZone('Pacific/Kiritimati')).not.toBe(inZone('America/Lima'));
  });

  it('says a damaged backup is damaged', async () => {
    const damaged = join(dir, 'damaged.sqlite');
    writeFileSync(damaged, Buffer.alloc(8192, 7));
    const es = restoreFailureText(await failureOf(damaged), 'es');
    expect(es).toMatch(/dañada|no es una copia/);
  });
});
