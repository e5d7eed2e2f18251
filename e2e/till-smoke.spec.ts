import { expect, loginAs, startTill, test } from './fixtures';

test('sell with the scanner in the demo shop', async ({ page }) => {
  const till = await startTill({ demo: true });
  try {
    await page.goto(till.url);
    await loginAs(page, 'Lucía', '3333');
    const scan = page.getByTestId('scan');
    await expect(scan).toBeFocused();
    for (const code of ['7751001200373', '2*7751015205555', 'GAS001', '999999']) {
      await page.keyboard.type(code, { delay: 5 });
      await page.keyboard.press('Enter');
    }
    await expect(page.getByTestId('cart-line')).toHaveCount(3);
    await page.screenshot({ path: 'e2e/screenshots/es/till.png' });
    await page.keyboard.press('F4');
    await expect(page.getByTestId('pay-due')).toBeVisible();
    await page.screenshot({ path: 'e2e/screenshots/es/pay.png' });
    await page.getByTestId('complete-sale').click();
    await expect(page.getByTestId('done-change')).toBeVisible();
    await page.screenshot({ path: 'e2e/screenshots/es/done.png' });
  } finally {
    await till.close();
  }
});
