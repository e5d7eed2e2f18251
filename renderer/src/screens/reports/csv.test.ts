import { describe, expect, it } from 'vitest';
import { csvDocument, delimiterFor, num, quoteCell } from './csv';

describe('CSV cells', () => {
  it('leaves plain text and numbers alone', () => {
    expect(quoteCell('Abarrotes', ',')).toBe('Abarrotes');
    expect(quoteCell(num('1234.50'), ',')).toBe('1234.50');
    expect(quoteCell(num('-12,50'), ';')).toBe('-12,50');
  });

  it('quotes the delimiter, quotes, line breaks and edge spaces', () => {
    expect(quoteCell('Arroz, 5 kg', ',')).toBe('"Arroz, 5 kg"');
    expect(quoteCell('Arroz, 5 kg', ';')).toBe('Arroz, 5 kg');
    expect(quoteCell('Queso; fresco', ';')).toBe('"Queso; fresco"');
    expect(quoteCell('Pulgada 2"', ',')).toBe('"Pulgada 2"""');
    expect(quoteCell('línea 1\nlínea 2', ',')).toBe('"línea 1\nlínea 2"');
    expect(quoteCell(' espacio', ',')).toBe('" espacio"');
  });

  it('neutralizes text a spreadsheet would run as a formula', () => {
    expect(quoteCell('=HYPERLINK("x")', ',')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(quoteCell('+51 999', ',')).toBe("'+51 999");
    expect(quoteCell('-descuento', ',')).toBe("'-descuento");
    expect(quoteCell('@user', ',')).toBe("'@user");
  });

  it('writes a BOM, CRLF line ends and the locale list separator', () => {
    expect(csvDocument([['a', num('1.5')], [], ['b, c']], ',')).toBe(
      '\uFEFFa,1.5\r\n\r\n"b, c"\r\n',
    );
    expect(delimiterFor('.')).toBe(',');
    expect(delimiterFor(',')).toBe(';');
  });
});
