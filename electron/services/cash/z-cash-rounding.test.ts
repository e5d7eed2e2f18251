/**
 * The Z with cash rounding on (DOMAIN.md, "Cash rounding"), as the screen's
 * API and its papers show it: the rounding of the sales and of the cash
 * refunds as their own rows, the payments reconciling with the documents to
 * the cent, and a drawer counted in coins that exist with no difference.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cashReportContent } from '../../documents/content/cash-report-content';
import { closeRenderPool } from '../../documents/handlers';
import { hasRow, pdfBytes, pdfText, SAMPLE_STORE, snapshot } from '../../documents/testing';
import { openSession, product } from '../../testing/fixtures';
import { setUpTill, type Till } from '../../testing/till';

let till: Till;
beforeEach(async () => {
  till = await setUpTill('PE');
});
afterEach(() => till.close());
afterAll(() => closeRenderPool());

describe('the Z with cash rounding', () => {
  it('shows the rounding, reconciles payments with the documents and counts to the cent', async () => {
    const oil = await product(till, { code: 'ACE', name: 'Aceite', price: 2013, stock: 20 });
    const cookies = await product(till, { code: 'GAL', name: 'Galletas', price: 475, stock: 20 });
    await openSession(till, 10000);
    const sell = (productId: number, quantity: number, payments: unknown[]) =>
      till.call('sales.create', {
        id: till.uuid(),
        lines: [{ productId, quantity }],
        payments,
      } as never);
    const pair = await sell(oil.id, 2, [{ method: 'EFECTIVO', amount: 5000 }]); // 40.26 → 40.20
    await sell(cookies.id, 1, [{ method: 'EFECTIVO', amount: 1000 }]); // 4.75 → 4.70
    await sell(oil.id, 1, [{ method: 'TARJETA', amount: 2013 }]); // exact
    // One of the pair back in cash: 20.13 is paid back as 20.20.
    await till.call('sales.return', {
      id: till.uuid(),
      saleId: pair.id,
      reason: 'Fallado',
      refundMethod: 'EFECTIVO',
      lines: [{ saleLineId: pair.lines[0]!.id, quantity: 1 }],
    });

    // Float 100.00 + 40.20 + 4.70 − 20.20 = 124.70: 100 + 20 + 2 × 2 + 0.50 + 0.20.
    const z = await till.call('cash.close', {
      denominations: [
        { value: 10000, count: 1 },
        { value: 2000, count: 1 },
        { value: 200, count: 2 },
        { value: 50, count: 1 },
        { value: 20, count: 1 },
      ],
    });
    expect(z.cashRounding).toEqual({ sales: -11, refunds: 7 });
    expect(z.cash).toMatchObject({ expected: 12470, counted: 12470, difference: 0 });
    const paid = z.byMethod.reduce((sum, m) => sum + m.amount, 0);
    expect(paid - z.cashRounding.sales).toBe(z.sales.total + z.igtf);
    expect(z.sales.total).toBe(4026 + 475 + 2013);

    const content = cashReportContent(SAMPLE_STORE, z);
    const rows = Object.fromEntries(
      content.sections.flatMap((s) =>
        s.rows.map((r) => [r.label, r.value.replace(/\u00a0/g, ' ')]),
      ),
    );
    expect(rows).toMatchObject({
      'Total vendido': 'S/ 65.14',
      'Redondeo del efectivo': '-S/ 0.11',
      'Redondeo de devoluciones en efectivo': 'S/ 0.07',
      'Efectivo esperado': 'S/ 124.70',
      'Efectivo contado': 'S/ 124.70',
      Diferencia: 'S/ 0.00',
    });

    for (const format of ['80mm', 'A4'] as const) {
      const doc = await till.call('documents.cashReport', { sessionId: z.session.id, format });
      const pdf = pdfBytes(doc);
      snapshot(`pe-z-cash-rounding-${format}`, pdf);
      const text = pdfText(pdf);
      expect(hasRow(text, 'Redondeo del efectivo', '-S/ 0.11')).toBe(true);
      expect(hasRow(text, 'Redondeo de devoluciones en efectivo', 'S/ 0.07')).toBe(true);
      expect(hasRow(text, 'Efectivo esperado', 'S/ 124.70')).toBe(true);
      expect(hasRow(text, 'Diferencia', 'S/ 0.00')).toBe(true);
    }
  });
});
