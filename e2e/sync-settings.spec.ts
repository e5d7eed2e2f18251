/**
 * Settings › Sincronización and the header's indicator, in a real browser on a
 * real till (the demo shop) against the real central server app: not enrolled,
 * enrolled with N pending, all sent, a price changed on the server pulled,
 * offline since HH:MM; in es and en.
 */
import { setPrice } from '../server/catalog-admin';
import { startTestServer } from '../electron/testing/sync-server';
import { expect, loginAs, startTill, test } from './fixtures';

test('enrol a till from Settings, push its history, and see it offline', async ({ page }) => {
  const server = await startTestServer();
  const store = await server.store();
  const till = await startTill({ demo: true });
  try {
    await page.goto(till.url);
    await loginAs(page, 'Rosa', '1234');
    const indicator = page.getByTestId('sync-indicator');
    await expect(page.locator('.topbar')).toBeVisible();
    await expect(indicator).toHaveCount(0);

    await page
      .getByRole('navigation', { name: 'Tendero' })
      .getByRole('button', { name: 'Configuración' })
      .click();
    await page.getByRole('button', { name: 'Sincronización', exact: true }).click();
    await expect(page.getByText('Esta caja todavía no está inscrita')).toBeVisible();
    await page.screenshot({ path: 'e2e/screenshots/es/settings-sync-not-enrolled.png' });

    // A wrong code: a sentence in Spanish, and nothing stored.
    await page.getByLabel('Dirección del servidor').fill(server.url);
    await page.getByLabel('Código de inscripción').fill('AAAA-BBBB-CCCC');
    await page.getByRole('button', { name: 'Inscribir esta caja' }).click();
    await expect(page.getByRole('alert')).toContainText('El código de inscripción es incorrecto');

    await page.getByLabel('Código de inscripción').fill(await store.code());
    await page.getByRole('button', { name: 'Inscribir esta caja' }).click();
    await expect(page.getByTestId('sync-status')).toBeVisible();
    const pending = Number(await page.getByTestId('sync-pending').textContent());
    expect(pending).toBeGreaterThan(100);
    await expect(indicator).toContainText(`${pending} pendientes`);
    await page.screenshot({ path: 'e2e/screenshots/es/settings-sync-pending.png' });

    await page.getByRole('button', { name: 'Enviar ahora' }).click();
    await expect(page.getByTestId('sync-pending')).toHaveText('0', { timeout: 60_000 });
    await expect(indicator).toContainText('Sincronizado');
    expect(await store.eventCount()).toBe(pending);
    await page.screenshot({ path: 'e2e/screenshots/es/settings-sync-synced.png' });

    // The admin changes a price on the server: "send now" brings it down, stock untouched.
    const { id, code, stock } = till.db.sqlite
      .prepare('SELECT id, code, stock FROM products WHERE active = 1 ORDER BY code LIMIT 1')
      .get() as { id: number; code: string; stock: number };
    await setPrice(server.db.orm, store.storeId, code, 12345);
    await page.getByRole('button', { name: 'Enviar ahora' }).click();
    await expect(page.getByText('1 producto actualizado desde el servidor.')).toBeVisible();
    await expect(page.getByTestId('sync-last-pulled')).not.toHaveText('Nunca');
    expect(
      till.db.sqlite.prepare('SELECT price, stock FROM products WHERE id = ?').get(id),
    ).toEqual({ price: 12345, stock });
    await page.screenshot({ path: 'e2e/screenshots/es/settings-sync-pulled.png' });

    // The server moves away: "send now" finds it gone, the header says since when.
    await page.getByLabel('Cambiar la dirección del servidor').fill('http://127.0.0.1:9');
    await page.getByRole('button', { name: 'Guardar dirección' }).click();
    await page.getByRole('button', { name: 'Enviar ahora' }).click();
    await expect(indicator).toContainText('Sin conexión desde las');
    await expect(page.getByText('El servidor no responde').first()).toBeVisible();
    await page.screenshot({ path: 'e2e/screenshots/es/settings-sync-offline.png' });

    // The server revokes this till: sending stops and says what to do; nothing is lost.
    await server.revoke(
      till.db.sqlite.prepare('SELECT device_id FROM sync_state').pluck().get() as string,
    );
    await page.getByLabel('Cambiar la dirección del servidor').fill(server.url);
    await page.getByRole('button', { name: 'Guardar dirección' }).click();
    await page.getByRole('button', { name: 'Enviar ahora' }).click();
    await expect(indicator).toContainText('Sincronización: requiere atención');
    await expect(page.getByRole('alert').first()).toContainText('El servidor revocó esta caja');
    await expect(page.getByText('Inscribir de nuevo con otro código')).toBeVisible();
    await expect(page.locator('.toast')).toHaveCount(0, { timeout: 15_000 });
    await page.screenshot({ path: 'e2e/screenshots/es/settings-sync-revoked.png' });

    await page.getByLabel('Idioma').first().selectOption('en');
    await expect(indicator).toContainText('Sync: needs attention');
    await expect(page.getByRole('alert').first()).toContainText('The server revoked this till');
    await page.screenshot({ path: 'e2e/screenshots/en/settings-sync-revoked.png' });
  } finally {
    await till.close();
    await server.close();
  }
});
