/**
 * A cashier's discount over the store's limit at the till: the API refuses
 * it, the till asks for a supervisor's name and PIN on the spot, a wrong PIN
 * is said so, the right one completes the sale, and the audit log holds the
 * refusal and the authorizer. Then the admin's Settings › Controles de caja.
 * Spanish, 1366×768, with screenshots.
 */
import type { AuditEntry, Sale, Settings } from '../core/api/model';
import { es as M } from '../renderer/src/i18n/es';
import { expect, loginAs, startTill, test } from './fixtures';

const ROSA = { name: 'Rosa', pin: '1234' };

test("the till asks a supervisor's PIN for a discount over the limit (es)", async ({ page }) => {
  const till = await startTill({ demo: true });
  const shot = (name: string) => page.screenshot({ path: `e2e/screenshots/es/${name}.png` });
  const dialog = page.getByRole('dialog');
  try {
    await page.goto(till.url);
    await loginAs(page, 'Lucía', '3333');
    const scan = page.getByTestId('scan');
    await expect(scan).toBeFocused();
    await page.keyboard.type('3*7751014205181\n', { delay: 5 }); // 3 × Inca Kola 500 ml at 2.50
    await expect(page.getByTestId('cart-line')).toHaveCount(1);

    // 50 % off the order: over the default 10 %.
    await page.keyboard.press('F10');
    await dialog.getByLabel(M.till.discount.percent).fill('50');
    await dialog.getByRole('button', { name: M.till.discount.apply }).click();
    await page.keyboard.press('F4');
    await page.getByTestId('complete-sale').click();

    const authorize = page.getByRole('dialog', { name: M.sales.supervisor.dialogTitle });
    await expect(authorize).toBeVisible();
    await expect(authorize.getByRole('alert')).toHaveText(
      M.errors.reasons.DISCOUNT_OVER_LIMIT.replace('{limit}', '10'),
    );
    await authorize
      .getByRole('combobox', { name: M.sales.supervisor.name, exact: true })
      .selectOption({ label: 'Carlos' });
    await shot('till-authorize');
    await authorize.getByLabel(M.sales.supervisor.pin).fill('9999');
    await authorize.getByLabel(M.sales.supervisor.pin).press('Enter');
    await expect(authorize).toContainText(M.errors.reasons.BAD_AUTHORIZATION);
    await expect(authorize.getByLabel(M.sales.supervisor.pin)).toHaveValue('');
    await shot('till-authorize-wrong-pin');
    await authorize.getByLabel(M.sales.supervisor.pin).fill('2222');
    await authorize.getByLabel(M.sales.supervisor.pin).press('Enter');
    await expect(page.getByTestId('done-change')).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('cart-line')).toHaveCount(0);

    // The audit log: Lucía refused for the discount, then her sale authorized by Carlos.
    const audit = await till.call<AuditEntry[]>(
      'audit.list',
      { action: 'sales.create', limit: 5 },
      ROSA,
    );
    const [made, ...before] = audit;
    expect(made).toMatchObject({ userName: 'Lucía', outcome: 'ok' });
    expect((made!.after as { authorizedBy: string }).authorizedBy).toBe('Carlos');
    expect(before.filter((a) => a.outcome === 'denied').map((a) => a.after)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ reason: 'DISCOUNT_OVER_LIMIT' }),
        expect.objectContaining({ reason: 'BAD_AUTHORIZATION' }),
      ]),
    );
    const sale = await till.call<Sale>('sales.get', { id: made!.entityId }, ROSA);
    expect(sale.orderDiscount).toBe(375);

    // ── The admin sets the limits ──────────────────────────────────────
    await page.getByRole('button', { name: M.common.topbar.logout }).click();
    await loginAs(page, ROSA.name, ROSA.pin);
    await page
      .getByRole('navigation', { name: 'Tendero' })
      .getByRole('button', { name: M.common.nav.settings })
      .click();
    await page
      .getByRole('navigation', { name: M.settings.sections })
      .getByRole('button', { name: M.settings.nav.controls })
      .click();
    await expect(page.getByLabel(M.settings.controls.discountLimit)).toHaveValue('10');
    await expect(page.getByLabel(M.settings.controls.cashOutLimit)).toHaveValue('200.00');
    await page.getByLabel(M.settings.controls.discountLimit).fill('15');
    await page.getByLabel(M.settings.controls.documentsFolder).fill('\\\\servidor\\pdf');
    await page.getByRole('button', { name: M.common.save, exact: true }).click();
    await expect(page.getByText(M.errors.reasons.UNC_PATH)).toBeVisible();
    await shot('settings-controls-error');
    await page.getByLabel(M.settings.controls.documentsFolder).fill(till.dir);
    await page.getByRole('button', { name: M.common.save, exact: true }).click();
    await expect(page.getByRole('status').getByText(M.settings.saved)).toBeVisible();
    await shot('settings-controls');
    const saved = await till.call<Settings>('settings.get', {}, ROSA);
    expect(saved).toMatchObject({ discountLimit: 15, documentsFolder: till.dir });
  } finally {
    await till.close();
  }
});
