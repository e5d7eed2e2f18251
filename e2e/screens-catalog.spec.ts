/**
 * The catalog, customers, reports and settings screens as users see them, in
 * Spanish and in English, on the demo shop: a screenshot of every screen and
 * state (e2e/screenshots/<lang>/), and checks that what the screens do is real.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import type { Customer, ProductHit, Settings, Summary } from '../core/api/model';
import { formatMoney } from '../core/money/format';
import { expect, loginAs, startTill, test, type TillHost } from './fixtures';

type Lang = 'es' | 'en';

const ROSA = { name: 'Rosa', pin: '1234' };

/** The words the spec looks for, in each language (the UI's own messages). */
const WORDS = {
  es: {
    products: 'Productos',
    customers: 'Clientes',
    reports: 'Reportes',
    settings: 'Configuración',
    newProduct: 'Nuevo producto',
    save: 'Guardar',
    add: 'Agregar',
    adjust: 'Ajustar',
    movements: 'Movimientos',
    importCsv: 'Importar CSV',
    lowTab: 'Stock bajo',
    catalogTab: 'Catálogo',
    search: 'Buscar producto',
    code: 'Código',
    name: 'Nombre',
    price: 'Precio de venta',
    barcodes: 'Códigos de barras',
    quantityToAdd: 'Cantidad a sumar (use - para restar)',
    reason: 'Motivo',
    saveAdjust: 'Guardar ajuste',
    skipInvalid: 'Importar solo las filas correctas y omitir las que tienen errores',
    newCustomer: 'Nuevo cliente',
    docNumber: 'Número de documento',
    customerName: 'Nombre o razón social',
    total: 'Total vendido',
    week: 'Esta semana',
    exportCsv: 'Exportar CSV',
    exportPdf: 'Exportar PDF',
    close: 'Cerrar',
    sections: {
      business: 'Negocio',
      taxes: 'Impuestos',
      series: 'Numeración',
      stock: 'Stock y balanza',
      users: 'Usuarios',
      receipt: 'Comprobante e impresora',
      backups: 'Copias de seguridad',
      language: 'Idioma y región',
    },
    layout: 'Formato 1',
    phone: 'Teléfono',
    saved: 'Configuración guardada.',
    newUser: 'Nuevo usuario',
    checkDigit: /dígito verificador/,
    badDocument: /Número no válido/,
    readsWeight: 'producto 12345, peso 1.25 kg',
    badLayout: /Debe terminar con una sola C/,
    reportsForbidden: 'Los reportes son para supervisores y administradores.',
  },
  en: {
    products: 'Products',
    customers: 'Customers',
    reports: 'Reports',
    settings: 'Settings',
    newProduct: 'New product',
    save: 'Save',
    add: 'Add',
    adjust: 'Adjust',
    movements: 'Movements',
    importCsv: 'Import CSV',
    lowTab: 'Low stock',
    catalogTab: 'Catalog',
    search: 'Search products',
    code: 'Code',
    name: 'Name',
    price: 'Sale price',
    barcodes: 'Barcodes',
    quantityToAdd: 'Quantity to add (use - to remove)',
    reason: 'Reason',
    saveAdjust: 'Save adjustment',
    skipInvalid: 'Import only the correct rows and skip the ones with errors',
    newCustomer: 'New customer',
    docNumber: 'Document number',
    customerName: 'Name or company name',
    total: 'Total sold',
    week: 'This week',
    exportCsv: 'Export CSV',
    exportPdf: 'Export PDF',
    close: 'Close',
    sections: {
      business: 'Business',
      taxes: 'Taxes',
      series: 'Numbering',
      stock: 'Stock and scale',
      users: 'Users',
      receipt: 'Receipt and printer',
      backups: 'Backups',
      language: 'Language and region',
    },
    layout: 'Layout 1',
    phone: 'Phone',
    saved: 'Settings saved.',
    newUser: 'New user',
    checkDigit: /check digit/,
    badDocument: /Invalid number/,
    readsWeight: 'product 12345, weight 1.25 kg',
    badLayout: /must end with a single C/,
    reportsForbidden: 'Reports are for supervisors and administrators.',
  },
} as const;

