import { describe, expect, it } from 'vitest';
import { cashToCover, paymentStatus, quickCash } from './payment';

/** Peru: cash goes down to the S/ 0.10 below (DOMAIN.md, "Cash rounding"). */
const PERU = { increment: 10, direction: 'down' } as const;

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

describe('cash rounding in the payment dialog', () => {
  it('asks for the cash down to the coin and gives change from there', () => {
    expect(paymentStatus(4026, [{ method: 'EFECTIVO', amount: 4020 }], PERU)).toMatchObject({
      cashRounding: -6,
      settle: 4020,
      remaining: 0,
      change: 0,
      covered: true,
    });
    expect(paymentStatus(4026, [{ method: 'EFECTIVO', amount: 5000 }], PERU)).toMatchObject({
      change: 980,
    });
    expect(paymentStatus(4026, [{ method: 'EFECTIVO', amount: 4000 }], PERU)).toMatchObject({
      remaining: 20,
      covered: false,
    });
    expect(cashToCover(4026, [], 0, PERU)).toBe(4020);
    expect(cashToCover(475, [], 0, PERU)).toBe(470);
  });

  it('leaves card, QR and transfer exact, and rounds only the cash part of a mix', () => {
    expect(paymentStatus(4026, [{ method: 'TARJETA', amount: 4026 }], PERU)).toMatchObject({
      cashRounding: 0,
      covered: true,
    });
    expect(paymentStatus(4026, [{ method: 'QR', amount: 4020 }], PERU)).toMatchObject({
      remaining: 6,
      covered: false,
    });
    const mixed = [
      { method: 'QR', amount: 2000 },
      { method: 'EFECTIVO', amount: 2020 },
    ] as const;
    expect(paymentStatus(4026, mixed, PERU)).toMatchObject({ cashRounding: -6, covered: true });
    expect(cashToCover(4026, mixed, 1, PERU)).toBe(2020);
  });

  it('rounds nothing when part stays on credit or the store does not round', () => {
    expect(
      paymentStatus(
        4026,
        [
          { method: 'EFECTIVO', amount: 2000 },
          { method: 'CREDITO', amount: 0 },
        ],
        PERU,
      ),
    ).toMatchObject({ cashRounding: 0, onCredit: 2026 });
    expect(paymentStatus(4026, [{ method: 'EFECTIVO', amount: 4020 }], null)).toMatchObject({
      cashRounding: 0,
      remaining: 6,
    });
  });
});
