/** Settings › Copias de seguridad shows the real folder of this database's copies (issue 13). */
import { join } from 'node:path';
import { backupPlaceOf } from '../db/backup-names';
import { dailyBackup } from '../electron/backups';
import { expect, loginAs, startTill, test } from './fixtures';

test('the Backups section shows the folder beside the database and its newest copy', async ({
  page,
}) => {
  const till = await startTill({ demo: true });
  try {
    const copy = await dailyBackup(till.db.sqlite, backupPlaceOf(till.file), new Date());
    await page.goto(till.url);
    await loginAs(page, 'Rosa', '1234');
    await page
      .getByRole('navigation', { name: 'Tendero' })
      .getByRole('button', { name: 'Configuración' })
      .click();
    await page.getByRole('button', { name: 'Copias de seguridad', exact: true }).click();
    await expect(page.getByTestId('backups-folder')).toHaveText(join(till.dir, 'backups'));
    await expect(page.getByText(copy!.split('/').at(-1)!, { exact: false })).toBeVisible();
    await expect(page.getByText('1 copia automática en la carpeta')).toBeVisible();
    await expect(page.getByText('%APPDATA%')).toHaveCount(0);
    await page.screenshot({ path: 'e2e/screenshots/es/settings-backups.png' });
  } finally {
    await till.close();
  }
});
