/**
 * Period reports with cash rounding (DOMAIN.md, "Cash rounding"): the cash a
 * report says was collected is the sum of the rounded cash the sales took, and
 * the payment methods reconcile with the documents' totals through the
 * rounding, to the cent, whether the days are read from the roll-ups or live.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Sale } from '../../core/api/model';
import { openSession, product } from '../testing/fixtures';
import { setUpTill, testUuid, type Till } from '../testing/till';
import type { ServiceContext } from './context';
import { summarize, summarizeDirect } from './reports';
import { periodContent } from '../documents/content/period-content';
import { SAMPLE_STORE } from '../documents/testing';

let till: Till;
beforeEach(async () => {
  till = await setUpTill('PE');
});
afterEach(() => till.close());

/** A moment of a store day in Lima (UTC−5), `hour` o'clock. */
const at = (day: string, hour: number) =>
  new Date(Date.parse(`${day}T05:00:00Z`) + hour * 3_600_000);

describe('period reports with cash rounding', () => {
  it('count the rounded cash collected, reconciled with the documents, rolled up or live', async () => {
    const oil = await product(till, { code: 'ACE', price: 2013, stock: 100 });
    const cookies = await product(till, { code: 'GAL', price: 475, stock: 100 });
    const sales: Sale[] = [];
    const sell = async (productId: number, quantity: number, payments: unknown[]) => {
      const sale = await till.call('sales.create', {
        id: till.uuid(),
        lines: [{ productId, quantity }],
        payments,
      } as never);
      sales.push(sale);
      return sale;
    };
    for (const day of ['2026-03-02', '2026-03-03']) {
      till.clock.now = at(day, 9);
      await openSession(till);
      await sell(oil.id, 2, [{ method: 'EFECTIVO', amount: 5000 }]); // 40.26 → 40.20
      await sell(cookies.id, 1, [{ method: 'EFECTIVO', amount: 500 }]); // 4.75 → 4.70
      await sell(oil.id, 1, [{ method: 'TARJETA', amount: 2013 }]); // exact
      await sell(oil.id, 2, [
        { method: 'QR', amount: 2000 },
        { method: 'EFECTIVO', amount: 2100 },
      ]); // cash 20.26 → 20.20
      const voided = await sell(cookies.id, 1, [{ method: 'EFECTIVO', amount: 500 }]);
      await till.call('sales.void', { id: voided.id, reason: 'Error de caja' });
      till.clock.now = at(day, 21);
      await till.call('cash.close', { countedCash: 0 });
    }
    till.clock.now = at('2026-03-04', 10);

    const kept = sales.filter((s) => s.id !== sales[4]!.id && s.id !== sales[9]!.id);
    const cashTaken = kept
      .flatMap((s) => s.payments)
      .filter((p) => p.method === 'EFECTIVO')
      .reduce((sum, p) => sum + p.amount, 0);
    expect(cashTaken).toBe(2 * (4020 + 470 + 2020));
    const rounding = kept.reduce((sum, s) => sum + s.cashRounding, 0);
    expect(rounding).toBe(2 * (-6 - 5 - 6));

    const ctx: ServiceContext = {
      db: till.db,
      actor: null,
      now: () => till.clock.now,
      newId: testUuid,
    };
    const rolled = summarize(ctx, '2026-03-01', '2026-03-31', 20);
    const direct = summarizeDirect(ctx, '2026-03-01', '2026-03-31', 20);
    expect(
      till.db.sqlite.prepare('SELECT COUNT(*) FROM rollup_periods').pluck().get(),
    ).toBeGreaterThan(0);
    for (const summary of [rolled, direct]) {
      expect(summary.byMethod.find((m) => m.method === 'EFECTIVO')?.amount).toBe(cashTaken);
      expect(summary.sales.cashRounding).toBe(rounding);
      const methods = summary.byMethod.reduce((sum, m) => sum + m.amount, 0);
      expect(methods).toBe(summary.sales.total + summary.sales.igtf + summary.sales.cashRounding);
    }
    expect(rolled).toEqual(direct);

    // The period report's paper says why the methods fall short of the total sold.
    const paper = periodContent(SAMPLE_STORE, rolled, till.clock.now);
    const methods = paper.sections.find((s) => s.title === 'Medios de pago')!;
    expect(methods.rows.at(-1)).toEqual({ label: 'Redondeo del efectivo', value: '-S/\u00a00.34' });
  });
});
