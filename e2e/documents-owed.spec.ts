/**
 * The documents the customer is owed, in Spanish and in English: a credit
 * note printed from the sale detail and from the sales list (its PDF read
 * back with pdftotext), an issued boleta a cashier cannot re-address, a
 * factura that asks for its customer at once, and a Z report that says
 * "Turno N", carries the observations typed at close and asks before closing
 * with a difference.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import type { CashSession, Page as Paged, Product, Sale } from '../core/api/model';
import { denominationsOf } from '../core/money/denominations';
import { en } from '../renderer/src/i18n/en';
import { es } from '../renderer/src/i18n/es';
import { expect, loginAs, startTill, test } from './fixtures';

const LUCIA = { name: 'Lucía', pin: '3333' };

/**
 * The PDF a documents channel sent to the page while `act` ran (the page's CSP
 * keeps a script from reading the iframe's blob: URL back), once the dialog
 * shows it; saved beside the screenshots, rendered to PNG and read with pdftotext.
 */
async function shownPdf(
  page: Page,
  channel: string,
  act: () => Promise<unknown>,
  file: string,
): Promise<string> {
  const answer = page.waitForResponse((r) => r.url().endsWith(`/api/${channel}`));
  await act();
  const body = (await (await answer).json()) as { ok: boolean; value?: { pdf?: string } };
  expect(body.ok).toBe(true);
  await expect(page.getByRole('dialog').locator('iframe.pdf-frame')).toHaveAttribute(
    'src',
    /^blob:/,
  );
  writeFileSync(file, Buffer.from(body.value!.pdf!, 'base64'));
  execFileSync('pdftoppm', ['-r', '90', '-png', '-singlefile', file, file.replace(/\.pdf$/, '')]);
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], {
    encoding: 'utf8',
  }).replace(/\u00a0/g, ' ');
}

