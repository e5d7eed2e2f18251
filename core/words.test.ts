import { describe, expect, it } from 'vitest';
import { amountInWords, numberToWords } from './words';

describe('amountInWords', () => {
  it('writes the invoice line of DOMAIN.md', () => {
    expect(amountInWords(29500, 'PEN')).toBe('DOSCIENTOS NOVENTA Y CINCO CON 00/100 SOLES');
  });

  it.each([
    [100, 'PEN', 'UNO CON 00/100 SOLES'],
    [2105, 'PEN', 'VEINTIUNO CON 05/100 SOLES'],
    [155250, 'ARS', 'MIL QUINIENTOS CINCUENTA Y DOS CON 50/100 PESOS'],
    [10000, 'BOB', 'CIEN CON 00/100 BOLIVIANOS'],
    [42340, 'VES', 'CUATROCIENTOS VEINTITRÉS CON 40/100 BOLÍVARES'],
    [1195, 'USD', 'ONCE CON 95/100 DÓLARES AMERICANOS'],
    [1500, 'CLP', 'MIL QUINIENTOS PESOS'],
    [0, 'PEN', 'CERO CON 00/100 SOLES'],
    [-100, 'PEN', 'MENOS UNO CON 00/100 SOLES'],
  ])('%d %s → %s', (amount, currency, words) => {
    expect(amountInWords(amount, currency)).toBe(words);
  });
});

describe('numberToWords', () => {
  it.each([
    [1, 'UNO'],
    [15, 'QUINCE'],
    [16, 'DIECISÉIS'],
    [20, 'VEINTE'],
    [22, 'VEINTIDÓS'],
    [30, 'TREINTA'],
    [31, 'TREINTA Y UNO'],
    [99, 'NOVENTA Y NUEVE'],
    [100, 'CIEN'],
    [101, 'CIENTO UNO'],
    [115, 'CIENTO QUINCE'],
    [500, 'QUINIENTOS'],
    [777, 'SETECIENTOS SETENTA Y SIETE'],
    [1000, 'MIL'],
    [1001, 'MIL UNO'],
    [2000, 'DOS MIL'],
    [21000, 'VEINTIÚN MIL'],
    [31000, 'TREINTA Y UN MIL'],
    [100000, 'CIEN MIL'],
    [101000, 'CIENTO UN MIL'],
    [999999, 'NOVECIENTOS NOVENTA Y NUEVE MIL NOVECIENTOS NOVENTA Y NUEVE'],
    [1000000, 'UN MILLÓN'],
    [1000001, 'UN MILLÓN UNO'],
    [2500000, 'DOS MILLONES QUINIENTOS MIL'],
    [21000000, 'VEINTIÚN MILLONES'],
    [100000000, 'CIEN MILLONES'],
    [1000000000, 'MIL MILLONES'],
    [1001000000, 'MIL UN MILLONES'],
    [3200000000, 'TRES MIL DOSCIENTOS MILLONES'],
    [1000000000000, 'UN BILLÓN'],
    [2000000000001, 'DOS BILLONES UNO'],
  ])('%d → %s', (n, words) => {
    expect(numberToWords(n)).toBe(words);
  });

  it('uses UN before a noun and UNA/-IENTAS for feminine nouns', () => {
    expect(numberToWords(1, { beforeNoun: true })).toBe('UN');
    expect(numberToWords(21, { beforeNoun: true })).toBe('VEINTIÚN');
    expect(numberToWords(1, { gender: 'feminine' })).toBe('UNA');
    expect(numberToWords(21, { gender: 'feminine' })).toBe('VEINTIUNA');
    expect(numberToWords(21000, { gender: 'feminine' })).toBe('VEINTIUNA MIL');
    expect(numberToWords(200, { gender: 'feminine' })).toBe('DOSCIENTAS');
    expect(numberToWords(500301, { gender: 'feminine' })).toBe('QUINIENTAS MIL TRESCIENTAS UNA');
    expect(numberToWords(200000000, { gender: 'feminine' })).toBe('DOSCIENTOS MILLONES');
  });

  it('refuses numbers past 999,999 billones', () => {
    expect(() => numberToWords(10n ** 18n)).toThrow(/too large/);
    expect(numberToWords(10n ** 18n - 1n)).toMatch(
      /^NOVECIENTOS NOVENTA Y NUEVE MIL NOVECIENTOS NOVENTA Y NUEVE BILLONES/,
    );
  });
});
