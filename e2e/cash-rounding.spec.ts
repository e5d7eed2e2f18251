/**
 * Cash rounding at the till (DOMAIN.md, "Cash rounding"), in Spanish and
 * English at 1366×768: the demo Lima bodega rounds cash to S/ 0.10 in the
 * customer's favour, so S/ 40.26 is offered and recorded as S/ 40.20, and the
 * Z shows the session's rounding. Screenshots of the payment dialog and the Z.
 */
import type { CashReport, Sale } from '../core/api/model';
import { formatMoney } from '../core/money/format';
import { en } from '../renderer/src/i18n/en';
import { es } from '../renderer/src/i18n/es';
import { expect, loginAs, startTill, test } from './fixtures';

const ROSA = { name: 'Rosa', pin: '1234' };
const LUCIA = { name: 'Lucía', pin: '3333' };
const money = (amount: number) => formatMoney(amount, 'PEN', 'es-PE').replace(/\u00a0/g, ' ');

for (const lang of ['es', 'en'] as const) {
  test(`cash is rounded to S/ 0.10 at the till and in the Z (${lang})`, async ({ page }) => {
    const M = lang === 'es' ? es : en;
    const till = await startTill({ demo: true });
    const shot = (name: string) => page.screenshot({ path: `e2e/screenshots/${lang}/${name}.png` });
    try {
      await till.call(
        'products.create',
        { code: 'RND001', name: 'Aceite Primor 1 L', price: 2013, initialStock: 50 },
        ROSA,
      );
      await page.goto(till.url);
      if (lang === 'en') {
        await page.evaluate(() => localStorage.setItem('tendero.language', 'en'));
        await page.reload();
      }
      await loginAs(page, LUCIA.name, LUCIA.pin);
      await expect(page.getByTestId('scan')).toBeFocused();
      await page.keyboard.type('2*RND001\n', { delay: 5 });
      await expect(page.getByTestId('total')).toHaveText(money(4026));

      await page.keyboard.press('F4');
      const dialog = page.getByRole('dialog');
      await expect(page.getByTestId('pay-due')).toHaveText(money(4026));
      await expect(page.getByTestId('pay-rounding')).toHaveText(money(-6));
      await expect(page.getByTestId('pay-settle')).toHaveText(money(4020));
      await expect(dialog.getByLabel(M.till.pay.tendered)).toHaveValue('40.20');
      await expect(
        dialog.getByRole('button', { name: new RegExp(`^${M.till.pay.exact}`) }),
      ).toHaveText(`${M.till.pay.exact} ${money(4020)}`);
      await expect(page.getByTestId('pay-change')).toHaveText(money(0));
      await dialog.getByLabel(M.till.pay.tendered).fill('50.00');
      await expect(page.getByTestId('pay-change')).toHaveText(money(980));
      await shot('pay-cash-rounding');

      // A card pays the exact amount: no rounding line.
      await dialog.getByRole('radio', { name: M.common.paymentMethods.TARJETA }).click();
      await dialog.getByLabel(M.till.pay.amount).fill('40.26');
      await expect(page.getByTestId('pay-rounding')).toBeHidden();
      await dialog.getByRole('radio', { name: M.common.paymentMethods.EFECTIVO }).click();
      await dialog.getByLabel(M.till.pay.tendered).fill('50.00');

      await page.getByTestId('complete-sale').click();
      await expect(page.getByTestId('done-change')).toHaveText(money(980));
      const sales = await till.call<{ items: Sale[] }>('sales.list', {}, ROSA);
      const sale = await till.call<Sale>('sales.get', { id: sales.items[0]!.id }, ROSA);
      // What the till offered is what the database recorded.
      expect(sale).toMatchObject({ total: 4026, cashRounding: -6, paid: 4020, change: 980 });
      await page.keyboard.press('Enter');

      // Close the shift counting exactly what is expected, then read its Z on the cash screen.
      const x = await till.call<CashReport>('cash.report', {}, LUCIA);
      expect(x.cash.expected % 10).toBe(0);
      await till.call('cash.close', { countedCash: x.cash.expected }, LUCIA);
      const z = await till.call<CashReport>('cash.report', { sessionId: x.session.id }, LUCIA);
      expect(z.cashRounding.sales).toBeLessThanOrEqual(-6);
      const methods = z.byMethod.reduce((sum, m) => sum + m.amount, 0);
      expect(methods - z.cashRounding.sales).toBe(z.sales.total + z.igtf);

      await page
        .getByRole('navigation', { name: 'Tendero' })
        .getByRole('button', { name: M.common.nav.cash })
        .click();
      await page.locator('table.sessions tbody tr').first().click();
      await expect(page.getByRole('dialog', { name: new RegExp(M.cash.report.Z) })).toBeVisible();
      await expect(page.getByTestId('session-number')).toContainText(String(z.session.number));
      await expect(page.getByTestId('z-cash-rounding')).toHaveText(money(z.cashRounding.sales));
      await expect(page.getByTestId('z-difference')).toHaveText(M.cash.difference.even);
      await shot('z-cash-rounding');
      await page.keyboard.press('Escape');

      // The owner's switch, with Peru's rule explained, in Settings › Taxes and prices.
      await page.getByRole('button', { name: M.common.topbar.logout }).click();
      await loginAs(page, ROSA.name, ROSA.pin);
      await page
        .getByRole('navigation', { name: 'Tendero' })
        .getByRole('button', { name: M.common.nav.settings })
        .click();
      await page.getByRole('button', { name: M.settings.nav.taxes }).click();
      const toggle = page.getByRole('switch', {
        name: M.settings.taxes.cashRounding.replace('{coin}', money(10)),
      });
      await expect(toggle).toBeChecked();
      await toggle.scrollIntoViewIfNeeded();
      await shot('settings-cash-rounding');
    } finally {
      await till.close();
    }
  });
}