for (const lang of ['es', 'en'] as const) {
  test(`documents the customer is owed (${lang})`, async ({ page }) => {
    const M = lang === 'es' ? es : en;
    const dir = `e2e/screenshots/${lang}`;
    mkdirSync(dir, { recursive: true });
    const dialog = page.getByRole('dialog');
    const shot = async (name: string) => {
      for (const toast of await page.locator('.toast').all())
        await toast.click({ timeout: 1000 }).catch(() => {});
      await page.screenshot({ path: `${dir}/${name}.png` });
    };
    const nav = page.getByRole('navigation', { name: 'Tendero' });

    const till = await startTill({ demo: true });
    try {
      const products = await till.call<Paged<Product>>('products.list', { pageSize: 100 }, LUCIA);
      const stocked = products.items.filter(
        (p) => p.active && p.soldBy === 'unit' && p.price > 0 && (!p.trackStock || p.stock >= 10),
      );
      const sale = await till.call<Sale>(
        'sales.create',
        {
          id: randomUUID(),
          lines: [
            { productId: stocked[0]!.id, quantity: 3 },
            { productId: stocked[1]!.id, quantity: 1 },
          ],
          payments: [{ method: 'EFECTIVO', amount: 100000 }],
        },
        LUCIA,
      );
      expect(sale.documentType).toBe('BOLETA');

      await page.goto(till.url);
      await loginAs(page, LUCIA.name, LUCIA.pin);
      await expect(page.getByLabel('Idioma')).toBeVisible();
      if (lang === 'en') await page.getByLabel('Idioma').selectOption('en');
      await expect(page.getByLabel(M.common.language)).toHaveValue(lang);

      // ── The sale's detail: return part of it through the dialog ─────────
      await nav.getByRole('button', { name: M.common.nav.sales }).click();
      await page.getByLabel(M.sales.filters.text).fill(sale.number);
      const rows = page.locator('.sales-table tbody tr');
      await expect(rows).toHaveCount(1);
      await rows.first().click();
      await expect(page.getByRole('heading', { name: sale.number })).toBeVisible();

      const line = sale.lines[0]!;
      await page.getByRole('button', { name: M.sales.detail.return, exact: true }).click();
      await dialog.getByLabel(M.sales.return.quantityOf.replace('{name}', line.name)).fill('1');
      await dialog.getByLabel(M.sales.return.reason).fill('Producto vencido');
      await dialog
        .getByRole('combobox', { name: M.sales.supervisor.name, exact: true })
        .selectOption('Carlos');
      await dialog.getByLabel(M.sales.supervisor.pin).fill('2222');
      await dialog.getByRole('button', { name: M.sales.return.submit }).click();
      await expect(dialog.getByRole('status')).toBeVisible();
      const creditNote = (await till.call<Sale>('sales.get', { id: sale.id }, LUCIA)).returns[0]!;
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();

      // ── Print the credit note from the detail: its own paper, not the boleta ──
      const printNote = page.getByRole('button', {
        name: M.sales.detail.printCreditNote.replace('{number}', creditNote.number),
      });
      await expect(page.locator('.sale-events')).toContainText(creditNote.number);
      await shot('sale-detail-credit-note');
      const roll = await shownPdf(
        page,
        'documents.saleReturn',
        () => printNote.click(),
        `${dir}/credit-note-80mm.pdf`,
      );
      await expect(
        page.getByRole('heading', {
          name: M.sales.reprint.creditNoteTitle.replace('{number}', creditNote.number),
        }),
      ).toBeVisible();
      expect(roll).toContain('NOTA DE CRÉDITO');
      expect(roll).toContain(creditNote.number);
      expect(roll).toContain(sale.number); // "Documento que modifica"
      expect(roll).not.toContain('BOLETA DE VENTA\n');
      await page.waitForTimeout(600);
      await shot('credit-note-dialog');
      const a4 = await shownPdf(
        page,
        'documents.saleReturn',
        () => dialog.getByRole('radio', { name: M.sales.reprint.A4 }).click(),
        `${dir}/credit-note-A4.pdf`,
      );
      expect(a4).toContain('NOTA DE CRÉDITO');
      expect(a4).toContain(creditNote.number);
      expect(a4).toContain('Página 1 de 1');
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();

      // "Reimprimir" still prints the boleta itself.
      const boleta = await shownPdf(
        page,
        'documents.sale',
        () => page.getByRole('button', { name: M.sales.detail.reprint }).click(),
        `${dir}/boleta-reprint.pdf`,
      );
      expect(boleta).toContain('BOLETA DE VENTA');
      expect(boleta).not.toContain('NOTA DE CRÉDITO');
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();

      // ── An issued boleta keeps its customer and payments for a cashier ───
      await page.getByRole('button', { name: M.sales.detail.edit, exact: true }).click();
      await expect(dialog.locator('.edit-issued')).toHaveText(
        M.sales.edit.issuedLocked
          .replace('{document}', M.common.documentTypes.BOLETA)
          .replace('{number}', sale.number),
      );
      await expect(dialog.getByLabel(M.sales.edit.customer)).toBeDisabled();
      const paymentControls = dialog
        .locator('fieldset.edit-section')
        .last()
        .locator('select, input');
      expect(await paymentControls.count()).toBeGreaterThan(0);
      for (const control of await paymentControls.all()) await expect(control).toBeDisabled();
      await shot('edit-issued-boleta');
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();

      // ── The sales list prints the credit note too, without opening the sale ──
      await page.locator('.sale-title').getByRole('button', { name: M.sales.detail.back }).click();
      await expect(rows).toHaveCount(1);
      const fromList = await shownPdf(
        page,
        'documents.saleReturn',
        () =>
          rows
            .first()
            .getByRole('button', { name: new RegExp(creditNote.number) })
            .click(),
        `${dir}/credit-note-from-list.pdf`,
      );
      expect(fromList).toContain('NOTA DE CRÉDITO');
      expect(fromList).toContain(creditNote.number);
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(page.getByRole('heading', { name: M.sales.title, exact: true })).toBeVisible();
      // Typing the credit note's number finds its sale.
      await page.getByLabel(M.sales.filters.text).fill(creditNote.number);
      await expect(rows).toHaveCount(1);
      await expect(rows.first()).toContainText(sale.number);
      await shot('sales-list-credit-note');

      // ── At the till, Factura for "Cliente varios" asks for the customer at once ──
      await nav.getByRole('button', { name: M.common.nav.till }).click();
      await expect(page.locator('.customer-box')).toContainText(M.till.customer.none);
      await page.getByLabel(M.till.documentType).selectOption('FACTURA');
      await expect(dialog).toBeVisible();
      await expect(dialog.locator('.customer-required')).toContainText('RUC');
      await expect(dialog.getByLabel(M.till.customer.search)).toBeFocused();
      await shot('till-factura-asks-customer');
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      // Back to a boleta: nothing is asked.
      await page.getByLabel(M.till.documentType).selectOption('BOLETA');
      await expect(dialog).toBeHidden();

      // ── Cash: the session is "Turno N"; closing with a difference asks first ──
      const current = (await till.call<CashSession>('cash.current', {}, LUCIA))!;
      const turno = M.cash.session.number.replace('{number}', String(current.number));
      await nav.getByRole('button', { name: M.common.nav.cash }).click();
      await expect(page.locator('.session-header')).toContainText(turno);
      // The X report's header may still be leaving the screen: the Z is the first.
      await expect(page.getByTestId('session-number').first()).toContainText(turno);
      await page.getByRole('button', { name: M.cash.session.close, exact: true }).click();
      await expect(page.getByRole('heading', { name: M.cash.close.title })).toBeVisible();
      const pieces = denominationsOf('PEN');
      await page.locator('.count-row').nth(pieces.indexOf(10000)).locator('input').fill('1');
      const notes = 'Faltó efectivo: se pagó al proveedor de pan sin recibo.';
      await page.getByLabel(M.cash.close.notes).fill(notes);
      await page.getByRole('button', { name: M.cash.close.submit, exact: true }).click();
      const ask = page.getByRole('dialog', { name: M.cash.close.confirmTitle });
      await expect(ask).toBeVisible();
      await expect(ask.getByRole('button', { name: M.cash.close.recount })).toBeFocused();
      await shot('close-confirm-difference');
      await ask.getByRole('button', { name: M.cash.close.recount }).click();
      await expect(ask).toBeHidden();
      expect((await till.call<CashSession | null>('cash.current', {}, LUCIA))?.id).toBe(current.id);
      await page.getByRole('button', { name: M.cash.close.submit, exact: true }).click();
      await ask.getByRole('button', { name: M.cash.close.confirm }).click();

      // ── The Z on screen: its number and the observations ────────────────
      await expect(page.getByRole('heading', { name: M.cash.report.Z })).toBeVisible();
      // The X report's header may still be leaving the screen: the Z is the first.
      await expect(page.getByTestId('session-number').first()).toContainText(turno);
      await expect(page.getByTestId('observations')).toHaveText(notes);
      await shot('z-report-observations');
      const z = await shownPdf(
        page,
        'documents.cashReport',
        () => page.locator('.z-report').getByRole('button', { name: M.cash.session.print }).click(),
        `${dir}/z-report.pdf`,
      );
      expect(z).toContain('CIERRE DE CAJA (Z)');
      expect(z).toMatch(new RegExp(`Turno\\s+${current.number}\\n`));
      expect(z).not.toContain(current.id.slice(0, 8));
      expect(z).toContain('Observaciones');
      expect(z.replace(/\s+/g, ' ')).toContain(notes);
      await page.keyboard.press('Escape');

      // The history numbers it too.
      await expect(page.locator('.sessions tbody tr').first()).toHaveAttribute(
        'aria-label',
        new RegExp(`${current.number}`),
      );
    } finally {
      await till.close();
    }
  });
}
