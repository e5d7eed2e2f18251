/**
 * A whole cashier day in the real UI, in Chromium through the webhost: first
 * run, a cashier logs in and opens the shift with a float, scans six items (a
 * scale label, a multiplier and one unknown code among them), takes a split
 * cash + QR payment with change, has a supervisor void a second sale with
 * their PIN, takes cash out, and closes counting 1.00 short. The figures on
 * screen are checked against reports.summary and cash.report.
 */
import { readFileSync } from 'node:fs';
import type { CashReport, CashSession, Sale, Summary } from '../core/api/model';
import { gtinCheckDigit } from '../core/barcode';
import { formatMoney } from '../core/money/format';
import { es } from '../renderer/src/i18n/es';
import { expect, loginAs, test } from './fixtures';

const ADMIN = { name: 'Marta', pin: '4321' };
const money = (amount: number) => formatMoney(amount, 'PEN', 'es-PE').replace(/\u00a0/g, ' ');
const shotsDir = 'e2e/screenshots/es';

/** A scale label: prefix 20, PLU, weight in grams, check digit. */
function scaleLabel(plu: string, grams: number): string {
  const body = `20${plu}${String(grams).padStart(5, '0')}`;
  return body + gtinCheckDigit(body);
}

test('a whole cashier day', async ({ page, till }) => {
  const M = es;
  const dialog = page.getByRole('dialog');
  const nav = page.getByRole('navigation', { name: 'Tendero' });
  const shot = (name: string) => page.screenshot({ path: `${shotsDir}/day-${name}.png` });

  // ── First run: the shop and its first administrator ───────────────────
  await page.goto(till.url);
  await page.getByLabel('Nombre del negocio').fill('Minimarket El Sol');
  await page.getByLabel(/Número fiscal/).fill('20601234567');
  await page.getByLabel('Su nombre (administrador)').fill(ADMIN.name);
  await page.getByLabel('Clave de 4 a 6 dígitos').fill(ADMIN.pin);
  await page.getByLabel('Repita la clave').fill(ADMIN.pin);
  await page.getByRole('button', { name: 'Crear mi tienda' }).click();
  await expect(page.getByTestId('scan')).toBeVisible();

  // The back office's part, through the API: catalog, scale layout, staff.
  await till.call(
    'products.import',
    { file: readFileSync('assets/demo/catalog-pe.csv').toString('base64') },
    ADMIN,
  );
  await till.call(
    'settings.update',
    { scaleLayouts: [{ pattern: '20 PPPPP WWWWW C', priceDecimals: 2 }] },
    ADMIN,
  );
  await till.call('users.create', { name: 'Lucía', role: 'cashier', pin: '3333' }, ADMIN);
  await till.call('users.create', { name: 'Carlos', role: 'supervisor', pin: '2222' }, ADMIN);
  await page.getByRole('button', { name: M.common.topbar.logout }).click();

  // ── The cashier logs in and opens the shift with a float ───────────────
  await loginAs(page, 'Lucía', '3333');
  await expect(page.getByTestId('scan')).toBeFocused();
  await page.getByRole('alert').getByRole('button', { name: M.till.session.open }).click();
  await page.getByLabel(M.till.session.float).fill('100.00');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: M.till.session.open })).toBeHidden();
  await expect(page.getByTestId('scan')).toBeFocused();

  // ── Six scans, as a scanner types them ────────────────────────────────
  const scans = [
    '7751001200373', // arroz 4.90
    '3*7751014205181', // 3 × Inca Kola 500 ml at 2.50
    scaleLabel('00011', 500), // 0.500 kg of queso fresco at 24.00/kg
    'GAS002', // Coca-Cola 1.5 L by its code, 6.50
    '999999', // unknown
    '7751016205929', // Inca Kola 3 L, 11.50
  ];
  for (const code of scans) await page.keyboard.type(`${code}\n`, { delay: 5 });
  await expect(page.getByTestId('cart-line')).toHaveCount(5);
  await expect(page.locator('.toast-error')).toContainText('999999');
  await expect(page.getByTestId('total')).toHaveText(money(4240));
  await expect(page.getByTestId('cart-line').nth(2)).toContainText('Queso fresco');
  await expect(page.getByTestId('cart-line').nth(1).locator('.qty')).toHaveText('3');
  await shot('cart');

  // ── Split payment: QR 30.00 and cash 20.00, change 7.60 ────────────────
  await page.keyboard.press('F4');
  const rows = dialog.locator('.pay-row');
  await rows.nth(0).getByRole('radio', { name: 'QR (Yape / Plin)' }).click();
  await rows.nth(0).getByLabel(M.till.pay.amount).fill('30.00');
  await dialog.getByRole('button', { name: `+ ${M.till.pay.addPayment}` }).click();
  await rows.nth(1).getByRole('radio', { name: M.common.paymentMethods.EFECTIVO }).click();
  await rows.nth(1).getByLabel(M.till.pay.tendered).fill('20.00');
  await expect(page.getByTestId('pay-change')).toHaveText(money(760));
  await shot('pay');
  await page.getByTestId('complete-sale').click();
  await expect(page.getByTestId('done-change')).toHaveText(money(760));
  await expect(dialog).toContainText('B001-00000001');
  await shot('done');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('cart-line')).toHaveCount(0);

  // ── A second sale, which a supervisor voids with their PIN ─────────────
  await page.keyboard.type('7751017206291\n', { delay: 5 });
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await page.keyboard.press('F4');
  await page.getByTestId('complete-sale').click();
  await expect(dialog).toContainText('B001-00000002');
  await page.keyboard.press('Enter');

  await nav.getByRole('button', { name: M.common.nav.sales }).click();
  await page.locator('.sales-table tbody tr').first().click();
  await expect(page.getByRole('heading', { name: 'B001-00000002' })).toBeVisible();
  await page.getByRole('button', { name: M.sales.detail.void, exact: true }).click();
  await dialog.getByLabel(M.sales.void.reason).fill('El cliente desistió');
  await dialog
    .getByRole('combobox', { name: M.sales.supervisor.name, exact: true })
    .selectOption({ label: 'Carlos' });
  await dialog.getByLabel(M.sales.supervisor.pin).fill('2222');
  await dialog.getByRole('button', { name: M.sales.void.submit }).click();
  await expect(page.locator('.sale-title [data-status]')).toHaveText(M.common.saleStatuses.ANULADA);
  await shot('voided');

  // ── Cash out: 5.00 for an expense ─────────────────────────────────────
  await nav.getByRole('button', { name: M.common.nav.cash }).click();
  await page.getByRole('button', { name: M.cash.session.movement }).click();
  await dialog.getByRole('radio', { name: M.cash.movement.OUT }).click();
  await dialog.getByLabel(M.cash.movement.type).selectOption('gasto');
  await dialog.getByLabel(M.cash.movement.amount, { exact: true }).fill('5.00');
  await dialog.getByLabel(M.cash.movement.description).fill('Bolsas y útiles');
  await dialog.getByLabel(M.cash.movement.description).press('Enter');
  await expect(page.locator('.movements')).toContainText('Bolsas y útiles');

  // Expected cash: 100.00 float + 20.00 received − 7.60 change − 5.00 out.
  const expected = 10000 + 2000 - 760 - 500;
  await expect(page.getByTestId('expected-cash')).toHaveText(money(expected));

  // ── Close counting 1.00 short: 100 + 5 + 1 + 2 × 0.20 = 106.40 ─────────
  await page.getByRole('button', { name: M.cash.session.close, exact: true }).click();
  await expect(page.getByTestId('count-expected')).toHaveText(money(expected));
  const pieces = [20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10];
  const countRows = page.locator('.count-row');
  for (const [value, n] of [
    [10000, 1],
    [500, 1],
    [100, 1],
    [20, 2],
  ] as const) {
    await countRows.nth(pieces.indexOf(value)).locator('input').fill(String(n));
  }
  await expect(page.getByTestId('count-counted')).toHaveText(money(10640));
  await expect(page.getByTestId('count-difference')).toContainText(money(100));
  await shot('count');
  await page.getByRole('button', { name: M.cash.close.submit, exact: true }).click();
  // 1.00 short: the till asks before the Z is final.
  await page
    .getByRole('dialog', { name: M.cash.close.confirmTitle })
    .getByRole('button', { name: M.cash.close.confirm })
    .click();
  await expect(page.getByRole('heading', { name: M.cash.report.Z })).toBeVisible();
  await expect(page.getByTestId('z-difference')).toHaveText(
    M.cash.difference.short.replace('{amount}', money(100)),
  );
  await shot('z-report');

  // ── The screen agrees with cash.report and reports.summary ─────────────
  const session = (await till.call<CashSession[]>('cash.list', { limit: 1 }, ADMIN))[0]!;
  const z = await till.call<CashReport>('cash.report', { sessionId: session.id }, ADMIN);
  expect(z.kind).toBe('Z');
  expect(z.sales).toEqual({ count: 1, total: 4240 });
  expect(z.voids).toEqual({ count: 1, total: 180 });
  expect(z.cash).toMatchObject({
    float: 10000,
    received: 2000,
    change: 760,
    out: 500,
    expected,
    counted: 10640,
    difference: -100,
  });
  await expect(page.getByTestId('expected-cash')).toHaveText(money(z.cash.expected));
  const report = page.locator('.cash-report');
  await expect(report).toContainText(money(z.sales.total));
  await expect(report).toContainText(money(z.voids.total));

  // The store's day (its time zone), as the sale recorded it.
  const { localDate } = await till.call<Sale>('sales.get', { number: 'B001-00000001' }, ADMIN);
  const summary = await till.call<Summary>(
    'reports.summary',
    { from: localDate, to: localDate },
    ADMIN,
  );
  expect(summary.sales).toMatchObject({ count: 1, total: 4240 });
  expect(summary.voids).toEqual({ count: 1, total: 180 });
  expect(summary.byMethod).toEqual(
    expect.arrayContaining([
      { method: 'QR', currency: 'PEN', count: 1, amount: 3000 },
      { method: 'EFECTIVO', currency: 'PEN', count: 1, amount: 1240 },
    ]),
  );
  expect(summary.expenses).toEqual([{ type: 'gasto', count: 1, amount: 500 }]);
  expect(summary.topProducts.map((p) => p.code)).toContain('QUE001');
  // The cash screen's sales figure is the report's.
  expect(summary.sales.total).toBe(z.sales.total);
});
