import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { parseDecimal } from './parse';

// What people type goes through ./typed (typed.test.ts); parseDecimal is the
// stricter locale-only reader kept for files, where the locale is the file's.
const parseAmount = (
  text: string,
  _currency: string,
  locale: string,
  o: { allowNegative?: boolean } = {},
) =>
  Number(
    parseDecimal(text.replace(/^(S\/|\$|Bs)\s*/, '').replace(/\s*USD$/, ''), locale, {
      maxFractionDigits: 2,
      ...o,
    }),
  );
const parseQuantity = (text: string, locale: string) =>
  Number(parseDecimal(text, locale, { maxFractionDigits: 3 }));

function reasonOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.details?.reason;
    throw error;
  }
  return 'no error';
}

describe('parseDecimal (2 decimals)', () => {
  it.each([
    ['1.234,50', 'COP', 'es-CO', 123450],
    ['1,234.50', 'PEN', 'es-PE', 123450],
    ['1234,5', 'ARS', 'es-AR', 123450],
    ['1234.5', 'PEN', 'es-PE', 123450],
    ['S/ 12.30', 'PEN', 'es-PE', 1230],
    ['$ 1.000', 'COP', 'es-CO', 100000],
    ['Bs 10,00', 'BOB', 'es-BO', 1000],
    ['12,30 USD', 'USD', 'es-VE', 1230],
    [',5', 'ARS', 'es-AR', 50],
    ['7', 'PEN', 'es-PE', 700],
    ['  7  ', 'PEN', 'es-PE', 700],
    ['0', 'PEN', 'es-PE', 0],
    ['1.50', 'USD', 'en-US', 150],
    ['1.500', 'USD', 'en-US', 150],
  ])('"%s" %s in %s → %d', (text, currency, locale, amount) => {
    expect(parseAmount(text, currency, locale)).toBe(amount);
  });

  it.each([
    ['', 'es-PE', 'EMPTY'],
    ['   ', 'es-PE', 'EMPTY'],
    ['abc', 'es-PE', 'INVALID_CHARACTER'],
    ['12a', 'es-PE', 'INVALID_CHARACTER'],
    ['1,5', 'es-PE', 'MISPLACED_GROUP_SEPARATOR'],
    ['1.5', 'es-CO', 'MISPLACED_GROUP_SEPARATOR'],
    ['1.234,50', 'es-PE', 'MISPLACED_GROUP_SEPARATOR'],
    ['12,34,5', 'es-PE', 'MISPLACED_GROUP_SEPARATOR'],
    ['1,2,3', 'es-CO', 'MULTIPLE_DECIMAL_SEPARATORS'],
    ['1.234', 'es-PE', 'TOO_MANY_DECIMALS'],
    ['-5', 'es-PE', 'NEGATIVE'],
    ['9999999999999999', 'es-PE', 'OUT_OF_RANGE'],
  ])('"%s" in %s is refused: %s', (text, locale, reason) => {
    expect(reasonOf(() => parseAmount(text, 'PEN', locale))).toBe(reason);
  });

  it('explains itself with an example in the locale', () => {
    expect(() => parseAmount('1.5', 'COP', 'es-CO')).toThrow(/write it like 1\.234,50/);
  });

  it('accepts negatives when asked', () => {
    expect(parseAmount('-5,00', 'ARS', 'es-AR', { allowNegative: true })).toBe(-500);
  });
});

describe('parseDecimal (3 decimals)', () => {
  it('gives thousandths with at most 3 decimals', () => {
    expect(parseQuantity('1,5', 'es-AR')).toBe(1500);
    expect(parseQuantity('0.125', 'es-PE')).toBe(125);
    expect(parseQuantity('3', 'es-CO')).toBe(3000);
    expect(reasonOf(() => parseQuantity('0.1234', 'es-PE'))).toBe('TOO_MANY_DECIMALS');
  });
});
