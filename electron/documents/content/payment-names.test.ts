/** Receipts and the Z name payment methods as the store does: "QR (Yape / Plin)" or its own name. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Sale } from '../../../core/api/model';
import { openSession, product, sell } from '../../testing/fixtures';
import { setUpTill, type Till } from '../../testing/till';
import { SAMPLE_STORE } from '../testing';
import { cashReportContent } from './cash-report-content';
import { formatFor, paymentRows } from './sale-content';

let till: Till;
let sale: Sale;

beforeEach(async () => {
  till = await setUpTill('PE');
  const p = await product(till, { code: 'P', price: 1000, stock: 10 });
  await openSession(till);
  sale = await sell(till, [{ productId: p.id, quantity: 2 }], {
    payments: [
      { method: 'QR', amount: 1500 },
      { method: 'EFECTIVO', amount: 500 },
    ],
  });
});
afterEach(() => till.close());

function labels(store = SAMPLE_STORE): string[] {
  return paymentRows(store, formatFor(store, 'PEN'), sale).map((r) => r.label);
}

describe('payment method names on documents', () => {
  it('prints QR as Yape / Plin in Peru by default', () => {
    expect(labels()).toEqual(expect.arrayContaining(['QR (Yape / Plin)', 'Efectivo']));
  });

  it("prints the store's own names, on the receipt and on the Z", async () => {
    const store = { ...SAMPLE_STORE, paymentMethodNames: { QR: 'Yape', EFECTIVO: 'Contado' } };
    expect(labels(store)).toEqual(expect.arrayContaining(['Yape', 'Contado']));
    const session = await till.call('cash.current', {});
    const report = await till.call('cash.report', { sessionId: session!.id });
    const rows = cashReportContent(store, report).sections.flatMap((s) =>
      s.rows.map((r) => r.label),
    );
    expect(rows.some((l) => l.startsWith('Yape'))).toBe(true);
    expect(rows.some((l) => l.includes('QR'))).toBe(false);
  });
});