/** A valid EAN-13 (check digit 8) and the same body with a wrong one. */
const GOOD_EAN = '7750885012348';
const BAD_EAN = '7750885012341';

async function shot(page: Page, lang: Lang, name: string): Promise<void> {
  // Let toasts fade and charts settle so the picture shows the screen itself.
  await page.waitForTimeout(150);
  await page.screenshot({ path: `e2e/screenshots/${lang}/${name}.png` });
}

function nav(page: Page, label: string): Locator {
  return page.getByRole('navigation', { name: 'Tendero' }).getByRole('button', { name: label });
}

async function openApp(page: Page, till: TillHost, lang: Lang): Promise<void> {
  await page.goto(till.url);
  await loginAs(page, ROSA.name, ROSA.pin);
  await expect(page.getByRole('combobox', { name: 'Idioma' })).toBeVisible();
  if (lang === 'en') await page.getByRole('combobox', { name: 'Idioma' }).selectOption('en');
  await expect(
    page.getByRole('combobox', { name: lang === 'en' ? 'Language' : 'Idioma' }),
  ).toBeVisible();
}

/** The store's money in the UI's locale: es-PE in Spanish, en-US in English. */
function moneyIn(lang: Lang, amount: number): string {
  return formatMoney(amount, 'PEN', lang === 'en' ? 'en-US' : 'es-PE');
}

