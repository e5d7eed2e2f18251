/**
 * The moment after a sale, keyboard only, as at a real till: after
 * "Imprimir comprobante" the focus sits on that button, and the next Enter
 * used to print again while the next customer's scans were lost. Enter and
 * scans must start the next sale, from wherever the focus is.
 */
import type { Page } from '@playwright/test';
import { es } from '../renderer/src/i18n/es';
import { expect, loginAs, startTill, test } from './fixtures';

const CODE = '7751001200373';

async function sellOne(page: Page): Promise<void> {
  await expect(page.getByTestId('scan')).toBeFocused();
  await page.keyboard.type(`${CODE}\n`, { delay: 5 });
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await page.keyboard.press('F4');
  await expect(page.getByTestId('pay-due')).toBeVisible();
  await page.getByTestId('complete-sale').click();
  await expect(page.getByTestId('done-change')).toBeVisible();
}

test('after printing, Enter starts the next sale and a scan lands in it', async ({ page }) => {
  const till = await startTill({ demo: true });
  try {
    await page.goto(till.url);
    await loginAs(page, 'Lucía', '3333');
    await sellOne(page);
    const printButton = page.getByRole('button', { name: es.till.done.print });
    await printButton.click();
    await expect(printButton).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('done-change')).toHaveCount(0);
    await expect(page.getByTestId('scan')).toBeFocused();
    await page.keyboard.type(`${CODE}\n`, { delay: 5 });
    await expect(page.getByTestId('cart-line')).toHaveCount(1);
    await page.screenshot({ path: 'e2e/screenshots/es/after-print-next-sale.png' });
  } finally {
    await till.close();
  }
});

test('a scan typed while the sale-done dialog is open is the next sale’s first line', async ({
  page,
}) => {
  const till = await startTill({ demo: true });
  try {
    await page.goto(till.url);
    await loginAs(page, 'Lucía', '3333');
    await sellOne(page);
    await page.keyboard.type(`${CODE}\n`, { delay: 5 });
    await expect(page.getByTestId('done-change')).toHaveCount(0);
    await expect(page.getByTestId('cart-line')).toHaveCount(1);
    await expect(page.getByTestId('scan')).toHaveValue('');
  } finally {
    await till.close();
  }
});
