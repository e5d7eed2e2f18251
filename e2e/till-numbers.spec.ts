/**
 * Numbers typed at the till, in es-PE at 1366×768: a weight typed with a
 * comma, a quantity far beyond reason, a stock shortage seen as the line is
 * added, a weighed product picked from the search, and a search pick that
 * merges with its line.
 */
import { formatMoney } from '../core/money/format';
import { es } from '../renderer/src/i18n/es';
import { expect, loginAs, startTill, test } from './fixtures';

const ADMIN = { name: 'Rosa', pin: '1234' };
const money = (amount: number) => formatMoney(amount, 'PEN', 'es-PE').replace(/\u00a0/g, ' ');
const shot = (name: string) => `e2e/screenshots/es/numbers-${name}.png`;
/** "0.750 kg" as shown: a no-break space before the unit. */
const KG = (n: string) => new RegExp(`^${n.replace('.', '\\.')}\\s+kg$`);

async function tillWithProducts() {
  const till = await startTill({ demo: true });
  await till.call(
    'products.create',
    {
      code: 'QSO900',
      name: 'Queso fresco de prueba',
      soldBy: 'weight',
      price: 2400,
      initialStock: 8,
    },
    ADMIN,
  );
  await till.call(
    'products.create',
    { code: 'GEN0001', name: 'Galletas de prueba', price: 150, initialStock: 10 },
    ADMIN,
  );
  return till;
}

test('F8 on a weighed line reads 0,750 as three quarters of a kilo', async ({ page }) => {
  const till = await tillWithProducts();
  try {
    await page.goto(till.url);
    await loginAs(page, 'Lucía', '3333');
    await expect(page.getByTestId('scan')).toBeFocused();
    await page.keyboard.type('QSO900\n', { delay: 5 });
    await expect(page.getByTestId('cart-line')).toHaveCount(1);
    await page.keyboard.press('F8');
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(es.till.quantities.weight).fill('0,750');
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('cart-line').locator('.qty')).toHaveText(KG('0.750'));
    await expect(page.getByTestId('total')).toHaveText(money(1800));

    // The same with a point, and a price typed as 1,234.50 is a price.
    await page.keyboard.press('F8');
    await dialog.getByLabel(es.till.quantities.weight).fill('0.5');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('cart-line').locator('.qty')).toHaveText(KG('0.500'));

    // 750 kg of a cheese with 8 in stock is a typo until the cashier says otherwise.
    await page.keyboard.press('F8');
    await dialog.getByLabel(es.till.quantities.weight).fill('750');
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('alert')).toContainText('(hasta 100 kg)');
    await expect(dialog.getByRole('alert')).toContainText('Hay 8 kg de');
    await page.screenshot({ path: shot('line-confirm') });
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('cart-line').locator('.qty')).toHaveText(KG('0.500'));

    // "1,234" as an amount could be a thousand or one: refused with a hint, nothing guessed.
    await page.keyboard.press('F8');
    await dialog.getByLabel(es.till.edit.discount).fill('1,234');
    await expect(dialog.locator('.field-error')).toContainText('1234');
    await expect(page.getByTestId('apply-line')).toBeDisabled();
    await page.keyboard.press('Escape');
    await page.screenshot({ path: shot('weighed-line') });
  } finally {
    await till.close();
  }
});

test('a shortage shows on the line at once; a quantity far above the stock asks first', async ({
  page,
}) => {
  const till = await tillWithProducts();
  try {
    await page.goto(till.url);
    await loginAs(page, 'Lucía', '3333');
    const scan = page.getByTestId('scan');
    await expect(scan).toBeFocused();
    await page.keyboard.type('15*GEN0001\n', { delay: 5 });
    const line = page.getByTestId('cart-line');
    await expect(line).toHaveCount(1);
    await expect(line.getByTestId('stock-short')).toHaveText('Stock 10: faltan 5');

    await page.keyboard.type('50*GEN0001\n', { delay: 5 });
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('Hay 10 de Galletas de prueba en stock.');
    await expect(dialog).toContainText('En la venta quedarían 65.');
    await expect(line.locator('.qty')).toHaveText('15');
    await page.screenshot({ path: shot('scan-confirm') });
    // Cancel has the focus: a stray Enter does not add 50.
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(line.locator('.qty')).toHaveText('15');
    await expect(scan).toBeFocused();

    await page.keyboard.type('50*GEN0001\n', { delay: 5 });
    await page.getByTestId('confirm-quantity').click();
    await expect(line.locator('.qty')).toHaveText('65');
    await expect(line.getByTestId('stock-short')).toHaveText('Stock 10: faltan 55');
  } finally {
    await till.close();
  }
});

test('a weighed product picked with F2 asks its weight; a pick merges with its line', async ({
  page,
}) => {
  const till = await tillWithProducts();
  try {
    await page.goto(till.url);
    await loginAs(page, 'Lucía', '3333');
    await expect(page.getByTestId('scan')).toBeFocused();
    const dialog = page.getByRole('dialog');
    const lines = page.getByTestId('cart-line');

    await page.keyboard.press('F2');
    await page.keyboard.type('queso fresco de');
    await expect(page.locator('.search-hits li').first()).toContainText('Queso fresco de prueba');
    await page.keyboard.press('Enter');
    await expect(dialog).toHaveAccessibleName(/Peso de Queso fresco de prueba/);
    await page.keyboard.type('0,5');
    await expect(page.getByTestId('weight-amount')).toContainText(money(1200));
    await page.screenshot({ path: shot('weight-prompt') });
    await page.keyboard.press('Enter');
    await expect(lines).toHaveCount(1);
    await expect(lines.first().locator('.qty')).toHaveText(KG('0.500'));

    await page.keyboard.type('GEN0001\n', { delay: 5 });
    await expect(lines).toHaveCount(2);

    // Picked again from the search: it adds to its line, not a third one.
    await page.keyboard.press('F2');
    await page.keyboard.type('queso fresco de');
    await expect(page.locator('.search-hits li').first()).toContainText('Queso fresco de prueba');
    await page.keyboard.press('Enter');
    await page.keyboard.type('0.25');
    await page.keyboard.press('Enter');
    await expect(lines).toHaveCount(2);
    await expect(lines.first().locator('.qty')).toHaveText(KG('0.750'));

    await page.keyboard.press('F2');
    await page.keyboard.type('galletas de');
    await expect(page.locator('.search-hits li').first()).toContainText('Galletas de prueba');
    await page.keyboard.press('Enter');
    await expect(lines).toHaveCount(2);
    await expect(lines.nth(1).locator('.qty')).toHaveText('2');
    await expect(page.getByTestId('total')).toHaveText(money(1800 + 300));
    await expect(lines.nth(1).getByTestId('stock-short')).toHaveCount(0);

    // 15 more galletas: 17 of 10 in stock, said on the line at once.
    await page.keyboard.type('15*GEN0001\n', { delay: 5 });
    await expect(lines.nth(1).getByTestId('stock-short')).toHaveText('Stock 10: faltan 7');
    await page.screenshot({ path: shot('till') });
  } finally {
    await till.close();
  }
});
