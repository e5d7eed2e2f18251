import { expect, test } from './fixtures';

test('the first-run screen loads in Spanish', async ({ page, till }) => {
  await page.goto(till.url);
  await expect(page.getByRole('heading', { name: 'Bienvenido a Tendero' })).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/es/setup.png' });
});
