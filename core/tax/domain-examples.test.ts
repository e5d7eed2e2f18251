/**
 * Every worked example of shared/DOMAIN.md, numbered as there. Amounts are in
 * minor units: 118.00 is 11800.
 */
import { describe, expect, it } from 'vitest';
import { convertAmount } from '../money/exchange';
import { computeTaxes } from './document';
import { convertTotals } from './dual-currency';
import { computeIgtf } from './igtf';
import { rulesFor, units } from './testing';

describe('DOMAIN.md worked examples', () => {
  it('1. PE, reference 001: 2 × 118.00 and 1 × 59.00', () => {
    const doc = computeTaxes(
      { lines: [units(2, 11800, 'IGV'), units(1, 5900, 'IGV')] },
      rulesFor('PE'),
    );
    expect(doc.lines[0]).toMatchObject({ total: 23600, base: 20000, tax: 3600 });
    expect(doc.lines[1]).toMatchObject({ total: 5900, base: 5000, tax: 900 });
    expect(doc).toMatchObject({ taxableBase: 25000, tax: 4500, total: 29500 });
    expect(doc.taxed).toEqual([{ rate: 1800, base: 25000, tax: 4500 }]);
  });

  it('2. PE: 1 × 10.00 is 8.47 + 1.53, never 8.47 + 1.52', () => {
    const doc = computeTaxes({ lines: [units(1, 1000, 'IGV')] }, rulesFor('PE'));
    expect(doc).toMatchObject({ taxableBase: 847, tax: 153, total: 1000 });
  });

  it('3. PE, rounding methods: three lines of 1.00', () => {
    const lines = [units(1, 100, 'IGV'), units(1, 100, 'IGV'), units(1, 100, 'IGV')];
    const byLine = computeTaxes({ lines }, rulesFor('PE', { roundingMethod: 'line' }));
    for (const line of byLine.lines) expect(line).toMatchObject({ base: 85, tax: 15, total: 100 });
    expect(byLine).toMatchObject({ taxableBase: 255, tax: 45, total: 300 });

    const byDocument = computeTaxes({ lines }, rulesFor('PE', { roundingMethod: 'document' }));
    expect(byDocument).toMatchObject({ taxableBase: 254, tax: 46, total: 300 });
    // The extra cent of tax goes to the first line on a tie, so the lines add up.
    expect(byDocument.lines.map((l) => [l.base, l.tax])).toEqual([
      [84, 16],
      [85, 15],
      [85, 15],
    ]);
  });

  it('3b. PE, method document: lines 1.00 + 2.00 + 0.10 add up to the document (issue 15)', () => {
    const lines = [units(1, 100, 'IGV'), units(1, 200, 'IGV'), units(1, 10, 'IGV')];
    const doc = computeTaxes({ lines }, rulesFor('PE', { roundingMethod: 'document' }));
    expect(doc).toMatchObject({ taxableBase: 263, tax: 47, total: 310 });
    // The document's 0.47 spread by amount gives 0.1516, 0.3032 and 0.0152: floored
    // 0.15 + 0.30 + 0.01, and the last cent to the largest remainder (the 0.10 line).
    expect(doc.lines.map((l) => [l.base, l.tax])).toEqual([
      [85, 15],
      [170, 30],
      [8, 2],
    ]);
    expect(doc.lines.reduce((s, l) => s + l.base, 0)).toBe(263);
    expect(doc.lines.reduce((s, l) => s + l.tax, 0)).toBe(47);
  });

  it('4. PE, plastic bags: 5.90 plus 2 bags at 0.20 with ICBPER', () => {
    const doc = computeTaxes(
      { lines: [units(1, 590, 'IGV'), units(2, 20, 'BOLSA')] },
      rulesFor('PE'),
    );
    expect(doc.lines[0]).toMatchObject({ base: 500, tax: 90, total: 590 });
    expect(doc.lines[1]).toMatchObject({ amount: 40, base: 34, tax: 6, fixedTax: 100, total: 140 });
    expect(doc.lines[1]?.fixedTaxes).toEqual([{ code: 'ICBPER', name: 'ICBPER', amount: 100 }]);
    expect(doc).toMatchObject({ taxableBase: 534, tax: 96, fixedTax: 100, total: 730 });
    expect(doc.fixedTaxes).toEqual([{ code: 'ICBPER', name: 'ICBPER', amount: 100 }]);
  });

  it('5. PE, mixed: gravado, exonerado and inafecto shown apart', () => {
    const doc = computeTaxes(
      { lines: [units(1, 1180, 'IGV'), units(1, 500, 'EXONERADO'), units(1, 250, 'INAFECTO')] },
      rulesFor('PE'),
    );
    expect(doc.lines[0]).toMatchObject({ base: 1000, tax: 180 });
    expect(doc).toMatchObject({
      taxableBase: 1000,
      exempt: 500,
      unaffected: 250,
      tax: 180,
      total: 1930,
    });
  });

  it('6. CO, prices without IVA, method unit (reference 002)', () => {
    const rules = rulesFor('CO', { pricesIncludeTax: false, roundingMethod: 'unit' });
    const doc = computeTaxes(
      { lines: [units(2, 99900, 'IVA19'), units(2, 150000, 'IVA19')] },
      rules,
    );
    const [phone, laptop] = doc.lines;
    expect(phone).toMatchObject({ unitTax: 18981, total: 237762 });
    expect((phone?.unitPrice ?? 0) + (phone?.unitTax ?? 0)).toBe(118881);
    expect(laptop).toMatchObject({ unitTax: 28500, total: 357000 });
    expect((laptop?.unitPrice ?? 0) + (laptop?.unitTax ?? 0)).toBe(178500);
    expect(doc.total).toBe(237762 + 357000);
  });

  it('7. CO, prices with IVA', () => {
    const doc = computeTaxes(
      { lines: [units(1, 499000, 'IVA19'), units(1, 1190000, 'IVA19'), units(1, 210000, 'IVA5')] },
      rulesFor('CO'),
    );
    expect(doc.lines.map((l) => [l.base, l.tax])).toEqual([
      [419328, 79672],
      [1000000, 190000],
      [200000, 10000],
    ]);
  });

  it('8. AR: IVA contained at 21 % and 10.5 %', () => {
    const single = computeTaxes({ lines: [units(1, 10000, 'IVA21')] }, rulesFor('AR'));
    expect(single).toMatchObject({ taxableBase: 8264, tax: 1736, total: 10000 });

    const doc = computeTaxes(
      { lines: [units(1, 100000, 'IVA21'), units(1, 55250, 'IVA105')] },
      rulesFor('AR'),
    );
    expect(doc.taxed).toEqual([
      { rate: 2100, base: 82645, tax: 17355 },
      { rate: 1050, base: 50000, tax: 5250 },
    ]);
    expect(doc).toMatchObject({ taxableBase: 132645, tax: 22605, total: 155250 });
  });

  it('9. BO: 13 % on the gross amount', () => {
    const doc = computeTaxes({ lines: [units(1, 10000, 'IVA13')] }, rulesFor('BO'));
    expect(doc).toMatchObject({ tax: 1300, taxableBase: 8700, total: 10000 });
  });

  it('10. VE: USD prices shown in Bs at 36.50, with IGTF on USD paid', () => {
    const rules = rulesFor('VE');
    const doc = computeTaxes({ lines: [units(1, 1000, 'IVA16')] }, rules);
    expect(doc).toMatchObject({ taxableBase: 1000, tax: 160, total: 1160 });

    const bs = convertTotals(doc, { from: 'USD', to: 'VES', rate: '36.50' }, rules.roundingMode);
    expect(bs).toMatchObject({ taxableBase: 36500, tax: 5840, total: 42340, currency: 'VES' });

    const igtf = computeIgtf(doc.total, 300, rules.roundingMode);
    expect(igtf).toBe(35);
    expect(doc.total + igtf).toBe(1195);
    expect(convertAmount(igtf, { from: 'USD', to: 'VES', rate: '36.50' }, 'HALF_UP')).toBe(1278);
  });

  it('11. Rounding rule: 14.25 at 18 % is 2.57 HALF_UP, 2.56 HALF_EVEN', () => {
    const line = [units(1, 1425, 'IGV')];
    const halfUp = computeTaxes({ lines: line }, rulesFor('PE', { pricesIncludeTax: false }));
    const halfEven = computeTaxes(
      { lines: line },
      rulesFor('PE', { pricesIncludeTax: false, roundingMode: 'HALF_EVEN' }),
    );
    expect(halfUp.tax).toBe(257);
    expect(halfEven.tax).toBe(256);
  });
});
