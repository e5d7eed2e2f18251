/**
 * The desktop shell's scenario, through the webhost in Chromium (always): an
 * empty data folder, first-run setup in the UI, one sale, quit, and the sale
 * is in the database file.
 */
import Database from 'better-sqlite3';
import { expect, test } from './fixtures';

test('first run: set up, sell one item, quit, and the sale is on disk', async ({ page, till }) => {
  await page.goto(till.url);
  await expect(page.getByRole('heading', { name: 'Bienvenido a Tendero' })).toBeVisible();
  // Peru's zone is chosen for the store, whatever zone this computer is on.
  await expect(page.getByLabel('Zona horaria')).toHaveValue('America/Lima');
  await page.getByLabel('Nombre del negocio').fill('Bodega La Esquina');
  await page.getByLabel(/Número fiscal/).fill('20601234567');
  await page.getByLabel('Su nombre (administrador)').fill('Marta');
  await page.getByLabel('Clave de 4 a 6 dígitos').fill('4321');
  await page.getByLabel('Repita la clave').fill('4321');
  await page.getByRole('button', { name: 'Crear mi tienda' }).click();

  // Straight into the till, logged in as the new admin.
  await expect(page.getByTestId('scan')).toBeFocused();
  await expect(page.getByText('Marta · Administrador')).toBeVisible();
  await till.call(
    'products.create',
    {
      code: 'AGUA',
      name: 'Agua sin gas 625 ml',
      price: 180,
      barcodes: ['7751017206291'],
      initialStock: 10,
    },
    { name: 'Marta', pin: '4321' },
  );

  await page.keyboard.type('7751017206291');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await page.keyboard.press('F4');
  // No shift is open yet: the till offers to open it with a float.
  await expect(page.getByRole('dialog', { name: 'Abrir turno' })).toBeVisible();
  await page.getByLabel('Fondo inicial').fill('50.00');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Abrir turno' })).toBeHidden();
  await page.keyboard.press('F4');
  await page.getByLabel('Recibido').fill('2.00');
  await page.getByTestId('complete-sale').click();
  await expect(page.getByText('Comprobante B001-00000001')).toBeVisible();
  await expect(page.getByTestId('done-change')).toHaveText(/0\.20/);

  // Quit: the browser closes and the till's database is closed cleanly.
  await page.close();
  till.db.close();
  const file = new Database(till.file, { readonly: true });
  try {
    const sale = file.prepare('SELECT number, total, paid, change FROM sales').get();
    expect(sale).toEqual({ number: 'B001-00000001', total: 180, paid: 180, change: 20 });
    expect(file.prepare("SELECT stock FROM products WHERE code = 'AGUA'").pluck().get()).toBe(9000);
  } finally {
    file.close();
  }
});
