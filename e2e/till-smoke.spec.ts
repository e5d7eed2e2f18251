/**
 * The till and its dialogs in Spanish and English, at 1366×768: a sale with
 * the scanner in the demo shop, with a screenshot of every state.
 */
import { en } from '../renderer/src/i18n/en';
import { es } from '../renderer/src/i18n/es';
import { expect, loginAs, startTill, test } from './fixtures';

for (const lang of ['es', 'en'] as const) {
  test(`the till and its dialogs (${lang})`, async ({ page }) => {
    const M = lang === 'es' ? es : en;
    const till = await startTill({ demo: true });
    const shot = (name: string) => page.screenshot({ path: `e2e/screenshots/${lang}/${name}.png` });
    try {
      await page.goto(till.url);
      if (lang === 'en') {
        await page.evaluate(() => localStorage.setItem('tendero.language', 'en'));
        await page.reload();
      }
      await expect(page.getByRole('radio', { name: /Lucía/ })).toBeVisible();
      await shot('login');
      await loginAs(page, 'Lucía', '3333');
      const scan = page.getByTestId('scan');
      await expect(scan).toBeFocused();
      await shot('till-empty');
      for (const code of ['7751001200373', '2*7751015205555', 'GAS001', '999999']) {
        await page.keyboard.type(`${code}\n`, { delay: 5 });
      }
      await expect(page.getByTestId('cart-line')).toHaveCount(3);
      await expect(page.locator('.toast-error')).toContainText('999999');
      await shot('till');

      await page.keyboard.press('F2');
      await page.keyboard.type('inca');
      await expect(page.locator('.search-hits li').first()).toContainText('Inca Kola');
      await shot('till-search');
      await page.keyboard.press('Escape');

      await page.keyboard.press('F3');
      await expect(page.getByRole('dialog', { name: M.till.customer.title })).toBeVisible();
      await page.keyboard.type('María');
      await expect(page.locator('.search-hits li').first()).toContainText('María Quispe');
      await shot('till-customer');
      await page.locator('.search-hits li').first().getByRole('button').click();
      await expect(page.locator('.customer-box')).toContainText('María Quispe');

      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('F8');
      await expect(page.getByRole('dialog')).toContainText(M.till.edit.needsSupervisor);
      await shot('till-line');
      await page.keyboard.press('Escape');

      await page.keyboard.press('F10');
      await shot('till-discount');
      await page.keyboard.press('Escape');

      await page.keyboard.press('F4');
      await expect(page.getByTestId('pay-due')).toBeVisible();
      await shot('pay');
      await page.getByTestId('complete-sale').click();
      await expect(page.getByTestId('done-change')).toBeVisible();
      await shot('done');
      await page.keyboard.press('Enter');
      await expect(scan).toBeFocused();

      await page.keyboard.type('3*GAS002\n', { delay: 5 });
      await expect(page.getByTestId('cart-line')).toHaveCount(1);
      const cartTotal = (await page.getByTestId('total').textContent())!.trim();
      await page.keyboard.press('F6');
      await expect(page.getByTestId('cart-line')).toHaveCount(0);
      await page.keyboard.press('F7');
      const heldDialog = page.getByRole('dialog', { name: M.till.held.title });
      await expect(heldDialog).toBeVisible();
      // A held sale shows the total the till showed for it.
      await expect(heldDialog).toContainText(cartTotal);
      await shot('till-held');
      await page.getByRole('dialog').getByRole('button', { name: M.till.held.resume }).click();
      await expect(page.getByTestId('cart-line')).toHaveCount(1);

      // The cart survives a reload of the window.
      await page.reload();
      await expect(page.getByTestId('cart-line')).toHaveCount(1);
    } finally {
      await till.close();
    }
  });
}
