/**
 * The cash session and sales screens as a cashier sees them, in Spanish and
 * in English: screenshots of every state, and the behaviour behind them (a
 * void shows as ANULADA, a return gets its credit note, the Z report's
 * difference is what was counted minus what was expected).
 */
import { randomUUID } from 'node:crypto';
import type { Page as Paged, Product, CashReport, CashSession, Sale } from '../core/api/model';
import { denominationsOf } from '../core/money/denominations';
import { formatMoney } from '../core/money/format';
import { en } from '../renderer/src/i18n/en';
import { es } from '../renderer/src/i18n/es';
import { expect, loginAs, startTill, test } from './fixtures';

const LUCIA = { name: 'Lucía', pin: '3333' };

for (const lang of ['es', 'en'] as const) {
  test(`cash session and sales screens (${lang})`, async ({ page }) => {
    const M = lang === 'es' ? es : en;
    const money = (amount: number) =>
      formatMoney(amount, 'PEN', lang === 'es' ? 'es-PE' : 'en-US').replace(/\u00a0/g, ' ');
    const dialog = page.getByRole('dialog');
    const shot = async (name: string) => {
      // Toasts fade on their own; dismiss them so they do not cover the screen being shown.
      const toasts = await page.locator('.toast').all();
      for (const toast of toasts) await toast.click({ timeout: 1000 }).catch(() => {});
      // A click on a toast takes the focus out of an open dialog; give it back.
      if (toasts.length > 0 && (await dialog.count()) > 0)
        await dialog.locator('button').last().focus();
      await page.screenshot({ path: `e2e/screenshots/${lang}/${name}.png` });
    };
    const nav = page.getByRole('navigation', { name: 'Tendero' });

    const till = await startTill({ demo: true });
    try {
      // Two sales of today's open session: one to void, one to return and edit.
      const products = await till.call<Paged<Product>>('products.list', { pageSize: 100 }, LUCIA);
      const stocked = products.items.filter(
        (p) => p.active && p.soldBy === 'unit' && p.price > 0 && (!p.trackStock || p.stock >= 10),
      );
      const sell = (lines: { productId: number; quantity: number }[]) =>
        till.call<Sale>(
          'sales.create',
          { id: randomUUID(), lines, payments: [{ method: 'EFECTIVO', amount: 100000 }] },
          LUCIA,
        );
      const toVoid = await sell([{ productId: stocked[0]!.id, quantity: 1 }]);
      const toReturn = await sell([
        { productId: stocked[1]!.id, quantity: 3 },
        { productId: stocked[2]!.id, quantity: 1 },
      ]);

      await page.goto(till.url);
      await loginAs(page, LUCIA.name, LUCIA.pin);
      await expect(page.getByLabel('Idioma')).toBeVisible();
      if (lang === 'en') await page.getByLabel('Idioma').selectOption('en');
      await expect(page.getByLabel(M.common.language)).toHaveValue(lang);

      // ── Sales: the history ─────────────────────────────────────────────
      await nav.getByRole('button', { name: M.common.nav.sales }).click();
      await expect(page.getByRole('heading', { name: M.sales.title, exact: true })).toBeVisible();
      const rows = page.locator('.sales-table tbody tr');
      await expect(rows.first()).toContainText(toReturn.number);
      await shot('sales-list');

      // The status filter shows only voided sales.
      await page.getByLabel(M.sales.filters.status).selectOption('ANULADA');
      await expect
        .poll(() => page.locator('.sales-table [data-status]:not([data-status="ANULADA"])').count())
        .toBe(0);
      await page.getByRole('button', { name: M.sales.filters.clear }).click();

      // "Today" fills both days in the language's order and keeps only today's sales.
      await page.getByRole('button', { name: M.sales.filters.today }).click();
      const [y, m, d] = toVoid.localDate.split('-');
      await expect(page.getByLabel(M.sales.filters.from)).toHaveValue(
        lang === 'es' ? `${d}/${m}/${y}` : `${m}/${d}/${y}`,
      );
      const today = await till.call<Paged<Sale>>(
        'sales.list',
        { from: toVoid.localDate, to: toVoid.localDate, pageSize: 1 },
        LUCIA,
      );
      await expect(page.locator('.cs-pager')).toContainText(
        (today.total === 1 ? M.sales.list.count.one : M.sales.list.count.other).replace(
          '{count}',
          String(today.total),
        ),
      );
      await page.getByRole('button', { name: M.sales.filters.clear }).click();
      await expect(page.getByLabel(M.sales.filters.from)).toHaveValue('');

      // The text filter finds one sale by its number; its row opens the detail.
      await page.getByLabel(M.sales.filters.text).fill(toVoid.number);
      await expect(rows).toHaveCount(1);
      await expect(rows.first()).toContainText(toVoid.number);
      await rows.first().click();
      await expect(page.getByRole('heading', { name: toVoid.number })).toBeVisible();
      await expect(page.getByText(stocked[0]!.name)).toBeVisible();
      await shot('sale-detail');

      // Reprint: the receipt as PDF in a dialog, ready to print.
      await page.getByRole('button', { name: M.sales.detail.reprint }).click();
      await expect(dialog.locator('iframe.pdf-frame')).toHaveAttribute('src', /^blob:/);
      await page.waitForTimeout(800);
      await shot('reprint-dialog');
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();

      // ── Void, authorized by a supervisor in the same dialog ─────────────
      await page.getByRole('button', { name: M.sales.detail.void, exact: true }).click();
      await expect(dialog).toBeVisible();
      await dialog.getByLabel(M.sales.void.reason).fill('Cliente desistió');
      await dialog
        .getByRole('combobox', { name: M.sales.supervisor.name, exact: true })
        .selectOption('Carlos');
      await dialog.getByLabel(M.sales.supervisor.pin).fill('9999');
      await dialog.getByRole('button', { name: M.sales.void.submit }).click();
      await expect(dialog.getByText(M.errors.reasons.BAD_AUTHORIZATION)).toBeVisible();
      await dialog.getByLabel(M.sales.supervisor.pin).fill('2222');
      await shot('void-dialog');
      await dialog.getByLabel(M.sales.supervisor.pin).press('Enter');
      await expect(dialog).toBeHidden();
      await expect(page.locator('.sale-title [data-status]')).toHaveText(
        M.common.saleStatuses.ANULADA,
      );
      await expect(page.locator('.event-void')).toContainText('Carlos');
      await shot('sale-voided');
      expect((await till.call<Sale>('sales.get', { id: toVoid.id }, LUCIA)).status).toBe('ANULADA');

      // Back in the list (the filter kept), the row says ANULADA.
      await page.locator('.sale-title').getByRole('button', { name: M.sales.detail.back }).click();
      await expect(rows).toHaveCount(1);
      await expect(rows.first().locator('[data-status]')).toHaveAttribute('data-status', 'ANULADA');
      await expect(rows.first()).toContainText(M.common.saleStatuses.ANULADA);

      // ── One sale: edit it, then return part of it ──────────────────────
      await page.getByLabel(M.sales.filters.text).fill(toReturn.number);
      await expect(rows).toHaveCount(1);
      await expect(rows.first()).toContainText(toReturn.number);
      await rows.first().press('Enter');
      await expect(page.getByRole('heading', { name: toReturn.number })).toBeVisible();

      // Edit: one more product, with a reason. The boleta is issued: a cashier
      // cannot change its customer (or payments), and the dialog says so.
      await page.getByRole('button', { name: M.sales.detail.edit, exact: true }).click();
      await expect(dialog).toBeVisible();
      await expect(dialog.getByLabel(M.sales.edit.customer)).toBeDisabled();
      await expect(dialog.locator('.edit-issued')).toContainText(toReturn.number);
      const extra = stocked[3]!;
      await dialog.getByRole('button', { name: M.sales.edit.addProduct }).click();
      const search = page.getByRole('dialog', { name: M.till.search.title });
      await search.getByRole('textbox').fill(extra.code);
      await expect(search.getByRole('option').first()).toContainText(extra.name);
      await shot('edit-add-product');
      await search.getByRole('textbox').press('Enter');
      await expect(search).toBeHidden();
      await expect(dialog.getByLabel(extra.name)).toHaveValue('1');
      await expect(dialog.getByLabel(extra.name)).toBeFocused();
      await shot('edit-dialog');
      await dialog.getByRole('button', { name: M.sales.edit.submit }).click();
      await expect(dialog.locator('.field-error')).toHaveText(M.sales.form.reasonRequired);
      await dialog.getByLabel(M.sales.edit.reason).fill('Llevó uno más');
      await dialog.getByLabel(M.sales.edit.reason).press('Enter');
      await expect(dialog).toBeHidden();
      await expect(page.locator('.sale-title [data-status]')).toHaveText(
        M.common.saleStatuses.EDITADA,
      );
      const edited = await till.call<Sale>('sales.get', { id: toReturn.id }, LUCIA);
      expect(edited.lines.map((l) => [l.productId, l.quantity])).toEqual([
        ...toReturn.lines.map((l) => [l.productId, l.quantity]),
        [extra.id, 1],
      ]);
      expect(edited.total).toBe(toReturn.total + extra.price);
      await expect(page.locator('.sale-lines')).toContainText(extra.name);
      await shot('sale-detail-edited');

      // Return part of it: the credit note's number on success.
      await page.getByRole('button', { name: M.sales.detail.return, exact: true }).click();
      await expect(dialog).toBeVisible();
      const line = toReturn.lines[0]!;
      const quantityField = dialog.getByLabel(
        M.sales.return.quantityOf.replace('{name}', line.name),
      );
      await quantityField.fill('4');
      await dialog.getByLabel(M.sales.return.reason).fill('Producto vencido');
      await dialog
        .getByRole('combobox', { name: M.sales.supervisor.name, exact: true })
        .selectOption('Carlos');
      await dialog.getByLabel(M.sales.supervisor.pin).fill('2222');
      await dialog.getByRole('button', { name: M.sales.return.submit }).click();
      await expect(dialog.locator('.field-error').first()).toHaveText(
        M.sales.return.tooMany.replace('{max}', '3'),
      );
      await dialog
        .getByRole('button', { name: M.sales.return.allOf.replace('{name}', line.name) })
        .click();
      await expect(quantityField).toHaveValue('3');
      await shot('return-dialog');
      await dialog.getByRole('button', { name: M.sales.return.submit }).click();
      await expect(dialog.getByRole('status')).toBeVisible();
      const returned = await till.call<Sale>('sales.get', { id: toReturn.id }, LUCIA);
      const creditNote = returned.returns[0]!;
      await expect(dialog.getByRole('status')).toContainText(creditNote.number);
      await expect(dialog.getByRole('status')).toContainText(money(creditNote.total));
      await shot('return-done');
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(page.locator('.sale-events')).toContainText(creditNote.number);

      // A sale with returns keeps its products: the editor says so and offers none.
      await page.getByRole('button', { name: M.sales.detail.edit, exact: true }).click();
      await expect(dialog.getByText(M.sales.edit.linesLocked)).toBeVisible();
      await expect(dialog.getByRole('button', { name: M.sales.edit.addProduct })).toHaveCount(0);
      await expect(dialog.getByLabel(line.name)).toBeDisabled();
      await shot('edit-dialog-returned');
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();

      // ── Cash: the open session and its X report ────────────────────────
      await nav.getByRole('button', { name: M.common.nav.cash }).click();
      await expect(page.getByRole('heading', { name: M.cash.report.X })).toBeVisible();
      const x = await till.call<CashReport>('cash.report', {}, LUCIA);
      await expect(page.getByTestId('expected-cash')).toHaveText(money(x.cash.expected));
      await expect(page.locator('.cash-report')).toContainText(M.cash.report.voids);
      await shot('cash-session');

      // The X report as PDF.
      await page.getByRole('button', { name: M.cash.session.print }).click();
      await expect(dialog.locator('iframe.pdf-frame')).toHaveAttribute('src', /^blob:/);
      await page.waitForTimeout(800);
      await shot('cash-pdf');
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await page.locator('.content').evaluate((el) => el.scrollTo(0, el.scrollHeight));
      await shot('cash-session-bottom');

      // A cash withdrawal: the dialog, then the list and the expected cash.
      await page.getByRole('button', { name: M.cash.session.movement }).click();
      await expect(dialog).toBeVisible();
      await dialog.getByRole('radio', { name: M.cash.movement.OUT }).click();
      await dialog.getByLabel(M.cash.movement.type).selectOption('gasto');
      await dialog.getByLabel(M.cash.movement.amount, { exact: true }).fill('12.50');
      await dialog.getByLabel(M.cash.movement.description).fill('Compra de bolsas');
      await shot('movement-dialog');
      await dialog.getByLabel(M.cash.movement.description).press('Enter');
      await expect(dialog).toBeHidden();
      await expect(page.locator('.movements')).toContainText('Compra de bolsas');
      await expect(page.getByTestId('expected-cash')).toHaveText(money(x.cash.expected - 1250));

      // A past session's Z report opens on click.
      const sessions = await till.call<CashSession[]>('cash.list', { limit: 30 }, LUCIA);
      const past = sessions.find((s) => s.status === 'CERRADA')!;
      await page.locator('.sessions tbody tr').first().click();
      await expect(dialog.getByRole('heading', { name: M.cash.report.Z })).toBeVisible();
      await expect(dialog.getByTestId('expected-cash')).toHaveText(money(past.expectedCash!));
      await shot('z-report-past');
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();

      // ── Count and close: the Z's difference is counted − expected ──────
      await page.getByRole('button', { name: M.cash.session.close, exact: true }).click();
      await expect(page.getByRole('heading', { name: M.cash.close.title })).toBeVisible();
      const expected = (await till.call<CashReport>('cash.report', {}, LUCIA)).cash.expected;
      await expect(page.getByTestId('count-expected')).toHaveText(money(expected));
      const pieces = denominationsOf('PEN');
      const counts = new Map([
        [10000, Math.floor(expected / 10000)],
        [2000, 1],
        [50, 3],
      ]);
      const countRows = page.locator('.count-row');
      for (const [value, n] of counts) {
        await countRows.nth(pieces.indexOf(value)).locator('input').fill(String(n));
      }
      const counted = [...counts].reduce((sum, [value, n]) => sum + value * n, 0);
      const difference = counted - expected;
      await expect(page.getByTestId('count-counted')).toHaveText(money(counted));
      await expect(page.getByTestId('count-difference')).toContainText(money(difference));
      await shot('count');
      await page.getByRole('button', { name: M.cash.close.submit, exact: true }).click();
      // A count that does not match is asked about first.
      if (difference !== 0) {
        await page
          .getByRole('dialog', { name: M.cash.close.confirmTitle })
          .getByRole('button', { name: M.cash.close.confirm })
          .click();
      }
      await expect(page.getByRole('heading', { name: M.cash.report.Z })).toBeVisible();
      const tone = difference === 0 ? 'even' : difference < 0 ? 'short' : 'over';
      const words =
        tone === 'even'
          ? M.cash.difference.even
          : M.cash.difference[tone].replace('{amount}', money(Math.abs(difference)));
      await expect(page.getByTestId('z-difference')).toHaveText(words);
      const closed = (await till.call<CashSession[]>('cash.list', { limit: 1 }, LUCIA))[0]!;
      expect(closed.status).toBe('CERRADA');
      expect(closed.countedCash).toBe(counted);
      expect(closed.difference).toBe(difference);
      await shot('z-report');

      // ── A new session opens with a float ───────────────────────────────
      await page.getByRole('button', { name: M.cash.z.newSession }).click();
      await expect(page.getByRole('heading', { name: M.cash.open.title })).toBeVisible();
      await shot('open-session');
      await page.getByLabel(M.cash.open.float).fill('150.00');
      await page.getByLabel(M.cash.open.float).press('Enter');
      await expect(page.getByRole('heading', { name: M.cash.report.X })).toBeVisible();
      await expect(page.locator('.session-header')).toContainText(money(15000));
    } finally {
      await till.close();
    }
  });
}
