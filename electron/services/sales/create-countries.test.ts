import { afterEach, describe, expect, it } from 'vitest';
import { convertAmount } from '../../../core/money/exchange';
import { countRows, openSession, product, sell } from '../../testing/fixtures';
import { setUpTill, type Till } from '../../testing/till';

let till: Till | undefined;
afterEach(() => till?.close());

describe('country examples through sales.create', () => {
  it('PE example 4: an item plus two plastic bags with ICBPER', async () => {
    till = await setUpTill('PE');
    const item = await product(till, { code: 'ITEM', price: 590, stock: 10 });
    const bag = await product(till, { code: 'BOLSA', price: 20, stock: 100, taxCategory: 'BOLSA' });
    await openSession(till);
    const sale = await sell(till, [{ productId: item.id }, { productId: bag.id, quantity: 2 }]);
    expect(sale.lines.map((l) => [l.base, l.tax, l.fixedTax, l.total])).toEqual([
      [500, 90, 0, 590],
      [34, 6, 100, 140],
    ]);
    expect(sale).toMatchObject({ taxableBase: 534, tax: 96, fixedTax: 100, total: 730 });
    expect(sale.fixedTaxes).toEqual([{ code: 'ICBPER', name: 'ICBPER', amount: 100 }]);
  });

  it('PE example 5: gravado, exonerado and inafecto shown apart', async () => {
    till = await setUpTill('PE');
    const taxed = await product(till, { code: 'G', price: 1180, stock: 5 });
    const exempt = await product(till, {
      code: 'E',
      price: 500,
      stock: 5,
      taxCategory: 'EXONERADO',
    });
    const outside = await product(till, {
      code: 'I',
      price: 250,
      stock: 5,
      taxCategory: 'INAFECTO',
    });
    await openSession(till);
    const sale = await sell(till, [
      { productId: taxed.id },
      { productId: exempt.id },
      { productId: outside.id },
    ]);
    expect(sale).toMatchObject({
      taxableBase: 1000,
      exempt: 500,
      unaffected: 250,
      tax: 180,
      total: 1930,
    });
    expect(sale.taxed).toEqual([{ rate: 1800, base: 1000, tax: 180 }]);
  });

  it('CO example 6: prices without IVA, method unit (reference 002)', async () => {
    till = await setUpTill('CO', { timeZone: 'America/Bogota' });
    await till.call('settings.update', { pricesIncludeTax: false, roundingMethod: 'unit' });
    const a = await product(till, { code: 'A', price: 99900, stock: 10 });
    const b = await product(till, { code: 'B', price: 150000, stock: 10 });
    await openSession(till, 0);
    const sale = await sell(till, [
      { productId: a.id, quantity: 2 },
      { productId: b.id, quantity: 2 },
    ]);
    expect(sale.lines.map((l) => [l.unitPrice, l.unitTax, l.base, l.tax, l.total])).toEqual([
      [99900, 18981, 199800, 37962, 237762],
      [150000, 28500, 300000, 57000, 357000],
    ]);
    expect(sale).toMatchObject({
      taxableBase: 499800,
      tax: 94962,
      total: 594762,
      pricesIncludeTax: false,
      roundingMethod: 'unit',
    });
    // The store's later change does not rewrite the stored sale.
    await till.call('settings.update', { pricesIncludeTax: true, roundingMethod: 'line' });
    expect(await till.call('sales.get', { id: sale.id })).toEqual(sale);
    const later = await sell(till, [{ productId: a.id }]);
    expect(later).toMatchObject({ total: 99900, pricesIncludeTax: true, roundingMethod: 'line' });
  });

  it('VE example 10: USD 11.60 at 36.50 Bs/USD, IGTF 0.35 when paid in USD cash', async () => {
    till = await setUpTill('VE', { currency: 'USD', timeZone: 'America/Caracas' });
    const p = await product(till, { code: 'HARINA', price: 1000, stock: 10 });
    await openSession(till, 0);
    const noRate = await till.fail('sales.create', {
      id: till.uuid(),
      lines: [{ productId: p.id }],
      payments: [{ method: 'EFECTIVO', amount: 2000 }],
    });
    expect(noRate).toMatchObject({
      code: 'INVALID_STATE',
      details: { reason: 'EXCHANGE_RATE_REQUIRED' },
    });
    expect(countRows(till, 'sales')).toBe(0);

    await till.call('settings.update', { exchangeRate: '36.50', igtfEnabled: true });
    const underpaid = await till.fail('sales.create', {
      id: till.uuid(),
      lines: [{ productId: p.id }],
      payments: [{ method: 'EFECTIVO', amount: 1160, currency: 'USD' }],
    });
    expect(underpaid.details).toMatchObject({ reason: 'UNDERPAID', due: 1195, missing: 35 });

    const sale = await till.call('sales.create', {
      id: till.uuid(),
      lines: [{ productId: p.id }],
      payments: [{ method: 'EFECTIVO', amount: 1195, currency: 'USD' }],
    });
    expect(sale).toMatchObject({
      currency: 'USD',
      secondaryCurrency: 'VES',
      exchangeRate: '36.50',
      taxableBase: 1000,
      tax: 160,
      total: 1160,
      igtf: 35,
      due: 1195,
      paid: 1195,
      change: 0,
      number: 'A001-00000001',
    });
    const rate = { from: 'USD', to: 'VES', rate: sale.exchangeRate! };
    expect(
      [sale.taxableBase, sale.tax, sale.total].map((v) => convertAmount(v, rate, 'HALF_UP')),
    ).toEqual([36500, 5840, 42340]);

    // Paid in bolívares there is no IGTF: Bs 423.40 settles USD 11.60.
    const inBs = await till.call('sales.create', {
      id: till.uuid(),
      lines: [{ productId: p.id }],
      payments: [{ method: 'EFECTIVO', amount: 42340, currency: 'VES' }],
    });
    expect(inBs).toMatchObject({ total: 1160, igtf: 0, due: 1160, paid: 1160 });
    expect(inBs.payments[0]).toMatchObject({ currency: 'VES', tendered: 42340, amount: 1160 });

    // A rate sent with the sale overrides the store's for that sale, and must be a real rate.
    const zero = await till.fail('sales.create', {
      id: till.uuid(),
      lines: [{ productId: p.id }],
      payments: [{ method: 'EFECTIVO', amount: 1195, currency: 'USD' }],
      exchangeRate: '0',
    });
    expect(zero).toMatchObject({
      code: 'VALIDATION',
      details: { reason: 'INVALID_EXCHANGE_RATE' },
    });
    const own = await till.call('sales.create', {
      id: till.uuid(),
      lines: [{ productId: p.id }],
      payments: [{ method: 'EFECTIVO', amount: 46400, currency: 'VES' }],
      exchangeRate: '40.00',
    });
    expect(own).toMatchObject({ exchangeRate: '40.00', total: 1160, igtf: 0, paid: 1160 });

    const x = await till.call('cash.report', {});
    expect(x).toMatchObject({ currency: 'USD', igtf: 35, sales: { count: 3, total: 3480 } });
    expect(x.byMethod).toEqual([
      { method: 'EFECTIVO', currency: 'VES', count: 2, amount: 2320 },
      { method: 'EFECTIVO', currency: 'USD', count: 1, amount: 1195 },
    ]);

    // A sale keeps the rate it locked; a new rate applies to new sales only.
    await till.call('settings.update', { exchangeRate: '40.00' });
    expect((await till.call('sales.get', { id: sale.id })).exchangeRate).toBe('36.50');
  });

  it('VE: selling in bolívares with a second currency also needs the rate', async () => {
    till = await setUpTill('VE', { timeZone: 'America/Caracas' });
    const p = await product(till, { code: 'P', price: 10000, stock: 10 });
    await openSession(till, 0);
    const error = await till.fail('sales.create', {
      id: till.uuid(),
      lines: [{ productId: p.id }],
      payments: [{ method: 'EFECTIVO', amount: 20000 }],
    });
    expect(error.details).toMatchObject({ reason: 'EXCHANGE_RATE_REQUIRED' });
    await till.call('settings.update', { exchangeRate: '36.50' });
    const sale = await sell(till, [{ productId: p.id }]);
    expect(sale).toMatchObject({ currency: 'VES', total: 11600, exchangeRate: '36.50', igtf: 0 });
  });
});
