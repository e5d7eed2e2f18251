import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gtinCheckDigit } from '../../../core/barcode';
import { product } from '../../testing/fixtures';
import { setUpTill, type Till } from '../../testing/till';

let till: Till;

beforeEach(async () => {
  till = await setUpTill('PE');
});
afterEach(() => till.close());

/** A label body plus its check digit. */
function label(body: string): string {
  return body + gtinCheckDigit(body);
}

async function scaleLayouts() {
  await till.call('settings.update', {
    scaleLayouts: [
      { pattern: '20 PPPPP WWWWW C', priceDecimals: 2 },
      { pattern: '21 PPPPP $$$$$ C', priceDecimals: 2 },
    ],
  });
}

describe('products.byBarcode', () => {
  it('finds a product by an exact barcode, one unit', async () => {
    const milk = await product(till, { code: 'LEC01', price: 420, barcodes: ['7750885012348'] });
    const scan = await till.call('products.byBarcode', { code: '7750885012348' });
    expect(scan).toMatchObject({
      quantity: 1,
      fixedAmount: null,
      source: 'barcode',
      scanned: '7750885012348',
    });
    expect(scan.product).toEqual(milk);
  });

  it('finds a product by its code', async () => {
    const bread = await product(till, { code: 'PAN01', price: 30 });
    const scan = await till.call('products.byBarcode', { code: 'PAN01' });
    expect(scan).toMatchObject({ quantity: 1, source: 'code', product: { id: bread.id } });
  });

  it('prefers a barcode over another product whose code reads the same', async () => {
    await product(till, { code: '7501234567893', price: 10 });
    const owner = await product(till, { code: 'X', price: 20, barcodes: ['7501234567893'] });
    const scan = await till.call('products.byBarcode', { code: '7501234567893' });
    expect(scan).toMatchObject({ source: 'barcode', product: { id: owner.id } });
  });

  it('reads the "N*code" multiplier for barcodes and codes', async () => {
    const soda = await product(till, { code: 'GAS01', price: 250, barcodes: ['7501234567893'] });
    expect(await till.call('products.byBarcode', { code: '3*7501234567893' })).toMatchObject({
      quantity: 3,
      source: 'barcode',
      scanned: '3*7501234567893',
      product: { id: soda.id },
    });
    expect(await till.call('products.byBarcode', { code: '12 * GAS01' })).toMatchObject({
      quantity: 12,
      source: 'code',
    });
  });

  it('reads a decimal multiplier for a weighed product', async () => {
    const cheese = await product(till, { code: 'QSO01', price: 2800, soldBy: 'weight' });
    expect(await till.call('products.byBarcode', { code: '1,5*QSO01' })).toMatchObject({
      quantity: 1.5,
      product: { id: cheese.id, soldBy: 'weight' },
    });
    expect((await till.call('products.byBarcode', { code: '0.125*QSO01' })).quantity).toBe(0.125);
  });

  it('refuses a zero, too precise or huge multiplier with QUANTITY_OUT_OF_RANGE', async () => {
    await product(till, { code: 'GAS01', price: 250 });
    for (const code of ['0*GAS01', '0,0001*GAS01', '100000*GAS01']) {
      expect((await till.fail('products.byBarcode', { code })).code).toBe('QUANTITY_OUT_OF_RANGE');
    }
    expect((await till.fail('products.byBarcode', { code: 'x*GAS01' })).code).toBe('BAD_BARCODE');
    expect((await till.fail('products.byBarcode', { code: '2*' })).code).toBe('BAD_BARCODE');
  });

  it('says NOT_FOUND for an unknown code and BAD_CHECK_DIGIT for a misread GTIN', async () => {
    await product(till, { code: 'A1', price: 100, barcodes: ['7750885012348'] });
    const unknown = await till.fail('products.byBarcode', { code: '7750000000014' });
    expect(unknown).toMatchObject({ code: 'NOT_FOUND', details: { reason: 'UNKNOWN_BARCODE' } });
    expect((await till.fail('products.byBarcode', { code: 'NADA' })).code).toBe('NOT_FOUND');
    const misread = await till.fail('products.byBarcode', { code: '7750885012345' });
    expect(misread).toMatchObject({
      code: 'BAD_CHECK_DIGIT',
      details: { code: '7750885012345', expected: 8, kind: 'EAN13' },
    });
    const ean8 = await till.fail('products.byBarcode', { code: '96385070' });
    expect(ean8).toMatchObject({ code: 'BAD_CHECK_DIGIT', details: { kind: 'EAN8' } });
    const upc = await till.fail('products.byBarcode', { code: '036000291453' });
    expect(upc).toMatchObject({ code: 'BAD_CHECK_DIGIT', details: { kind: 'UPCA' } });
  });

  it('finds a UPC-A whether the scanner sends 12 digits or the EAN-13 with a leading 0', async () => {
    const twelve = await product(till, { code: 'U12', price: 1, barcodes: ['036000291452'] });
    const thirteen = await product(till, { code: 'U13', price: 1, barcodes: ['0042100005264'] });
    expect(await till.call('products.byBarcode', { code: '0036000291452' })).toMatchObject({
      source: 'barcode',
      product: { id: twelve.id },
    });
    expect(await till.call('products.byBarcode', { code: '2*042100005264' })).toMatchObject({
      quantity: 2,
      product: { id: thirteen.id },
    });
    expect((await till.fail('products.byBarcode', { code: '0036000291453' })).code).toBe(
      'BAD_CHECK_DIGIT',
    );
  });

  it('refuses an inactive product with INVALID_STATE, by barcode and by code', async () => {
    const off = await product(till, { code: 'OFF1', price: 100, barcodes: ['7750885012348'] });
    await till.call('products.update', { id: off.id, active: false });
    for (const code of ['7750885012348', 'OFF1', '2*OFF1']) {
      const error = await till.fail('products.byBarcode', { code });
      expect(error).toMatchObject({
        code: 'INVALID_STATE',
        details: { reason: 'PRODUCT_INACTIVE' },
      });
    }
  });
});

