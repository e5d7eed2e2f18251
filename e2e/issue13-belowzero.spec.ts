/**
 * Issue 13, the screens this branch changed, in Spanish and English at
 * 1366×768: selling below zero with a supervisor's PIN, the line's shortage
 * warning and the shortcut bar, totals that add up, QR as Yape / Plin,
 * an unreadable scale label, the sale detail and the return dialog with
 * "kg", Settings (stock policy, payment names), reports, products and the
 * import preview's "sin cambios". Screenshots in e2e/screenshots/<lang>/bz-*.png.
 */
import { randomUUID } from 'node:crypto';
import type { Page as Paged, Product, Sale, Settings } from '../core/api/model';
import { gtinCheckDigit } from '../core/barcode';
import { en } from '../renderer/src/i18n/en';
import { es } from '../renderer/src/i18n/es';
import { expect, loginAs, startTill, test } from './fixtures';

const ROSA = { name: 'Rosa', pin: '1234' };
const LUCIA = { name: 'Lucía', pin: '3333' };

for (const lang of ['es', 'en'] as const) {
  test(`issue 13 screens of this branch (${lang})`, async ({ page }) => {
    test.setTimeout(240_000);
    const M = lang === 'es' ? es : en;
    const dialog = page.getByRole('dialog');
    const nav = page.getByRole('navigation', { name: 'Tendero' });
    const shot = async (name: string) => {
      await page.waitForTimeout(200);
      await page.screenshot({ path: `e2e/screenshots/${lang}/bz-${name}.png` });
    };
    const till = await startTill({ demo: true });
    try {
      await till.call<Settings>('settings.update', { negativeStock: 'supervisor' }, ROSA);
      const products = await till.call<Paged<Product>>('products.list', { pageSize: 100 }, ROSA);
      const short = products.items.find(
        (p) => p.active && p.soldBy === 'unit' && p.trackStock && p.stock >= 2 && p.stock <= 40,
      )!;
      const cheese = products.items.find((p) => p.code === 'QUE001')!;
      const water = products.items.find(
        (p) => p.active && p.soldBy === 'unit' && p.trackStock && p.stock >= 10 && p !== short,
      )!;
      // A sale with a weighed line and a discount, for the sale detail and the return dialog.
      const sold = await till.call<Sale>(
        'sales.create',
        {
          id: randomUUID(),
          lines: [
            { productId: cheese.id, quantity: 0.75 },
            { productId: water.id, quantity: 2 },
          ],
          orderDiscount: 100,
          payments: [{ method: 'EFECTIVO', amount: 100000 }],
        },
        LUCIA,
      );

      // ── The till, as the cashier ─────────────────────────────────────────
      await page.goto(till.url);
      await loginAs(page, LUCIA.name, LUCIA.pin);
      await expect(page.getByLabel('Idioma')).toBeVisible();
      if (lang === 'en') await page.getByLabel('Idioma').selectOption('en');
      const scan = page.getByTestId('scan');
      await expect(scan).toBeFocused();
      await page.keyboard.type(`${short.stock + 3}*${short.code}\n`, { delay: 5 });
      await expect(page.getByTestId('cart-line')).toHaveCount(1);
      await expect(page.getByTestId('stock-short')).toBeVisible();
      await expect(page.locator('.shortcut-bar')).toContainText('F10');
      await shot('till-short-line');

      await page.keyboard.press('F10');
      await dialog.getByLabel(M.till.discount.percent).fill('5');
      await dialog.getByRole('button', { name: M.till.discount.apply }).click();
      await expect(page.locator('.totals')).toContainText(M.till.totals.grossWithTax);
      await shot('till-totals-discount');

      await page.keyboard.press('F4');
      await expect(dialog.getByRole('radio', { name: 'QR (Yape / Plin)' })).toBeVisible();
      await shot('payment-dialog');
      await page.getByTestId('complete-sale').click();
      const authorize = page.getByRole('dialog', { name: M.sales.supervisor.dialogTitle });
      await expect(authorize).toBeVisible();
      await expect(authorize.getByRole('alert')).toContainText(short.name);
      await authorize
        .getByRole('combobox', { name: M.sales.supervisor.name, exact: true })
        .selectOption({ label: 'Carlos' });
      await authorize.getByLabel(M.sales.supervisor.pin).fill('2222');
      await shot('authorize-below-zero');
      await authorize.getByLabel(M.sales.supervisor.pin).press('Enter');
      await expect(page.getByTestId('done-change')).toBeVisible();
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('cart-line')).toHaveCount(0);
      const after = await till.call<Product>('products.get', { id: short.id }, ROSA);
      expect(after.stock).toBe(-3);

      // A scale label whose prefix no layout claims says where to set layouts up.
      const body = '250012301500';
      await scan.focus();
      await page.keyboard.type(`${body}${gtinCheckDigit(body)}\n`, { delay: 5 });
      await expect(page.getByText(M.settings.scale.title, { exact: false }).first()).toBeVisible();
      await shot('till-unknown-scale-label');

      // ── The sale with a weighed line: totals and the return dialog ───────
      await nav.getByRole('button', { name: M.common.nav.sales }).click();
      await page.getByLabel(M.sales.filters.text).fill(sold.number);
      await page.locator('.sales-table tbody tr').first().click();
      await expect(page.getByRole('heading', { name: sold.number })).toBeVisible();
      await expect(page.locator('.sale-totals')).toContainText(M.sales.detail.grossWithTax);
      await shot('sale-detail-totals');
      await page.getByRole('button', { name: M.sales.detail.return, exact: true }).click();
      await expect(dialog.locator('.return-unit')).toHaveText('kg');
      await shot('return-dialog-kg');
      await page.keyboard.press('Escape');

      // ── The admin: settings, reports, products, import ───────────────────
      await page.getByRole('button', { name: M.common.topbar.logout }).click();
      await loginAs(page, ROSA.name, ROSA.pin);
      await nav.getByRole('button', { name: M.common.nav.settings }).click();
      const sections = page.getByRole('navigation', { name: M.settings.sections });
      await sections.getByRole('button', { name: M.settings.nav.stock }).click();
      await expect(page.getByRole('combobox', { name: M.settings.stock.negative })).toHaveValue(
        'supervisor',
      );
      await shot('settings-stock-policy');
      await sections.getByRole('button', { name: M.settings.nav.payments }).click();
      const qr = page.getByLabel(
        M.settings.payments.nameOf.replace('{method}', 'QR (Yape / Plin)'),
      );
      await qr.fill('Yape');
      await shot('settings-payment-names');
      await page.getByRole('button', { name: M.common.save }).click();
      await expect
        .poll(async () => (await till.call<Settings>('settings.get', {}, ROSA)).paymentMethodNames)
        .toEqual({ QR: 'Yape' });

      await nav.getByRole('button', { name: M.common.nav.reports }).click();
      await expect(page.getByText(M.reports.totals.gross).first()).toBeVisible();
      await shot('reports-totals');

      await nav.getByRole('button', { name: M.common.nav.products }).click();
      await expect(page.locator('kbd', { hasText: 'Ins' }).first()).toBeVisible();
      await shot('products-shortcuts');
      await page.getByRole('button', { name: M.products.import.open }).click();
      const csv =
        `codigo,nombre,precio\r\n` +
        `${water.code},${water.name},${(water.price / 100).toFixed(2)}\r\n` +
        `${cheese.code},${cheese.name},${((cheese.price + 100) / 100).toFixed(2)}\r\n`;
      await dialog.locator('input[type=file]').setInputFiles({
        name: 'catalogo.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(csv, 'utf8'),
      });
      await expect(dialog.getByText(M.products.import.unchanged)).toBeVisible();
      await shot('import-preview-unchanged');
    } finally {
      await till.close();
    }
  });
}

