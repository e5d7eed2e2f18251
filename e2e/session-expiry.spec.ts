/**
 * A till left idle past the web host's session lifetime: the next action
 * leads to the login with a message, and the sale in progress is still there
 * after logging in again (issue 13).
 */
import { expect, loginAs, startTill, test } from './fixtures';

test('an expired session goes back to the login with a message, keeping the cart', async ({
  page,
}) => {
  let clock = Date.now();
  const till = await startTill({
    demo: true,
    webhost: { sessionLimits: { now: () => clock } },
  });
  try {
    await page.goto(till.url);
    await loginAs(page, 'Lucía', '3333');
    const scan = page.getByTestId('scan');
    await expect(scan).toBeFocused();
    for (const code of ['7751001200373', '2*7751015205555']) {
      await page.keyboard.type(`${code}\n`, { delay: 5 });
    }
    const lines = page.getByTestId('cart-line');
    await expect(lines).toHaveCount(2);
    const before = await lines.allTextContents();

    // A working day and more without a call: the host forgets the session.
    clock += 13 * 3_600_000;
    await page.keyboard.type('GAS001\n', { delay: 5 });

    const notice = page.getByRole('status').filter({ hasText: 'Su sesión expiró' });
    await expect(notice).toHaveText(
      'Su sesión expiró; vuelva a ingresar. La venta en curso se conservó.',
    );
    // The user who was working is offered first: only the PIN is left to type.
    await expect(page.getByRole('radio', { name: /Lucía/ })).toHaveAttribute(
      'aria-checked',
      'true',
    );
    // Said once, on the login: no error toast under it.
    await expect(page.locator('.toast-error')).toHaveCount(0);
    await page.screenshot({ path: 'e2e/screenshots/es/login-session-expired.png' });

    await page.locator('.pin-input').fill('3333');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('scan')).toBeFocused();
    await expect(lines).toHaveCount(2);
    expect(await lines.allTextContents()).toEqual(before);
    await expect(page.getByText('Su sesión expiró')).toHaveCount(0);
  } finally {
    await till.close();
  }
});
