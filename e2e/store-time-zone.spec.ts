/**
 * The browser's clock is in Tokyo, the store is in Lima: every time the UI
 * shows is the store's (issue 13).
 */
import { addDays, localDateHour } from '../core/time';
import { expect, loginAs, startTill, test, type TillHost } from './fixtures';

const ROSA = { name: 'Rosa', pin: '1234' };

// A browser in Tokyo and in English: the store is a Spanish-speaking shop in Lima.
test.use({ timezoneId: 'Asia/Tokyo', locale: 'en-US' });

let till: TillHost & { close(): Promise<void> };
test.beforeAll(async () => {
  till = await startTill({ demo: true });
});
test.afterAll(async () => {
  await till.close();
});

function limaTime(iso: string, style: 'datetime' | 'time' = 'datetime'): string {
  return new Intl.DateTimeFormat('es-PE', {
    timeZone: 'America/Lima',
    ...(style === 'datetime' ? { dateStyle: 'short' as const } : {}),
    timeStyle: 'short',
  }).format(new Date(iso));
}

test('the stock movements dialog shows Lima time in a browser set to Tokyo', async ({ page }) => {
  const rice = await till.call<{ id: number }>('products.get', { code: 'ARR001' }, ROSA);
  await till.call('stock.adjust', { productId: rice.id, counted: 40, reason: 'Conteo TZ' }, ROSA);
  const [last] = await till.call<{ createdAt: string }[]>(
    'stock.movements',
    { productId: rice.id, limit: 1 },
    ROSA,
  );
  if (!last) throw new Error('no movement');

  await page.goto(till.url);
  await loginAs(page, ROSA.name, ROSA.pin);
  expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(
    'Asia/Tokyo',
  );
  await page
    .getByRole('navigation', { name: 'Tendero' })
    .getByRole('button', { name: 'Productos' })
    .click();
  await page.getByRole('searchbox', { name: 'Buscar producto' }).fill('Arroz Costeño');
  const table = page.locator('.product-table');
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await table.getByRole('button', { name: /^Movimientos/ }).click();
  const first = page.getByRole('dialog').locator('tbody tr').first();
  await expect(first).toContainText('Conteo TZ');
  await expect(first.locator('td').first()).toHaveText(limaTime(last.createdAt));
  await page.screenshot({ path: 'e2e/screenshots/es/stock-movements-tokyo.png' });
});

test('report dates are typed and shown dd/mm/aaaa, whatever the browser speaks', async ({
  page,
}) => {
  const today = localDateHour(new Date(), 'America/Lima').date;
  const from = addDays(today, -2);
  const dmy = (day: string) => day.split('-').reverse().join('/');
  const medium = (day: string) =>
    new Intl.DateTimeFormat('es-PE', { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date(`${day}T00:00:00Z`),
    );

  await page.goto(till.url);
  await loginAs(page, ROSA.name, ROSA.pin);
  await page
    .getByRole('navigation', { name: 'Tendero' })
    .getByRole('button', { name: 'Reportes' })
    .click();
  await page.getByRole('radio', { name: 'Otras fechas' }).click();
  const fromField = page.getByRole('textbox', { name: 'Desde' });
  const toField = page.getByRole('textbox', { name: 'Hasta' });
  await expect(fromField).toHaveAttribute('placeholder', 'dd/mm/aaaa');
  await expect(toField).toHaveValue(dmy(today));

  await fromField.fill(dmy(from));
  await toField.fill(dmy(today));
  await expect(page.locator('.period-text')).toHaveText(
    `Ventas del ${medium(from)} al ${medium(today)}`,
  );
  await expect(page.locator('.report-body')).not.toHaveClass(/stale/);

  // ↑ moves a day; a day that does not exist is refused and changes nothing.
  await fromField.press('ArrowUp');
  await expect(fromField).toHaveValue(dmy(addDays(from, 1)));
  await expect(page.locator('.period-text')).toContainText(medium(addDays(from, 1)));
  await toField.fill('31/02/2026');
  await toField.press('Tab');
  await expect(page.getByRole('alert')).toHaveText('Fecha no válida; escríbala así: 20/11/2026');
  await expect(page.locator('.period-text')).toContainText(medium(today));
  await page.screenshot({ path: 'e2e/screenshots/es/report-day-fields.png' });
});

// Last: the lockout leaves an alert for the next admin login.
test('the login screen says until when a user is locked in Lima time', async ({ page }) => {
  await page.goto(till.url);
  const before = Date.now();
  for (let i = 0; i < 5; i++) await loginAs(page, 'Lucía', '9999');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('bloqueado por 1 minuto');
  // Locked for a minute from the fifth try: one of the next few Lima minutes.
  const candidates = [0, 1, 2, 3].map((k) =>
    limaTime(new Date(before + k * 60_000).toISOString(), 'time'),
  );
  const shown = /hasta las ([^)]+)\)/.exec((await alert.textContent()) ?? '')?.[1];
  expect(candidates).toContain(shown);
});
