import { expect, startTill, test } from './fixtures';

test('the first-run screen loads in Spanish', async ({ page, till }) => {
  await page.goto(till.url);
  await expect(page.getByRole('heading', { name: 'Bienvenido a Tendero' })).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/es/setup.png' });
});

test('an installer can switch the first-run screen to English, and it stays', async ({
  page,
  till,
}) => {
  await page.goto(till.url);
  await page.getByRole('combobox', { name: 'Idioma' }).selectOption('en');
  await expect(page.getByRole('heading', { name: 'Welcome to Tendero' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.screenshot({ path: 'e2e/screenshots/en/setup.png' });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Welcome to Tendero' })).toBeVisible();
});

test('login is keyboard-only: pick a name, type the PIN, Enter', async ({ page }) => {
  const till = await startTill({ demo: true });
  try {
    await page.goto(till.url);
    await page.getByRole('radio', { name: /Lucía/ }).focus();
    await page.keyboard.press('Space');
    await expect(page.locator('.pin-input')).toBeFocused();
    await page.keyboard.type('3333');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('navigation', { name: 'Tendero' })).toBeVisible();
    await expect(page.getByText('Lucía · Cajero')).toBeVisible();
  } finally {
    await till.close();
  }
});
