/**
 * Issue 13 in the browser: a catalogue re-imported from an old Excel file
 * (Windows-1252, ";" and decimal commas) previews the encoding and every
 * change old → new, leaves stock alone unless "also set stock" is ticked;
 * an empty catalogue offers the template CSV and the import. Screenshots in
 * e2e/screenshots/<lang>/.
 */
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import type { Page } from '@playwright/test';
import { expect, loginAs, startTill, test, type TillHost } from './fixtures';

type Lang = 'es' | 'en';
const ROSA = { name: 'Rosa', pin: '1234' };
const ANA = { name: 'Ana', pin: '1234' };

const WORDS = {
  es: {
    products: 'Productos',
    importCsv: 'Importar CSV',
    encoding: 'Windows-1252 (Excel «CSV delimitado por comas»)',
    price: 'Precio 2.80 → 2.50',
    stockKept: 'Stock 48 → 96 (no se cambia)',
    stockSet: 'Stock 48 → 96 (se ajustará)',
    setStock: 'También fijar el stock',
    reason: 'Motivo del ajuste de stock',
    emptyTitle: 'Su catálogo está vacío',
    template: 'Descargar plantilla CSV',
    dialogTitle: 'Importar productos desde CSV',
  },
  en: {
    products: 'Products',
    importCsv: 'Import CSV',
    encoding: 'Windows-1252 (Excel “CSV (Comma delimited)”)',
    price: 'Price 2.80 → 2.50',
    stockKept: 'Stock 48 → 96 (left as it is)',
    stockSet: 'Stock 48 → 96 (will be adjusted)',
    setStock: 'Also set the stock',
    reason: 'Reason for the stock adjustment',
    emptyTitle: 'Your catalog is empty',
    template: 'Download CSV template',
    dialogTitle: 'Import products from CSV',
  },
} as const;

async function openApp(page: Page, till: TillHost, lang: Lang, who: typeof ROSA) {
  await page.goto(till.url);
  await loginAs(page, who.name, who.pin);
  await expect(page.getByRole('combobox', { name: 'Idioma' })).toBeVisible();
  if (lang === 'en') await page.getByRole('combobox', { name: 'Idioma' }).selectOption('en');
  await page
    .getByRole('navigation', { name: 'Tendero' })
    .getByRole('button', { name: WORDS[lang].products })
    .click();
}

for (const lang of ['es', 'en'] as const) {
  const w = WORDS[lang];

  test(`re-importing an old Excel file shows old → new and keeps stock (${lang})`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const till = await startTill({ demo: true });
    try {
      const code = `AZ-${lang}`;
      const created = await till.call<{ id: number }>(
        'products.create',
        { code, name: 'Azúcar rubia 1 kg', price: 250, initialStock: 96 },
        ROSA,
      );
      await till.call('products.update', { id: created.id, price: 280 }, ROSA);
      await till.call(
        'stock.adjust',
        { productId: created.id, counted: 48, reason: 'Conteo' },
        ROSA,
      );

      await openApp(page, till, lang, ROSA);
      await page.getByRole('button', { name: w.importCsv }).click();
      const dialog = page.getByRole('dialog');
      // What Excel in Spanish saves as "CSV (delimitado por comas)".
      const old = `codigo;nombre;precio;stock\r\n${code};Azúcar rubia 1 kg;2,50;96\r\n`;
      await dialog.locator('input[type=file]').setInputFiles({
        name: 'catalogo-viejo.csv',
        mimeType: 'text/csv',
        buffer: iconv.encode(old, 'win1252'),
      });
      await expect(dialog.getByTestId('import-format')).toContainText(w.encoding);
      const changes = dialog.getByTestId('import-changes');
      await expect(changes).toContainText(w.price);
      await expect(changes).toContainText(w.stockKept);
      await expect(changes).toContainText('Azúcar rubia 1 kg');
      await page.waitForTimeout(150);
      await page.screenshot({ path: `e2e/screenshots/${lang}/import-reimport-preview.png` });

      await dialog.getByLabel(w.setStock).check();
      await expect(changes).toContainText(w.stockSet);
      await dialog.getByLabel(w.reason).fill('Inventario de diciembre');
      await page.screenshot({ path: `e2e/screenshots/${lang}/import-reimport-set-stock.png` });
      await dialog.getByRole('button', { name: /\(1\)/ }).click();
      await expect(dialog.getByRole('status').first()).toBeVisible();
      const after = await till.call<{ price: number; stock: number; name: string }>(
        'products.get',
        { code },
        ROSA,
      );
      expect(after).toMatchObject({ price: 250, stock: 96, name: 'Azúcar rubia 1 kg' });
      const [last] = await till.call<{ kind: string; reason: string }[]>(
        'stock.movements',
        { productId: created.id, limit: 1 },
        ROSA,
      );
      expect(last).toMatchObject({ kind: 'ADJUST', reason: 'Inventario de diciembre' });
    } finally {
      await till.close();
    }
  });

  test(`an empty catalogue offers the template CSV and the import (${lang})`, async ({ page }) => {
    const till = await startTill();
    try {
      await till.call('setup.init', {
        country: 'PE',
        businessName: 'Bodega Nueva',
        taxId: '20100070970',
        admin: ANA,
        registerCode: 'CAJA1',
      });
      await openApp(page, till, lang, ANA);
      const empty = page.getByTestId('empty-catalog');
      await expect(empty).toContainText(w.emptyTitle);
      await page.waitForTimeout(150);
      await page.screenshot({ path: `e2e/screenshots/${lang}/products-empty.png` });

      const download = page.waitForEvent('download');
      await empty.getByRole('button', { name: w.template }).click();
      const bytes = readFileSync((await (await download).path())!);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.subarray(3).toString('utf8');
      expect(text.split('\r\n')[0]).toMatch(/^codigo,nombre,categoria,unidad,precio,/);
      expect(text).toContain('Azúcar rubia 1 kg');

      await empty.getByRole('button', { name: w.importCsv }).click();
      const dialog = page.getByRole('dialog');
      await expect(dialog.getByRole('heading', { name: w.dialogTitle })).toBeVisible();
      // The template itself imports as it was downloaded.
      await dialog.locator('input[type=file]').setInputFiles({
        name: 'plantilla.csv',
        mimeType: 'text/csv',
        buffer: bytes,
      });
      await expect(dialog.getByTestId('import-format')).toContainText('UTF-8');
      await expect(dialog.getByRole('button', { name: /\(1\)/ })).toBeEnabled();
    } finally {
      await till.close();
    }
  });
}
