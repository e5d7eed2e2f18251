/**
 * E-invoicing as a newcomer sees it, in Spanish and English at 1366×768: the
 * demo Lima bodega signs today's boletas with its self-signed test certificate;
 * the sales list and a sale's detail show each CPE's state ("Pendiente de
 * envío"), and Settings → Facturación electrónica shows the certificate.
 */
import { en } from '../renderer/src/i18n/en';
import { es } from '../renderer/src/i18n/es';
import { expect, loginAs, startTill, test } from './fixtures';

const ROSA = { name: 'Rosa', pin: '1234' };

for (const lang of ['es', 'en'] as const) {
  test(`the CPE state shows in the sales list, the sale and settings (${lang})`, async ({
    page,
  }) => {
    const M = lang === 'es' ? es : en;
    const till = await startTill({ demo: true });
    const shot = (name: string) => page.screenshot({ path: `e2e/screenshots/${lang}/${name}.png` });
    try {
      await page.setViewportSize({ width: 1366, height: 768 });
      await page.goto(till.url);
      if (lang === 'en') {
        await page.evaluate(() => localStorage.setItem('tendero.language', 'en'));
        await page.reload();
      }
      await loginAs(page, ROSA.name, ROSA.pin);
      const nav = page.getByRole('navigation', { name: 'Tendero' });
      await nav.getByRole('button', { name: M.common.nav.sales }).click();
      const pending = page.locator('table.sales-table [data-cpe-state="PENDING"]').first();
      await expect(pending).toHaveText(M.sales.cpe.states.PENDING);
      await shot('sales-list-cpe');

      await pending.click();
      await expect(page.locator('.sale-title [data-cpe-state="PENDING"]')).toHaveText(
        M.sales.cpe.states.PENDING,
      );
      await shot('sale-detail-cpe');

      await nav.getByRole('button', { name: M.common.nav.settings }).click();
      await page.getByRole('button', { name: M.settings.nav.einvoice }).click();
      await expect(page.getByTestId('certificate-info')).toContainText('20601234567');
      await expect(page.getByText(M.settings.einvoice.testCertificate)).toBeVisible();
      await shot('settings-einvoice');
    } finally {
      await till.close();
    }
  });
}