for (const lang of ['es', 'en'] as const) {
  test(`Venezuela: the exchange rate typed with a decimal comma (${lang})`, async ({ page }) => {
    const M = lang === 'es' ? es : en;
    const ANA = { name: 'Ana', pin: '1234' };
    const till = await startTill();
    try {
      await till.call('setup.init', {
        country: 'VE',
        businessName: 'Bodega Caracas',
        taxId: 'J-12345678-9',
        admin: ANA,
        registerCode: 'CAJA1',
      });
      await page.goto(till.url);
      await loginAs(page, ANA.name, ANA.pin);
      await expect(page.getByLabel('Idioma')).toBeVisible();
      if (lang === 'en') await page.getByLabel('Idioma').selectOption('en');
      await page
        .getByRole('navigation', { name: 'Tendero' })
        .getByRole('button', { name: M.common.nav.settings })
        .click();
      await page
        .getByRole('navigation', { name: M.settings.sections })
        .getByRole('button', { name: M.settings.nav.taxes })
        .click();
      const rate = page.locator('input[name=exchangeRate]');
      await rate.fill('4,150');
      await expect(page.getByRole('alert').first()).toContainText('4150');
      await page.waitForTimeout(200);
      await page.screenshot({ path: `e2e/screenshots/${lang}/bz-exchange-rate-ambiguous.png` });
      await rate.fill('36,50');
      await page.getByRole('button', { name: M.common.save }).click();
      await expect
        .poll(async () => (await till.call<Settings>('settings.get', {}, ANA)).exchangeRate)
        .toBe('36.50');
      await page.waitForTimeout(200);
      await page.screenshot({ path: `e2e/screenshots/${lang}/bz-exchange-rate-saved.png` });
    } finally {
      await till.close();
    }
  });
}
