import { describe, expect, it } from 'vitest';
import { paymentStatus, quickCash } from './payment';

describe('paymentStatus', () => {
  it('shows change when cash covers more than is due', () => {
    expect(paymentStatus(1410, [{ method: 'EFECTIVO', amount: 2000 }])).toMatchObject({
      paid: 2000,
      remaining: 0,
      change: 590,
      covered: true,
    });
  });

  it('splits cash and QR, with change from the cash', () => {
    const status = paymentStatus(2040, [
      { method: 'QR', amount: 1500 },
      { method: 'EFECTIVO', amount: 1000 },
    ]);
    expect(status).toMatchObject({ paid: 2500, change: 460, covered: true, nonCashTooHigh: false });
  });

  it('refuses card above the total and transfers without a bank', () => {
    expect(paymentStatus(1000, [{ method: 'TARJETA', amount: 1200 }])).toMatchObject({
      covered: false,
      nonCashTooHigh: true,
    });
    expect(paymentStatus(1000, [{ method: 'TRANSFERENCIA', amount: 1000 }]).missingBank).toBe(true);
    expect(
      paymentStatus(1000, [{ method: 'TRANSFERENCIA', amount: 1000, bank: 'BCP' }]).missingBank,
    ).toBe(false);
  });

  it('leaves the rest on credit', () => {
    expect(
      paymentStatus(3000, [
        { method: 'EFECTIVO', amount: 1000 },
        { method: 'CREDITO', amount: 0 },
      ]),
    ).toMatchObject({
      remaining: 0,
      onCredit: 2000,
      covered: true,
    });
    expect(paymentStatus(3000, [{ method: 'EFECTIVO', amount: 1000 }])).toMatchObject({
      remaining: 2000,
      covered: false,
    });
  });
});

describe('quickCash', () => {
  it('offers the exact amount and the next round notes', () => {
    expect(quickCash(2040, [1000, 2000, 5000, 10000, 20000])).toEqual([
      2040, 3000, 4000, 5000, 10000,
    ]);
    expect(quickCash(5000, [1000, 2000, 5000, 10000])).toEqual([5000, 6000, 10000]);
  });
});
