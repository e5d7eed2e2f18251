import { describe, expect, it } from 'vitest';
import {
  formatLineQuantity,
  formatMoney,
  formatQuantity,
  formatRate,
  minorToDecimalString,
} from './format';

const nbsp = '\u00a0';

describe('minorToDecimalString', () => {
  it.each([
    [12345, 2, '123.45'],
    [5, 2, '0.05'],
    [-5, 2, '-0.05'],
    [0, 2, '0.00'],
    [1500, 0, '1500'],
    [1235, 3, '1.235'],
  ])('%d with %d digits → %s', (amount, digits, text) => {
    expect(minorToDecimalString(amount, digits)).toBe(text);
  });
});

describe('formatMoney per locale', () => {
  it.each([
    [123450, 'PEN', 'es-PE', `S/${nbsp}1,234.50`],
    [123450, 'COP', 'es-CO', `$${nbsp}1.234,50`],
    [123450, 'ARS', 'es-AR', `$${nbsp}1.234,50`],
    [123450, 'BOB', 'es-BO', `Bs${nbsp}1.234,50`],
    [123450, 'VES', 'es-VE', `Bs${nbsp}1.234,50`],
    [123450, 'USD', 'es-VE', `US$${nbsp}1.234,50`],
    [123450, 'USD', 'en-US', '$1,234.50'],
    [123450, 'PEN', 'en-US', `S/${nbsp}1,234.50`],
    [-5, 'PEN', 'es-PE', `-S/${nbsp}0.05`],
    [123456789012, 'COP', 'es-CO', `$${nbsp}1.234.567.890,12`],
    [1500, 'CLP', 'es-PE', `$${nbsp}1,500`],
  ])('%d %s in %s → %s', (amount, currency, locale, text) => {
    expect(formatMoney(amount, currency, locale)).toBe(text);
  });

  it('can leave the symbol out', () => {
    expect(formatMoney(29500, 'PEN', 'es-PE', { symbol: false })).toBe('295.00');
  });

  it('never passes through a float: 2^53 − 1 cents are exact', () => {
    expect(formatMoney(Number.MAX_SAFE_INTEGER, 'USD', 'en-US')).toBe('$90,071,992,547,409.91');
  });
});

describe('formatQuantity and formatRate', () => {
  it('trims quantities to the decimals they need', () => {
    expect(formatQuantity(2000, 'es-PE')).toBe('2');
    expect(formatQuantity(1500, 'es-AR')).toBe('1,5');
    expect(formatQuantity(1235, 'en-US')).toBe('1.235');
    expect(formatQuantity(1234000, 'es-CO')).toBe('1.234');
  });

  it('shows rates from basis points', () => {
    expect(formatRate(1800, 'es-PE')).toBe(`18${nbsp}%`);
    expect(formatRate(1050, 'es-AR')).toBe(`10,5${nbsp}%`);
    expect(formatRate(2100, 'en-US')).toBe('21%');
  });
});

describe('formatLineQuantity', () => {
  it('writes weighed goods with 3 decimals (whole kilos bare) and kg, units bare', () => {
    expect(formatLineQuantity(750, 'weight', 'es-PE')).toBe('0.750\u00a0kg');
    expect(formatLineQuantity(750, 'weight', 'es-AR')).toBe('0,750\u00a0kg');
    expect(formatLineQuantity(1500, 'weight', 'es-PE')).toBe('1.500\u00a0kg');
    expect(formatLineQuantity(2000, 'weight', 'es-PE')).toBe('2\u00a0kg');
    expect(formatLineQuantity(750_000, 'weight', 'es-PE')).toBe('750\u00a0kg');
    expect(formatLineQuantity(1_234_500, 'weight', 'es-PE')).toBe('1,234.500\u00a0kg');
    expect(formatLineQuantity(3000, 'unit', 'es-PE')).toBe('3');
  });
});
