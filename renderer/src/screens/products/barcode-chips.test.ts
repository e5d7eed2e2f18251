import { describe, expect, it } from 'vitest';
import { addBarcodes, MAX_BARCODES, removeBarcode } from './barcode-chips';

describe('barcode chips', () => {
  it('adds a code with a good EAN-13 check digit', () => {
    expect(addBarcodes([], ' 7750885012348 ')).toEqual({ ok: true, list: ['7750885012348'] });
  });

  it('refuses a wrong check digit and says which digit it should be', () => {
    expect(addBarcodes(['A1'], '7750885012341')).toEqual({
      ok: false,
      problem: { kind: 'checkDigit', code: '7750885012341', expected: 8 },
      list: ['A1'],
    });
  });

  it('leaves in-store codes (20–29) and non-GTIN codes alone', () => {
    expect(addBarcodes([], '2000000000019').ok).toBe(true);
    expect(addBarcodes([], 'PAN-01').ok).toBe(true);
    expect(addBarcodes([], '12345678').ok).toBe(true);
  });

  it('refuses duplicates and empty input', () => {
    expect(addBarcodes(['111'], '111')).toMatchObject({
      ok: false,
      problem: { kind: 'duplicate' },
    });
    expect(addBarcodes([], '   ')).toMatchObject({ ok: false, problem: { kind: 'empty' } });
  });

  it('adds several pasted codes, keeping the good ones before a bad one', () => {
    expect(addBarcodes([], '111, 222|333 444')).toEqual({
      ok: true,
      list: ['111', '222', '333', '444'],
    });
    expect(addBarcodes([], '111 7750885012341 222')).toMatchObject({
      ok: false,
      problem: { kind: 'checkDigit' },
      list: ['111'],
    });
  });

  it('stops at the API limit of codes per product', () => {
    const full = Array.from({ length: MAX_BARCODES }, (_, i) => `C${i}`);
    expect(addBarcodes(full, 'X1')).toMatchObject({
      ok: false,
      problem: { kind: 'tooMany', max: 20 },
    });
  });

  it('removes one code', () => {
    expect(removeBarcode(['1', '2', '3'], '2')).toEqual(['1', '3']);
  });
});
