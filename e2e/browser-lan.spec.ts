/**
 * Browser mode as a shop uses it: the app opened by http://localhost:PORT and,
 * bound to 0.0.0.0, by this machine's own LAN address (not a secure context:
 * no crypto.randomUUID) and another loopback address. Each one logs in and
 * sells. A refusal from the till server shows as a refusal, never as "no
 * connection". All traffic stays on this machine.
 */
import { networkInterfaces } from 'node:os';
import type { Page } from '@playwright/test';
import { es } from '../renderer/src/i18n/es';
import { expect, loginAs, startTill, test } from './fixtures';

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `e2e/screenshots/es/${name}.png` });

/** Logs in as the demo's cashier (whose cash is open) and sells one scanned item in cash. */
async function sellOne(page: Page): Promise<void> {
  await expect(page.getByRole('radio', { name: /Lucía/ })).toBeVisible();
  await loginAs(page, 'Lucía', '3333');
  await expect(page.getByTestId('scan')).toBeFocused();
  await page.keyboard.type('7751001200373\n', { delay: 5 });
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await page.keyboard.press('F4');
  await expect(page.getByTestId('pay-due')).toBeVisible();
  await page.getByTestId('complete-sale').click();
  await expect(page.getByTestId('done-change')).toBeVisible();
}

function salesCount(till: Awaited<ReturnType<typeof startTill>>): number {
  return (till.db.sqlite.prepare('SELECT count(*) AS n FROM sales').get() as { n: number }).n;
}

/** This machine's own non-loopback IPv4 address, if it has one. */
function interfaceAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((i) => i && !i.internal && i.family === 'IPv4')?.address;
}

test('opened by http://localhost:PORT, it logs in and sells', async ({ page }) => {
  const till = await startTill({ demo: true });
  try {
    const port = new URL(till.url).port;
    const before = salesCount(till);
    await page.goto(`http://localhost:${port}`);
    await expect(page.getByText(es.common.topbar.offline)).toHaveCount(0);
    await sellOne(page);
    await shot(page, 'browser-localhost');
    expect(salesCount(till)).toBe(before + 1);
  } finally {
    await till.close();
  }
});

test('bound to 0.0.0.0, opened by the LAN address and another loopback address, it sells', async ({
  page,
}) => {
  const till = await startTill({ demo: true, webhost: { host: '0.0.0.0' } });
  try {
    const port = new URL(till.url).port;
    const lan = interfaceAddress();
    for (const address of [...(lan ? [lan] : []), '127.0.0.2']) {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      const before = salesCount(till);
      await page.goto(`http://${address}:${port}`);
      if (address === lan) {
        // The case that went blank: plain http on a LAN address has no randomUUID.
        expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
      }
      await sellOne(page);
      await shot(page, address === lan ? 'browser-lan' : 'browser-loopback-2');
      expect(errors).toEqual([]);
      expect(salesCount(till)).toBe(before + 1);
      await page.context().clearCookies();
    }
  } finally {
    await till.close();
  }
});

test('a refusal by the till server is shown as a refusal, with its reason', async ({ page }) => {
  const till = await startTill({ demo: true });
  try {
    // The calls go to the real host as if from a page of another origin (Chromium
    // will not send a forged Origin itself): the host answers 403, as it would.
    await page.route('**/api/**', async (route) => {
      const headers = {
        ...(await route.request().allHeaders()),
        origin: 'http://otra-caja.example',
      };
      await route.fulfill({ response: await route.fetch({ headers }) });
    });
    await page.goto(till.url);
    await expect(page.getByRole('alert')).toContainText(es.common.topbar.refused);
    await expect(page.getByRole('alert')).toContainText(es.errors.reasons.CROSS_ORIGIN);
    await expect(page.getByText(es.common.topbar.offline)).toHaveCount(0);
    await shot(page, 'browser-refused');
  } finally {
    await till.close();
  }
});

test('a page left on the login screen past the idle limit still logs in', async ({ page }) => {
  const till = await startTill({
    demo: true,
    webhost: { sessionLimits: { anonymousIdleMs: 1_000 } },
  });
  try {
    await page.goto(till.url);
    await expect(page.getByRole('radio', { name: /Lucía/ })).toBeVisible();
    await page.waitForTimeout(1_500);
    await loginAs(page, 'Lucía', '3333');
    await expect(page.getByTestId('scan')).toBeFocused();
  } finally {
    await till.close();
  }
});