for (const lang of ['es', 'en'] as const) {
  const w = WORDS[lang];

  test.describe(`catalog screens (${lang})`, () => {
    test.describe.configure({ timeout: 180_000 });
    let till: TillHost & { close(): Promise<void> };

    test.beforeAll(async () => {
      till = await startTill({ demo: true });
    });
    test.afterAll(async () => {
      await till.close();
    });

    test('products: list, search, form with barcodes, stock, history', async ({ page }) => {
      await openApp(page, till, lang);
      await nav(page, w.products).click();
      const table = page.locator('.product-table');
      await expect(table.locator('tbody tr')).toHaveCount(50);
      await shot(page, lang, 'products-list');

      await page.getByRole('searchbox', { name: w.search }).fill('arro');
      await expect(table.locator('tbody tr')).toHaveCount(2);
      await shot(page, lang, 'products-search');
      await page.getByRole('searchbox', { name: w.search }).fill('');

      // A count below its minimum puts a product on the low-stock list.
      const oil = await till.call<{ id: number }>('products.get', { code: 'ACE001' }, ROSA);
      await till.call('stock.adjust', { productId: oil.id, counted: 3, reason: 'Conteo' }, ROSA);
      await page.getByRole('tab', { name: w.lowTab }).click();
      await expect(page.locator('tbody tr').filter({ hasText: 'ACE001' })).toBeVisible();
      await shot(page, lang, 'products-low-stock');
      await page.getByRole('tab', { name: w.catalogTab }).click();

      // A new product with two barcodes (one refused for its check digit).
      const code = `E2E-${lang.toUpperCase()}`;
      const name = lang === 'es' ? 'Galletas de prueba E2E' : 'Test crackers E2E';
      await page.getByRole('button', { name: w.newProduct }).click();
      const form = page.getByRole('dialog');
      await form.getByLabel(w.code, { exact: true }).fill(code);
      await form.getByLabel(w.name, { exact: true }).fill(name);
      await form.getByLabel(w.price).fill('3.50');
      const barcode = form.getByRole('textbox', { name: w.barcodes });
      await barcode.fill(GOOD_EAN);
      await barcode.press('Enter');
      await barcode.fill('2000000000015');
      await barcode.press('Enter');
      await barcode.fill(BAD_EAN);
      await barcode.press('Enter');
      await expect(form.getByRole('alert')).toHaveText(w.checkDigit);
      await expect(form.locator('.chip')).toHaveCount(2);
      await shot(page, lang, 'product-form-barcodes');
      // Enter in any field saves (the scanner's Enter in the barcode box does not).
      await form.getByLabel(w.name, { exact: true }).press('Enter');
      await expect(page.getByRole('dialog')).toHaveCount(0);

      // The product is real: the API's search finds it, with its barcodes.
      const hits = await till.call<ProductHit[]>('products.search', { text: name }, ROSA);
      expect(hits.map((h) => h.code)).toContain(code);
      const created = await till.call<{ barcodes: string[]; price: number }>(
        'products.get',
        { code },
        ROSA,
      );
      expect(created.price).toBe(350);
      expect([...created.barcodes].sort()).toEqual(['2000000000015', GOOD_EAN]);

      // Stock adjustment by a delta, with a reason.
      await page.getByRole('searchbox', { name: w.search }).fill(name);
      await expect(table.locator('tbody tr')).toHaveCount(1);
      await table
        .getByRole('button', { name: new RegExp(`^${w.adjust}`) })
        .first()
        .click();
      const adjust = page.getByRole('dialog');
      await adjust.getByLabel(w.quantityToAdd).fill('12');
      await adjust
        .getByLabel(w.reason)
        .fill(lang === 'es' ? 'Llegada de mercadería' : 'Goods received');
      await shot(page, lang, 'stock-adjust');
      await adjust.getByRole('button', { name: w.saveAdjust }).click();
      await expect(page.getByRole('dialog')).toHaveCount(0);
      const adjusted = await till.call<{ stock: number }>('products.get', { code }, ROSA);
      expect(adjusted.stock).toBe(12);

      // The movement history of a product that sold all week.
      await page.getByRole('searchbox', { name: w.search }).fill('Arroz Costeño');
      await expect(table.locator('tbody tr')).toHaveCount(1);
      await expect(table.locator('tbody tr')).toContainText('ARR001');
      await table.getByRole('button', { name: new RegExp(`^${w.movements}`) }).click();
      await expect(page.getByRole('dialog')).toContainText('Arroz Costeño');
      const ledger = page.getByRole('dialog').locator('tbody tr');
      await expect(ledger.first()).toBeVisible();
      expect(await ledger.count()).toBeGreaterThan(5);
      await shot(page, lang, 'stock-movements');
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toHaveCount(0);
    });

    test('products: CSV import preview with a bad row, then import', async ({ page }) => {
      await openApp(page, till, lang);
      await nav(page, w.products).click();
      await page.getByRole('button', { name: w.importCsv }).click();
      const dialog = page.getByRole('dialog');
      const csv =
        '\uFEFFcodigo,nombre,categoria,precio,stock,codigos_barras\r\n' +
        `IMP-${lang}-1,Chocolate importado,Snacks,4.50,10,\r\n` +
        `IMP-${lang}-2,Fila con precio malo,Snacks,abc,5,\r\n` +
        `IMP-${lang}-3,Otro producto bueno,Snacks,2.00,3,\r\n`;
      await dialog.locator('input[type=file]').setInputFiles({
        name: 'productos.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(csv, 'utf8'),
      });
      const errors = dialog.locator('.import-errors tbody tr');
      await expect(errors).toHaveCount(1);
      // The bad row is line 3 of the file (the header is line 1), in column "precio".
      await expect(errors.locator('td').nth(0)).toHaveText('3');
      await expect(errors.locator('td').nth(1)).toHaveText('precio');
      await shot(page, lang, 'import-preview');
      // Nothing was written by the preview.
      await expect(till.call('products.get', { code: `IMP-${lang}-1` }, ROSA)).rejects.toThrow(
        /NOT_FOUND/,
      );

      await dialog.getByLabel(w.skipInvalid).check();
      await dialog.getByRole('button', { name: /\(2\)/ }).click();
      await expect(dialog.getByRole('status').filter({ hasText: '2' }).first()).toBeVisible();
      await shot(page, lang, 'import-done');
      const imported = await till.call<{ stock: number }>(
        'products.get',
        { code: `IMP-${lang}-1` },
        ROSA,
      );
      expect(imported.stock).toBe(10);
      await dialog.getByRole('button', { name: w.close }).click();
    });

    test('products: an import refused at the last step names the skip checkbox', async ({
      page,
    }) => {
      await openApp(page, till, lang);
      await nav(page, w.products).click();
      await page.getByRole('button', { name: w.importCsv }).click();
      const dialog = page.getByRole('dialog');
      const barcode = lang === 'es' ? '2900000000011' : '2900000000028';
      const csv =
        'codigo,nombre,precio,codigos_barras\r\n' +
        `RACE-${lang}-1,Producto uno,1.00,\r\n` +
        `RACE-${lang}-2,Producto dos,2.00,${barcode}\r\n`;
      await dialog.locator('input[type=file]').setInputFiles({
        name: 'productos.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(csv, 'utf8'),
      });
      const importButton = dialog.getByRole('button', { name: /\(2\)/ });
      await expect(importButton).toBeEnabled();
      // Between the preview and the import, another till gives that barcode to a product.
      await till.call(
        'products.create',
        { code: `RACE-${lang}-X`, name: 'Otro', price: 100, barcodes: [barcode] },
        ROSA,
      );
      await importButton.click();
      await expect(dialog.getByRole('alert')).toContainText(w.skipInvalid);
      await expect(dialog.getByLabel(w.skipInvalid)).toBeVisible();
      await shot(page, lang, 'import-refused');
      await expect(till.call('products.get', { code: `RACE-${lang}-1` }, ROSA)).rejects.toThrow(
        /NOT_FOUND/,
      );
      await page.keyboard.press('Escape');
    });

    test('customers: list, form with document types and field errors', async ({ page }) => {
      await openApp(page, till, lang);
      await nav(page, w.customers).click();
      await expect(page.locator('tbody tr')).toHaveCount(4);
      await shot(page, lang, 'customers-list');

      await page.getByRole('button', { name: w.newCustomer }).click();
      const form = page.getByRole('dialog');
      await form.getByLabel(w.docNumber).fill('123');
      await form.getByLabel(w.customerName).fill('Juana Pérez');
      await form.getByRole('button', { name: w.save, exact: true }).click();
      await expect(form.locator('.field-error')).toHaveText(w.badDocument);
      await shot(page, lang, 'customer-form-error');
      const dni = lang === 'es' ? '40404040' : '40404041';
      await form.getByLabel(w.docNumber).fill(dni);
      await form.getByLabel(w.docNumber).press('Enter');
      await expect(page.getByRole('dialog')).toHaveCount(0);
      const found = await till.call<Customer[]>('customers.search', { text: dni }, ROSA);
      expect(found.map((c) => c.name)).toEqual(['Juana Pérez']);
      await expect(page.locator('tbody tr')).toHaveCount(5);
    });

    test('reports: this week with charts, totals as the API says, CSV and PDF', async ({
      page,
    }) => {
      await openApp(page, till, lang);
      const answer = page.waitForResponse((r) => r.url().endsWith('/api/reports.summary'));
      await nav(page, w.reports).click();
      const response = await answer;
      const request = JSON.parse(response.request().postData() ?? '{}') as {
        from: string;
        to: string;
      };
      await expect(page.getByRole('radio', { name: w.week })).toHaveAttribute(
        'aria-checked',
        'true',
      );
      // The screen's total is reports.summary's, asked independently.
      const summary = await till.call<Summary>('reports.summary', request, ROSA);
      if (summary.sales.count > 0) {
        await expect(page.locator('.recharts-surface')).toHaveCount(2);
        await expect(page.locator('.recharts-bar-rectangle').first()).toBeVisible();
      }
      await expect(page.getByRole('group', { name: w.total }).locator('.figure-value')).toHaveText(
        moneyIn(lang, summary.sales.total),
      );
      await shot(page, lang, 'reports-week');
      await page.locator('.content').evaluate((el) => {
        const tables = el.querySelector<HTMLElement>('.tables');
        el.scrollTo(0, (tables?.offsetTop ?? 0) - (el as HTMLElement).offsetTop - 16);
      });
      await shot(page, lang, 'reports-week-tables');
      await page.locator('.content').evaluate((el) => el.scrollTo(0, el.scrollHeight));
      await shot(page, lang, 'reports-week-bottom');

      const csvDownload = page.waitForEvent('download');
      await page.getByRole('button', { name: w.exportCsv }).click();
      const csv = readFileSync((await (await csvDownload).path())!, 'utf8');
      expect(csv.startsWith('\uFEFF')).toBe(true);
      expect(csv).toContain((summary.sales.total / 100).toFixed(2));

      const pdfDownload = page.waitForEvent('download');
      await page.getByRole('button', { name: w.exportPdf }).click();
      const pdf = readFileSync((await (await pdfDownload).path())!);
      expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    });

    test('settings: every section, a scale layout preview, a saved change', async ({ page }) => {
      await openApp(page, till, lang);
      await nav(page, w.settings).click();
      const sections = page.getByRole('navigation', {
        name: lang === 'es' ? 'Secciones' : 'Sections',
      });

      await shot(page, lang, 'settings-business');
      const phone = lang === 'es' ? '01 555 1234' : '01 555 9876';
      await page.getByLabel(w.phone).fill(phone);
      await page.getByRole('button', { name: w.save, exact: true }).click();
      await expect(page.getByRole('status').getByText(w.saved)).toBeVisible();
      const saved = await till.call<Settings>('settings.get', {}, ROSA);
      expect(saved.phone).toBe(phone);

      for (const name of ['taxes', 'series', 'users', 'receipt', 'backups', 'language'] as const) {
        await sections.getByRole('button', { name: w.sections[name] }).click();
        await expect(page.locator('.settings-section h2')).toHaveText(/./);
        if (name === 'series') {
          await expect(page.locator('.series-input').first()).toBeVisible();
          // A credit note on a factura has its own F series, apart from the boleta's BC01.
          await expect(page.getByLabel('Nota de crédito (Factura)')).toHaveValue('FC01');
          await expect(page.getByLabel('Nota de crédito', { exact: true })).toHaveValue('BC01');
        }
        if (name === 'users') await expect(page.locator('tbody tr')).toHaveCount(3);
        await shot(page, lang, `settings-${name}`);
      }

      // A new user with a role and a PIN.
      await sections.getByRole('button', { name: w.sections.users }).click();
      await page.getByRole('button', { name: w.newUser }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel(w.name, { exact: true }).fill('Pedro');
      await dialog.getByRole('combobox').selectOption('supervisor');
      for (const box of await dialog.locator('input[type=password]').all()) await box.fill('5555');
      await shot(page, lang, 'settings-user-dialog');
      await dialog.locator('input[type=password]').last().press('Enter');
      await expect(page.getByRole('dialog')).toHaveCount(0);
      await expect(page.locator('tbody tr')).toHaveCount(4);
      const users = await till.call<{ name: string; role: string }[]>('users.list', {}, ROSA);
      expect(users.find((u) => u.name === 'Pedro')?.role).toBe('supervisor');

      // Scale labels: the demo's layout decodes its sample; a broken one says why.
      await sections.getByRole('button', { name: w.sections.stock }).click();
      await expect(page.locator('.layout-row')).toHaveCount(1);
      await expect(page.locator('.layout-row')).toContainText(w.readsWeight);
      await shot(page, lang, 'settings-stock');
      await page.getByRole('textbox', { name: w.layout }).fill('20 PPPPP WWWWW X');
      await expect(page.locator('.layout-row .field-error')).toHaveText(w.badLayout);
      await shot(page, lang, 'settings-stock-bad-layout');
    });

    test('a cashier sees the catalog read-only and no reports', async ({ page }) => {
      await page.goto(till.url);
      await loginAs(page, 'Lucía', '3333');
      if (lang === 'en') await page.getByRole('combobox', { name: 'Idioma' }).selectOption('en');
      await nav(page, w.products).click();
      await expect(page.locator('.product-table tbody tr').first()).toBeVisible();
      await expect(page.getByRole('button', { name: w.newProduct })).toHaveCount(0);
      await expect(page.getByRole('button', { name: new RegExp(`^${w.adjust}`) })).toHaveCount(0);
      await expect(nav(page, w.reports)).toHaveCount(0);
      await page.goto(`${till.url}#/reports`);
      await expect(page.getByText(w.reportsForbidden)).toBeVisible();
    });
  });
}
