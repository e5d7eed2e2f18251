/**
 * The packaged desktop app itself, driven by Playwright's Electron support:
 * an empty data folder, first-run setup, one sale, quit, and the sale is in
 * the database file. Runs wherever Electron's binary exists; elsewhere it is
 * skipped with the reason (the same scenario always runs through the webhost
 * in first-run.spec.ts).
 */
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { openDatabase } from '../db/open';
import { createApi } from '../electron/api';
// @ts-expect-error: a plain ESM helper shared with `npm start`, without type declarations.
import { electronBinary } from '../scripts/electron-binary.mjs';

const binary = (electronBinary as () => string | null)();
const SKIP_REASON =
  "Electron's binary is not installed here (ELECTRON_SKIP_BINARY_DOWNLOAD=1, no access to GitHub): " +
  'the desktop test is skipped; first-run.spec.ts runs the same scenario through the webhost.';

test.describe('desktop app', () => {
  test.skip(!binary, SKIP_REASON);

  test('first run in Electron: set up, sell one item, quit, sale on disk', async () => {
    execSync('npm run -s build:main', { stdio: 'inherit' });
    const dataDir = mkdtempSync(join(tmpdir(), 'tendero-electron-'));
    try {
      const app = await electron.launch({
        executablePath: binary!,
        args: ['.', '--no-sandbox'],
        env: { ...process.env, TENDERO_DATA_DIR: dataDir },
      });
      const page = await app.firstWindow();
      await expect(page.getByRole('heading', { name: 'Bienvenido a Tendero' })).toBeVisible();
      // The preload exposes exactly one function and no Node.
      expect(
        await page.evaluate(() => Object.keys((window as unknown as { tendero: object }).tendero)),
      ).toEqual(['invoke', 'onEvent']);
      expect(
        await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require),
      ).toBe('undefined');

      await page.getByLabel('Nombre del negocio').fill('Bodega La Esquina');
      await page.getByLabel(/Número fiscal/).fill('20601234567');
      await page.getByLabel('Su nombre (administrador)').fill('Marta');
      await page.getByLabel('Clave de 4 a 6 dígitos').fill('4321');
      await page.getByLabel('Repita la clave').fill('4321');
      await page.getByRole('button', { name: 'Crear mi tienda' }).click();
      await expect(page.getByTestId('scan')).toBeFocused();

      // A second process may write the same WAL database: add the product from here.
      const db = openDatabase(join(dataDir, 'tendero.sqlite'));
      const api = createApi({ db });
      const session = { actor: null };
      await api.call('auth.login', { name: 'Marta', pin: '4321' }, session);
      await api.call(
        'products.create',
        { code: 'AGUA', name: 'Agua', price: 180, barcodes: ['7751017206291'], initialStock: 10 },
        session,
      );
      await api.call('cash.open', { float: 5000 }, session);
      db.close();

      await page.keyboard.type('7751017206291');
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('cart-line')).toHaveCount(1);
      await page.keyboard.press('F4');
      await page.getByTestId('complete-sale').click();
      await expect(page.getByText('Comprobante B001-00000001')).toBeVisible();
      await app.close();

      const file = new Database(join(dataDir, 'tendero.sqlite'), { readonly: true });
      try {
        expect(file.prepare('SELECT number, total FROM sales').get()).toEqual({
          number: 'B001-00000001',
          total: 180,
        });
      } finally {
        file.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
