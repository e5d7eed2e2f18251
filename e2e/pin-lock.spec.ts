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