describe('scale labels', () => {
  it('reads the weight in grams as kilos of the product with code 00123', async () => {
    await scaleLayouts();
    const ham = await product(till, { code: '00123', price: 3990, soldBy: 'weight' });
    const code = label('200012301500');
    const scan = await till.call('products.byBarcode', { code });
    expect(scan).toMatchObject({
      quantity: 1.5,
      fixedAmount: null,
      source: 'scale-weight',
      scanned: code,
      product: { id: ham.id, code: '00123' },
    });
  });

  it('matches a product coded without the leading zeros', async () => {
    await scaleLayouts();
    const ham = await product(till, { code: '123', price: 3990, soldBy: 'weight' });
    const scan = await till.call('products.byBarcode', { code: label('200012300250') });
    expect(scan).toMatchObject({ quantity: 0.25, product: { id: ham.id } });
  });

  it('multiplies a weight label', async () => {
    await scaleLayouts();
    await product(till, { code: '123', price: 3990, soldBy: 'weight' });
    const scan = await till.call('products.byBarcode', { code: `2*${label('200012300250')}` });
    expect(scan.quantity).toBe(0.5);
  });

  it('reads an embedded price as the line amount, deriving the weight', async () => {
    await scaleLayouts();
    const ham = await product(till, { code: '123', price: 4000, soldBy: 'weight' });
    const scan = await till.call('products.byBarcode', { code: label('210012301000') });
    expect(scan).toMatchObject({
      fixedAmount: 1000,
      quantity: 0.25,
      source: 'scale-price',
      product: { id: ham.id },
    });
  });

  it('gives one unit at the label price for a unit product', async () => {
    await scaleLayouts();
    await product(till, { code: '555', price: 1500 });
    const scan = await till.call('products.byBarcode', { code: label('210055501290') });
    expect(scan).toMatchObject({ fixedAmount: 1290, quantity: 1, source: 'scale-price' });
  });

  it('refuses a label with a zero weight instead of a zero-quantity line', async () => {
    await scaleLayouts();
    await product(till, { code: '123', price: 3990, soldBy: 'weight' });
    const error = await till.fail('products.byBarcode', { code: label('200012300000') });
    expect(error.code).toBe('QUANTITY_OUT_OF_RANGE');
  });

  it("a new store reads its country's usual scale labels before anyone sets them up", async () => {
    expect((await till.call('settings.get', {})).scaleLayouts).toEqual([
      { pattern: '20 PPPPP WWWWW C', priceDecimals: 2 },
      { pattern: '21 PPPPP $$$$$ C', priceDecimals: 2 },
    ]);
    const cheese = await product(till, { code: '123', price: 3990, soldBy: 'weight' });
    expect(await till.call('products.byBarcode', { code: label('200012301500') })).toMatchObject({
      quantity: 1.5,
      product: { id: cheese.id },
    });
    expect(await till.call('products.byBarcode', { code: label('210012300750') })).toMatchObject({
      fixedAmount: 750,
      product: { id: cheese.id },
    });
    // The store may change them: with the price layout only, a weight label has no layout.
    await till.call('settings.update', {
      scaleLayouts: [{ pattern: '21 PPPPP $$$$$ C', priceDecimals: 2 }],
    });
    expect((await till.fail('products.byBarcode', { code: label('200012301500') })).code).toBe(
      'UNKNOWN_LAYOUT',
    );
  });

  it('says UNKNOWN_LAYOUT for a scale prefix no layout claims', async () => {
    await scaleLayouts();
    await product(till, { code: '123', price: 3990, soldBy: 'weight' });
    const error = await till.fail('products.byBarcode', { code: label('250012301500') });
    expect(error).toMatchObject({ code: 'UNKNOWN_LAYOUT', details: { prefix: '25' } });
  });

  it('says BAD_CHECK_DIGIT for a misread label and NOT_FOUND for an unknown product', async () => {
    await scaleLayouts();
    await product(till, { code: '123', price: 3990, soldBy: 'weight' });
    const good = label('200012301500');
    const bad = good.slice(0, 12) + String((Number(good[12]) + 1) % 10);
    expect((await till.fail('products.byBarcode', { code: bad })).code).toBe('BAD_CHECK_DIGIT');
    const unknown = await till.fail('products.byBarcode', { code: label('200099901500') });
    expect(unknown).toMatchObject({
      code: 'NOT_FOUND',
      details: { reason: 'UNKNOWN_SCALE_PRODUCT', productCode: '00999' },
    });
  });

  it('refuses a label for an inactive product', async () => {
    await scaleLayouts();
    const ham = await product(till, { code: '123', price: 3990, soldBy: 'weight' });
    await till.call('products.update', { id: ham.id, active: false });
    const error = await till.fail('products.byBarcode', { code: label('200012301500') });
    expect(error.code).toBe('INVALID_STATE');
  });

  it('treats a 20-prefixed code as unknown when no layout is configured, saying it may be a scale label', async () => {
    await till.call('settings.update', { scaleLayouts: [] });
    await product(till, { code: '123', price: 3990, soldBy: 'weight' });
    const error = await till.fail('products.byBarcode', { code: label('200012301500') });
    expect(error).toMatchObject({
      code: 'NOT_FOUND',
      details: { reason: 'UNKNOWN_SCALE_LABEL' },
    });
    const other = await till.fail('products.byBarcode', { code: '7750885012348' });
    expect(other).toMatchObject({ details: { reason: 'UNKNOWN_BARCODE' } });
  });

  it('still finds an in-store barcode registered on a product before reading it as a label', async () => {
    await scaleLayouts();
    const code = label('200012301500');
    const pack = await product(till, { code: 'PACK', price: 999, barcodes: [code] });
    const scan = await till.call('products.byBarcode', { code });
    expect(scan).toMatchObject({ source: 'barcode', quantity: 1, product: { id: pack.id } });
  });
});
