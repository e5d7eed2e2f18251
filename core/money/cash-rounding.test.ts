import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cashRoundingByDefault, cashRoundingOf, PROFILES, profileOf } from '../profiles';
import {
  roundCashDue,
  roundCashRefund,
  settlementRounding,
  type CashRoundingRule,
} from './cash-rounding';
import { denominationsOf } from './denominations';

const peru = cashRoundingOf(profileOf('PE'), 'PEN', true)!;

describe('cash rounding, Peru (DOMAIN.md worked examples)', () => {
  it('S/ 4.75 is paid S/ 4.70 in cash, in the customer’s favour', () => {
    expect(roundCashDue(475, peru)).toEqual({ rounded: 470, rounding: -5 });
  });

  it('S/ 40.26 is paid S/ 40.20', () => {
    expect(roundCashDue(4026, peru)).toEqual({ rounded: 4020, rounding: -6 });
  });

  it('an amount already in coins is not touched', () => {
    expect(roundCashDue(4020, peru)).toEqual({ rounded: 4020, rounding: 0 });
  });

  it('a cash refund of S/ 4.75 pays back S/ 4.80, also in the customer’s favour', () => {
    expect(roundCashRefund(475, peru)).toEqual({ rounded: 480, rounding: 5 });
    expect(roundCashRefund(470, peru)).toEqual({ rounded: 470, rounding: 0 });
  });

  it('nothing is rounded without a rule or with nothing due', () => {
    expect(roundCashDue(4026, null)).toEqual({ rounded: 4026, rounding: 0 });
    expect(roundCashDue(0, peru)).toEqual({ rounded: 0, rounding: 0 });
    expect(roundCashRefund(4026, null)).toEqual({ rounded: 4026, rounding: 0 });
  });

  it('refuses a rule without a positive step', () => {
    expect(() => roundCashDue(475, { increment: 0, direction: 'down' })).toThrow(/positive/);
  });
});

describe('cash rounding rules per country', () => {
  it('Peru 0.10, Colombia 50 pesos, Argentina 1 peso, Bolivia 0.10, Venezuela Bs 0.50', () => {
    const steps = Object.fromEntries(
      Object.values(PROFILES).map((p) => [p.code, p.cashRounding?.increment ?? null]),
    );
    expect(steps).toEqual({ PE: 10, CO: 5000, AR: 100, BO: 10, VE: 50, GENERIC: null });
  });

  it('Colombia: $4.990 is paid $4.950 and $11.900 stays; Argentina: $1.552,50 is paid $1.552', () => {
    const co = cashRoundingOf(profileOf('CO'), 'COP', true);
    expect(roundCashDue(499000, co).rounded).toBe(495000);
    expect(roundCashDue(1190000, co).rounding).toBe(0);
    const ar = cashRoundingOf(profileOf('AR'), 'ARS', true);
    expect(roundCashDue(155250, ar)).toEqual({ rounded: 155200, rounding: -50 });
  });

  it('each step is the smallest note or coin the close counts, so the drawer can be counted', () => {
    for (const profile of Object.values(PROFILES)) {
      if (!profile.cashRounding) continue;
      const pieces = denominationsOf(profile.currency);
      expect(Math.min(...pieces), profile.code).toBe(profile.cashRounding.increment);
    }
  });

  it('the Peruvian count has no 0.05 or 0.01 coin', () => {
    expect(denominationsOf('PEN')).not.toContain(5);
    expect(denominationsOf('PEN')).not.toContain(1);
    expect(denominationsOf('PEN')).toEqual([
      20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10,
    ]);
  });

  it('is on by default in Peru, off in Venezuela and without a rule in GENERIC', () => {
    expect(cashRoundingByDefault(profileOf('PE'))).toBe(true);
    expect(cashRoundingByDefault(profileOf('VE'))).toBe(false);
    expect(cashRoundingByDefault(profileOf('GENERIC'))).toBe(false);
    expect(cashRoundingOf(profileOf('GENERIC'), 'PEN', true)).toBeNull();
  });

  it('applies only when on and only to the profile’s own currency', () => {
    expect(cashRoundingOf(profileOf('PE'), 'PEN', false)).toBeNull();
    expect(cashRoundingOf(profileOf('PE'), 'USD', true)).toBeNull();
  });
});

describe('cash rounding properties', () => {
  const rules = fc.constantFrom<CashRoundingRule>(
    ...Object.values(PROFILES).flatMap((p) =>
      p.cashRounding ? [{ increment: p.cashRounding.increment, direction: 'down' as const }] : [],
    ),
  );
  const amounts = fc.integer({ min: 0, max: 10 ** 12 });

  it('a payment never favours the shop: paid ≤ total, by less than one coin', () => {
    fc.assert(
      fc.property(amounts, rules, (total, rule) => {
        const { rounded, rounding } = roundCashDue(total, rule);
        expect(rounded).toBeLessThanOrEqual(total);
        expect(total - rounded).toBeLessThan(rule.increment);
        expect(rounded % rule.increment).toBe(0);
        expect(rounding).toBeLessThanOrEqual(0);
      }),
    );
  });

  it('the rounding amount and what is paid make up the total, to the cent', () => {
    fc.assert(
      fc.property(amounts, rules, (total, rule) => {
        const { rounded, rounding } = roundCashDue(total, rule);
        // The rounding is stored negative (in the customer's favour): paid − rounding = total.
        expect(rounded - rounding).toBe(total);
        expect(-rounding + rounded).toBe(total);
      }),
    );
  });

  it('a refund never favours the shop: paid back ≥ owed, by less than one coin', () => {
    fc.assert(
      fc.property(amounts, rules, (owed, rule) => {
        const { rounded, rounding } = roundCashRefund(owed, rule);
        expect(rounded).toBeGreaterThanOrEqual(owed);
        expect(rounded - owed).toBeLessThan(rule.increment);
        expect(rounded % rule.increment).toBe(0);
        expect(rounded - rounding).toBe(owed);
      }),
    );
  });
});

describe('settlementRounding: the rule the till and the main process share', () => {
  it('rounds what the cash settles after the exact payments, only when cash settles the sale', () => {
    const base = { due: 4026, exact: 0, paysCash: true, onCredit: false };
    expect(settlementRounding(base, peru)).toBe(-6);
    expect(settlementRounding({ ...base, exact: 2000 }, peru)).toBe(-6);
    expect(settlementRounding({ ...base, exact: 2026 }, peru)).toBe(0);
    expect(settlementRounding({ ...base, paysCash: false }, peru)).toBe(0);
    expect(settlementRounding({ ...base, onCredit: true }, peru)).toBe(0);
    expect(settlementRounding(base, null)).toBe(0);
  });
});
