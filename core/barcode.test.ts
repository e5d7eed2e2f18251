import { describe, expect, it } from 'vitest';
import {
  assertValidGtin,
  decodeScaleBarcode,
  gtinCheckDigit,
  gtinKindOf,
  isValidGtin,
  labelPriceInMinor,
  parseScaleLayout,
  parseScanInput,
} from './barcode';
import { DomainError } from './errors';
import { PROFILES } from './profiles';

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('GTIN check digits', () => {
  it.each([
    ['7750885012348', 'EAN13'],
    ['4006381333931', 'EAN13'],
    ['96385074', 'EAN8'],
    ['036000291452', 'UPCA'],
  ])('%s is a valid %s', (code, kind) => {
    expect(gtinKindOf(code)).toBe(kind);
    expect(isValidGtin(code)).toBe(true);
    expect(assertValidGtin(code)).toBe(kind);
  });

  it('computes the check digit of a body', () => {
    expect(gtinCheckDigit('400638133393')).toBe(1);
    expect(gtinCheckDigit('9638507')).toBe(4);
    expect(gtinCheckDigit('03600029145')).toBe(2);
  });

  it('reports a bad check digit with the expected one, without guessing', () => {
    const error = errorOf(() => assertValidGtin('4006381333932'));
    expect(error.code).toBe('BAD_CHECK_DIGIT');
    expect(error.details).toMatchObject({ expected: 1, found: 2, kind: 'EAN13' });
  });

  it('does not call other codes GTINs', () => {
    expect(gtinKindOf('ELEC001')).toBeUndefined();
    expect(gtinKindOf('12345')).toBeUndefined();
    expect(errorOf(() => assertValidGtin('12345')).code).toBe('BAD_BARCODE');
  });
});

/** Builds a valid EAN-13/UPC-A label from its body. */
function label(body: string): string {
  return body + gtinCheckDigit(body);
}

describe('scale barcodes', () => {
  const weight = parseScaleLayout('20 PPPPP WWWWW C');
  const price = parseScaleLayout('21 PPPPP $$$$$ C');
  const upc = parseScaleLayout('2 PPPPP $$$$$ C');

  it('reads a weight in grams', () => {
    expect(decodeScaleBarcode(label('200012301250'), [weight, price])).toEqual({
      kind: 'weight',
      productCode: '00123',
      grams: 1250,
    });
  });

  it('reads an embedded price with the layout decimals', () => {
    expect(decodeScaleBarcode(label('210004501290'), [weight, price])).toEqual({
      kind: 'price',
      productCode: '00045',
      price: 1290,
      priceDecimals: 2,
    });
    const pesos = parseScaleLayout('22 PPPPP $$$$$ C', 0);
    expect(decodeScaleBarcode(label('220004512900'), [pesos])).toMatchObject({
      price: 12900,
      priceDecimals: 0,
    });
  });

  it('reads UPC-A labels, also when the scanner sends them as EAN-13', () => {
    const code = label('20123401999');
    expect(decodeScaleBarcode(code, [upc])).toEqual({
      kind: 'price',
      productCode: '01234',
      price: 1999,
      priceDecimals: 2,
    });
    expect(decodeScaleBarcode(`0${code}`, [upc])).toMatchObject({
      productCode: '01234',
      price: 1999,
    });
  });

  it('fails precisely: bad check digit, unknown layout, not a scale label', () => {
    expect(errorOf(() => decodeScaleBarcode('2000123012501', [weight])).code).toBe(
      'BAD_CHECK_DIGIT',
    );
    const unknown = errorOf(() => decodeScaleBarcode(label('250012301250'), [weight, price]));
    expect(unknown.code).toBe('UNKNOWN_LAYOUT');
    expect(unknown.details).toMatchObject({ prefix: '25' });
    expect(errorOf(() => decodeScaleBarcode('7750885012348', [weight])).code).toBe('BAD_BARCODE');
  });

  it.each([
    ['20 PPPP WWWW C', /positions/],
    ['20 PPPPP WWWWW X', /end with one C/],
    ['30 PPPPP WWWWW C', /scale prefix/],
    ['20 PPPPP QQQQQ C', /may only use/],
    ['20 PPWPP WWWWX C', /together/],
    ['20 PPPPP XXXXX C', /either W/],
    ['20 PPP$$ WWWWW C', /either W/],
    ['20 XXXXX WWWWW C', /needs P/],
    ['2P0PPPP WWWWW C', /digits at the start/],
  ])('refuses the layout "%s"', (pattern, message) => {
    const error = errorOf(() => parseScaleLayout(pattern));
    expect(error.details).toMatchObject({ reason: 'INVALID_LAYOUT' });
    expect(error.message).toMatch(message);
  });
});

describe('a label price in the store currency', () => {
  it('shifts to the currency minor units, rounding half up when it has fewer', () => {
    expect(labelPriceInMinor(1290, 2, 2)).toBe(1290);
    expect(labelPriceInMinor(13, 0, 2)).toBe(1300);
    expect(labelPriceInMinor(12900, 3, 2)).toBe(1290);
    expect(labelPriceInMinor(1290, 2, 0)).toBe(13);
    expect(labelPriceInMinor(1250, 2, 0)).toBe(13);
    expect(labelPriceInMinor(1249, 2, 0)).toBe(12);
    expect(labelPriceInMinor(12345, 3, 2)).toBe(1235);
  });
});

describe('the N*code multiplier', () => {
  it.each([
    ['7750885012348', 1000, '7750885012348', false],
    ['3*7750885012348', 3000, '7750885012348', true],
    [' 12 * ABC-1 ', 12000, 'ABC-1', true],
    ['1,25*PAN01', 1250, 'PAN01', true],
    ['0.5*PAN01', 500, 'PAN01', true],
    ['2.500*X', 2500, 'X', true],
    ['0,750*QUE001', 750, 'QUE001', true],
    ['0.750*QUE001', 750, 'QUE001', true],
    ['1.000,5*X', 1000500, 'X', true],
  ])('"%s" → %d × %s', (input, quantity, code, multiplied) => {
    expect(parseScanInput(input)).toEqual({ quantity, code, multiplied });
  });

  it.each([
    ['0*123', 'QUANTITY_OUT_OF_RANGE'],
    ['100000*123', 'QUANTITY_OUT_OF_RANGE'],
    ['1.2345*123', 'QUANTITY_OUT_OF_RANGE'],
    ['abc*123', 'BAD_BARCODE'],
    ['1,2,3*123', 'BAD_BARCODE'],
    ['-2*123', 'BAD_BARCODE'],
    ['*123', 'BAD_BARCODE'],
    ['3*', 'BAD_BARCODE'],
    ['3**123', 'BAD_BARCODE'],
    ['   ', 'BAD_BARCODE'],
  ])('"%s" is refused with %s', (input, code) => {
    expect(errorOf(() => parseScanInput(input)).code).toBe(code);
  });
});

describe("each country's default scale labels", () => {
  it.each(Object.values(PROFILES))('$code: valid layouts, weight on 20', (profile) => {
    expect(profile.scaleLayouts.length).toBeGreaterThan(0);
    for (const layout of profile.scaleLayouts)
      parseScaleLayout(layout.pattern, layout.priceDecimals);
    expect(profile.scaleLayouts[0]!.pattern).toBe('20 PPPPP WWWWW C');
  });
});
