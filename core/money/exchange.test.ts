import { describe, expect, it } from 'vitest';
import { convertAmount, convertBack, parseTypedRate, validateRate } from './exchange';
import { money, addMoney, sumAmounts } from './money';
import { totalOfCount, denominationsOf } from './denominations';

describe('convertAmount', () => {
  it('converts exactly at the locked rate', () => {
    expect(convertAmount(1160, { from: 'USD', to: 'VES', rate: '36.50' }, 'HALF_UP')).toBe(42340);
    expect(convertAmount(1, { from: 'USD', to: 'VES', rate: '36.505' }, 'HALF_UP')).toBe(37);
    expect(convertAmount(1, { from: 'USD', to: 'VES', rate: '36.505' }, 'HALF_EVEN')).toBe(37);
    expect(convertAmount(1, { from: 'USD', to: 'VES', rate: '36.5' }, 'HALF_EVEN')).toBe(36);
  });

  it('converts back from the second currency', () => {
    expect(convertBack(42340, { from: 'USD', to: 'VES', rate: '36.50' }, 'HALF_UP')).toBe(1160);
    expect(convertBack(100, { from: 'USD', to: 'VES', rate: '36.50' }, 'HALF_UP')).toBe(3);
  });

  it('moves between currencies with different minor digits', () => {
    expect(convertAmount(100, { from: 'USD', to: 'CLP', rate: '950' }, 'HALF_UP')).toBe(950);
    expect(convertAmount(950, { from: 'CLP', to: 'USD', rate: '0.00105263' }, 'HALF_UP')).toBe(100);
  });

  it.each(['0', '-1', '1,5', 'abc', '1.123456789', ''])('refuses the rate "%s"', (rate) => {
    expect(() => validateRate(rate)).toThrow(/Exchange rate/);
  });
});

describe('Money', () => {
  it('adds in one currency only', () => {
    expect(addMoney(money(100, 'PEN'), money(250, 'PEN'))).toEqual({
      amount: 350,
      currency: 'PEN',
    });
    expect(() => addMoney(money(1, 'PEN'), money(1, 'USD'))).toThrow(/Cannot add/);
    expect(() => money(1.5, 'PEN')).toThrow(/integers/);
    expect(() => money(1, 'XXX')).toThrow(/Unknown currency/);
    expect(sumAmounts([1, 2, 3])).toBe(6);
  });
});

describe('cash count by denomination', () => {
  it('sums notes and coins', () => {
    expect(denominationsOf('PEN')[0]).toBe(20000);
    expect(
      totalOfCount('PEN', [
        { value: 10000, count: 2 },
        { value: 50, count: 3 },
      ]),
    ).toBe(20150);
  });

  it('refuses pieces the currency does not have, and bad counts', () => {
    expect(() => totalOfCount('PEN', [{ value: 1, count: 1 }])).toThrow(/not a PEN note or coin/);
    expect(() => totalOfCount('PEN', [{ value: 100, count: -1 }])).toThrow(/whole number/);
  });
});

describe('parseTypedRate', () => {
  it('reads a rate typed with either decimal mark into the exact text a sale locks', () => {
    expect(parseTypedRate('36,50', 'es-VE')).toBe('36.50');
    expect(parseTypedRate('36.50', 'es-VE')).toBe('36.50');
    expect(parseTypedRate(' 36,5 ', 'es-VE')).toBe('36.50');
    expect(parseTypedRate('1.234,56789', 'es-VE')).toBe('1234.56789');
    expect(parseTypedRate('40', 'es-VE')).toBe('40.00');
    expect(parseTypedRate('0,00012345', 'es-VE')).toBe('0.00012345');
    expect(() => validateRate(parseTypedRate('36,50', 'es-VE'))).not.toThrow();
  });

  it('refuses what could be read two ways, and anything not a number', () => {
    expect(() => parseTypedRate('4,150', 'es-VE')).toThrow(
      expect.objectContaining({
        details: expect.objectContaining({ reason: 'AMBIGUOUS_SEPARATOR' }),
      }),
    );
    expect(() => parseTypedRate('36,5x', 'es-VE')).toThrow();
    expect(() => parseTypedRate('1,2,3', 'es-VE')).toThrow();
    expect(() => parseTypedRate('1,123456789', 'es-VE')).toThrow();
  });
});
