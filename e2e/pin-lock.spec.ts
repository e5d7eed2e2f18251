import { expect, loginAs, startTill, test } from './fixtures';

test('a locked user is told how long; the admin sees the lockout at the next login', async ({
  page,
}) => {
  const till = await startTill({ demo: true });
  try {
    await page.goto(till.url);
    for (let i = 0; i < 5; i++) await loginAs(page, 'Lucía', '9999');
    await expect(page.getByRole('alert')).toContainText('bloqueado por 1 minuto');
    await page.screenshot({ path: 'e2e/screenshots/es/login-locked.png' });

    // Five more from another session while locked: counted, refused without trying.
    for (let i = 0; i < 3; i++) await loginAs(page, 'Lucía', '3333');
    await expect(page.getByRole('alert')).toContainText(/bloqueado por (1 minuto|\d+ segundos)/);

    await loginAs(page, 'Rosa', '1234');
    const dialog = page.getByRole('dialog', { name: 'Usuarios bloqueados por claves incorrectas' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('row', { name: /Lucía/ })).toContainText('8');
    await page.screenshot({ path: 'e2e/screenshots/es/lock-alert.png' });
    await dialog.getByRole('button', { name: 'Entendido' }).click();
    await expect(dialog).toBeHidden();
    expect(await till.call('users.lockAlerts', {}, { name: 'Rosa', pin: '1234' })).toEqual([]);
  } finally {
    await till.close();
  }
});

test('once the admin requires 6 digits, a 4-digit PIN is changed at login', async ({ page }) => {
  const till = await startTill({ demo: true });
  try {
    await page.goto(till.url);
    await loginAs(page, 'Rosa', '1234');
    await page
      .getByRole('navigation', { name: 'Tendero' })
      .getByRole('button', { name: 'Configuración' })
      .click();
    await page.getByRole('button', { name: 'Usuarios', exact: true }).click();
    // The box follows the saved setting, so it turns checked once the save returns.
    const sixDigits = page.getByRole('checkbox', { name: 'Exigir claves de 6 dígitos' });
    await sixDigits.click();
    await expect(sixDigits).toBeChecked();
    await page.screenshot({ path: 'e2e/screenshots/es/settings-users-six-digits.png' });
    const required = () =>
      till.db.sqlite.prepare('SELECT require_six_digit_pins FROM settings').pluck().get();
    await expect.poll(required).toBe(1);
    await page.getByRole('button', { name: 'Cerrar sesión' }).click();
    await loginAs(page, 'Lucía', '3333');
    await expect(page.getByRole('alert')).toContainText('La tienda exige claves de 6 dígitos');
    await page.getByLabel('Nueva clave (6 dígitos)').fill('654321');
    await page.getByLabel('Repita la nueva clave').fill('654321');
    await page.screenshot({ path: 'e2e/screenshots/es/login-change-pin.png' });
    await page.getByRole('button', { name: 'Cambiar clave e ingresar' }).click();
    await expect(page.getByText('Lucía · Cajero')).toBeVisible();
  } finally {
    await till.close();
  }
});
