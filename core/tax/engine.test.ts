import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { computeTaxes } from './document';
import { convertTotals } from './dual-currency';
import { computeIgtf } from './igtf';
import { makeLine, rulesFor, units } from './testing';

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('computeTaxes: weighed goods and discounts', () => {
  it('rounds quantity × price once: 1.235 kg at 12.90 is 15.93', () => {
    const doc = computeTaxes(
      { lines: [makeLine({ quantity: 1235, unitPrice: 1290, taxCategory: 'IGV' })] },
      rulesFor('PE'),
    );
    expect(doc.lines[0]).toMatchObject({ gross: 1593, amount: 1593, base: 1350, tax: 243 });
  });

  it('uses a label-fixed amount instead of quantity × price (scale labels with a price)', () => {
    const doc = computeTaxes(
      {
        lines: [makeLine({ quantity: 503, unitPrice: 1290, fixedAmount: 649, taxCategory: 'IGV' })],
      },
      rulesFor('PE'),
    );
    expect(doc.lines[0]).toMatchObject({ gross: 649, amount: 649, base: 550, tax: 99, total: 649 });
  });

  it('takes a line discount off before splitting the tax', () => {
    const doc = computeTaxes({ lines: [units(1, 11800, 'IGV', 1180)] }, rulesFor('PE'));
    expect(doc.lines[0]).toMatchObject({
      gross: 11800,
      lineDiscount: 1180,
      amount: 10620,
      base: 9000,
      tax: 1620,
    });
    expect(doc).toMatchObject({ discount: 1180, total: 10620 });
  });

  it('spreads an order discount by largest remainder, in proportion to the lines', () => {
    const doc = computeTaxes(
      {
        lines: [units(1, 1000, 'IGV'), units(1, 1000, 'IGV'), units(1, 1000, 'IGV')],
        orderDiscount: 100,
      },
      rulesFor('PE'),
    );
    expect(doc.lines.map((l) => l.orderDiscount)).toEqual([34, 33, 33]);
    expect(doc).toMatchObject({ orderDiscount: 100, total: 2900 });
  });

  it('never discounts the per-unit ICBPER', () => {
    const doc = computeTaxes({ lines: [units(2, 20, 'BOLSA', 40)] }, rulesFor('PE'));
    expect(doc.lines[0]).toMatchObject({ amount: 0, base: 0, tax: 0, fixedTax: 100, total: 100 });
  });

  it('scales the unit-method tax down with a discount', () => {
    const rules = rulesFor('CO', { pricesIncludeTax: false, roundingMethod: 'unit' });
    const doc = computeTaxes({ lines: [units(2, 99900, 'IVA19', 99900)] }, rules);
    expect(doc.lines[0]).toMatchObject({ unitTax: 18981, amount: 99900, base: 99900, tax: 18981 });
  });

  it('charges a gross-basis tax on a net price so that tax = total × rate', () => {
    const doc = computeTaxes(
      { lines: [units(1, 8700, 'IVA13')] },
      rulesFor('BO', { pricesIncludeTax: false }),
    );
    expect(doc).toMatchObject({ taxableBase: 8700, tax: 1300, total: 10000 });
  });
});

describe('computeTaxes: bad input is refused with a precise reason', () => {
  const rules = rulesFor('PE');

  it.each([
    [
      'zero quantity',
      makeLine({ quantity: 0, taxCategory: 'IGV' }),
      'INVALID_QUANTITY',
      'quantity',
    ],
    [
      'fractional thousandths',
      makeLine({ quantity: 1.5, taxCategory: 'IGV' }),
      'INVALID_QUANTITY',
      'quantity',
    ],
    [
      'negative price',
      makeLine({ unitPrice: -1, taxCategory: 'IGV' }),
      'INVALID_PRICE',
      'unitPrice',
    ],
    [
      'negative discount',
      makeLine({ discount: -5, taxCategory: 'IGV' }),
      'INVALID_DISCOUNT',
      'discount',
    ],
    [
      'discount over the line',
      makeLine({ discount: 101, taxCategory: 'IGV' }),
      'DISCOUNT_EXCEEDS_LINE',
      'discount',
    ],
    ['unknown category', makeLine({ taxCategory: 'IVA19' }), 'UNKNOWN_TAX_CATEGORY', 'taxCategory'],
  ])('%s', (_name, line, reason, field) => {
    const error = errorOf(() => computeTaxes({ lines: [units(1, 500, 'IGV'), line] }, rules));
    expect(error.code).toBe('VALIDATION');
    expect(error.details).toMatchObject({ reason, path: ['lines', 1, field] });
  });

  it('an order discount larger than the order', () => {
    const error = errorOf(() =>
      computeTaxes({ lines: [units(1, 500, 'IGV')], orderDiscount: 501 }, rules),
    );
    expect(error.details).toMatchObject({
      reason: 'DISCOUNT_EXCEEDS_TOTAL',
      path: ['orderDiscount'],
    });
  });

  it('amounts too large to hold exactly', () => {
    const error = errorOf(() =>
      computeTaxes(
        { lines: [makeLine({ quantity: 9e15, unitPrice: 9e15, taxCategory: 'IGV' })] },
        rules,
      ),
    );
    expect(error.details).toMatchObject({ reason: 'OUT_OF_RANGE' });
  });

  it('an empty cart is simply zero', () => {
    expect(computeTaxes({ lines: [] }, rules)).toMatchObject({ total: 0, tax: 0, taxed: [] });
  });
});

describe('dual currency and IGTF', () => {
  it('converts every part and sums the converted total', () => {
    const rules = rulesFor('VE');
    const doc = computeTaxes({ lines: [units(3, 333, 'IVA16'), units(1, 199, 'EXENTO')] }, rules);
    const bs = convertTotals(doc, { from: 'USD', to: 'VES', rate: '36.5012' }, 'HALF_UP');
    expect(bs.total).toBe(bs.taxableBase + bs.exempt + bs.tax + bs.unaffected + bs.fixedTax);
    expect(bs.exempt).toBe(Math.round(199 * 36.5012));
  });

  it('converts back from the second currency: a Bs store showing USD', () => {
    const rules = rulesFor('VE');
    const doc = computeTaxes({ lines: [units(1, 36500, 'IVA16')] }, rules);
    const usd = convertTotals(doc, { from: 'USD', to: 'VES', rate: '36.50' }, 'HALF_UP', 'back');
    expect(usd).toMatchObject({ currency: 'USD', taxableBase: 1000, tax: 160, total: 1160 });
  });

  it('IGTF applies only to the part paid in foreign currency', () => {
    expect(computeIgtf(0, 300, 'HALF_UP')).toBe(0);
    expect(computeIgtf(500, 300, 'HALF_UP')).toBe(15);
    expect(() => computeIgtf(-1, 300, 'HALF_UP')).toThrow(DomainError);
  });
});
