import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { parseAmount, parseQuantity } from './parse';
import { parseTyped, parseTypedPercent, parseTypedQuantity, parseTypedWhole } from './typed';

function refusal(fn: () => unknown): Record<string, unknown> | string {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.details ?? {};
    throw error;
  }
  return 'no error';
}

describe('a quantity typed (3 decimals, thousandths)', () => {
  it.each([
    ['0,750', 'es-PE', 750],
    ['0.750', 'es-PE', 750],
    ['0,75', 'es-PE', 750],
    [',5', 'es-PE', 500],
    ['1,234', 'es-PE', 1234],
    ['1.234', 'es-CO', 1234],
    ['1,5', 'es-AR', 1500],
    ['3', 'es-CO', 3000],
    ['12,', 'es-PE', 12000],
    ['1.234,5', 'es-PE', 1234500],
    ['1,234.5', 'es-AR', 1234500],
    ['1.234.567', 'es-PE', 1234567000],
    ['0,7500', 'es-PE', 750],
    [' 2 ', 'en-US', 2000],
  ])('"%s" in %s → %d', (text, locale, thousandths) => {
    expect(parseTypedQuantity(text, locale)).toBe(thousandths);
    expect(parseQuantity(text, locale)).toBe(thousandths);
  });

  it.each([
    ['', 'EMPTY'],
    [',', 'EMPTY'],
    ['0,1234', 'TOO_MANY_DECIMALS'],
    ['1,2,3', 'MISPLACED_GROUP_SEPARATOR'],
    ['1.23.456', 'MISPLACED_GROUP_SEPARATOR'],
    ['1,234.5.6', 'MIXED_SEPARATORS'],
    ['1.5,234', 'MISPLACED_GROUP_SEPARATOR'],
    ['12,34.5', 'MISPLACED_GROUP_SEPARATOR'],
    ['2kg', 'INVALID_CHARACTER'],
    ['-1', 'NEGATIVE'],
  ])('"%s" is refused: %s', (text, reason) => {
    expect(refusal(() => parseTypedQuantity(text, 'es-PE'))).toMatchObject({ reason });
  });

  it('takes a negative stock adjustment when asked', () => {
    expect(parseTypedQuantity('-0,5', 'es-PE', { allowNegative: true })).toBe(-500);
  });
});

describe('an amount typed (minor units)', () => {
  it.each([
    ['1,234.50', 'PEN', 'es-PE', 123450],
    ['1.234,50', 'PEN', 'es-PE', 123450],
    ['1.234,50', 'COP', 'es-CO', 123450],
    ['1234,5', 'PEN', 'es-PE', 123450],
    ['1234.5', 'PEN', 'es-PE', 123450],
    ['12,30', 'PEN', 'es-PE', 1230],
    ['1,5', 'PEN', 'es-PE', 150],
    ['0,750', 'PEN', 'es-PE', 75],
    ['S/ 12.30', 'PEN', 'es-PE', 1230],
    ['12,30 USD', 'USD', 'es-VE', 1230],
    ['Bs 10,00', 'BOB', 'es-BO', 1000],
    ['1234', 'PEN', 'es-PE', 123400],
    ['1.234.567', 'PEN', 'es-PE', 123456700],
    ['1500', 'CLP', 'es-PE', 1500],
  ])('"%s" %s in %s → %d', (text, currency, locale, amount) => {
    expect(parseAmount(text, currency, locale)).toBe(amount);
  });

  it.each([
    ['1,234', 'PEN', 'AMBIGUOUS_SEPARATOR'],
    ['1.234', 'PEN', 'AMBIGUOUS_SEPARATOR'],
    ['999.999', 'PEN', 'AMBIGUOUS_SEPARATOR'],
    ['1.000', 'CLP', 'AMBIGUOUS_SEPARATOR'],
    ['1.234', 'COP', 'AMBIGUOUS_SEPARATOR'],
    ['1.2345', 'PEN', 'TOO_MANY_DECIMALS'],
    ['0,125', 'PEN', 'TOO_MANY_DECIMALS'],
    ['1.5', 'CLP', 'TOO_MANY_DECIMALS'],
    ['12a', 'PEN', 'INVALID_CHARACTER'],
    ['-5', 'PEN', 'NEGATIVE'],
    ['9999999999999999', 'PEN', 'OUT_OF_RANGE'],
  ])('"%s" %s is refused: %s', (text, currency, reason) => {
    expect(refusal(() => parseAmount(text, currency, 'es-PE'))).toMatchObject({ reason });
  });

  it('says how to write the ambiguous one, with an example in the locale', () => {
    expect(refusal(() => parseAmount('1,234', 'PEN', 'es-PE'))).toMatchObject({
      reason: 'AMBIGUOUS_SEPARATOR',
      whole: '1234',
      example: '1234.50',
      maxFractionDigits: 2,
    });
    expect(refusal(() => parseAmount('1.234', 'ARS', 'es-AR'))).toMatchObject({
      example: '1234,50',
    });
  });

  it('accepts negatives when asked', () => {
    expect(parseAmount('-5,00', 'ARS', 'es-AR', { allowNegative: true })).toBe(-500);
  });
});

describe('whole numbers and percentages typed', () => {
  it('counts: digits, grouped thousands; decimals and ambiguous marks refused', () => {
    expect(parseTypedWhole('12', 'es-PE')).toBe(12);
    expect(parseTypedWhole('1.000.000', 'es-PE')).toBe(1_000_000);
    expect(parseTypedWhole('3,0', 'es-PE')).toBe(3);
    expect(refusal(() => parseTypedWhole('1.000', 'es-PE'))).toMatchObject({
      reason: 'AMBIGUOUS_SEPARATOR',
    });
    expect(refusal(() => parseTypedWhole('1,5', 'es-PE'))).toMatchObject({
      reason: 'TOO_MANY_DECIMALS',
    });
    expect(refusal(() => parseTypedWhole('1a2', 'es-PE'))).toMatchObject({
      reason: 'INVALID_CHARACTER',
    });
  });

  it('percentages in hundredths, with or without the sign', () => {
    expect(parseTypedPercent('12,5', 'es-PE')).toBe(1250);
    expect(parseTypedPercent('12.5 %', 'es-PE')).toBe(1250);
    expect(parseTypedPercent('100', 'es-PE')).toBe(10000);
  });

  it('returns bigints beyond the safe range only from parseTyped', () => {
    expect(parseTyped('123456789012345', 'es-PE', { maxFractionDigits: 3 })).toBe(
      123456789012345000n,
    );
    expect(refusal(() => parseTypedQuantity('123456789012345', 'es-PE'))).toMatchObject({
      reason: 'OUT_OF_RANGE',
    });
  });
});
