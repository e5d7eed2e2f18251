import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  countRows,
  ledgerMismatches,
  openSession,
  product,
  sell,
  stockOf,
} from '../../testing/fixtures';
import { setUpTill, type Till } from '../../testing/till';

let till: Till;

beforeEach(async () => {
  till = await setUpTill('PE');
});
afterEach(() => till.close());

function seriesLast(type = 'BOLETA'): number {
  return (
    till.db.sqlite
      .prepare('SELECT last FROM document_series WHERE document_type = ?')
      .get(type) as { last: number }
  ).last;
}

describe('sales.create stock', () => {
  it('refuses the whole sale naming every short product, and changes nothing', async () => {
    const rice = await product(till, { code: 'ARROZ', name: 'Arroz 1kg', price: 450, stock: 2 });
    const oil = await product(till, { code: 'ACEITE', name: 'Aceite 1L', price: 990, stock: 1 });
    const salt = await product(till, { code: 'SAL', name: 'Sal', price: 150, stock: 50 });
    await openSession(till);
    await sell(till, [{ productId: salt.id }]);
    const before = {
      sales: countRows(till, 'sales'),
      outbox: countRows(till, 'outbox'),
      movements: countRows(till, 'stock_movements'),
      last: seriesLast(),
    };
    expect(before.last).toBe(1);

    const error = await till.fail('sales.create', {
      id: till.uuid(),
      lines: [
        { productId: salt.id, quantity: 3 },
        { productId: rice.id, quantity: 2 },
        { productId: oil.id, quantity: 2 },
        { productId: rice.id, quantity: 1 },
      ],
      payments: [{ method: 'EFECTIVO', amount: 100000 }],
    });
    expect(error.code).toBe('INSUFFICIENT_STOCK');
    expect(error.details).toEqual({
      items: [
        { productId: rice.id, code: 'ARROZ', name: 'Arroz 1kg', requested: 3, available: 2 },
        { productId: oil.id, code: 'ACEITE', name: 'Aceite 1L', requested: 2, available: 1 },
      ],
    });
    expect(error.message).toContain('Arroz 1kg');
    expect(error.message).toContain('Aceite 1L');

    expect(await stockOf(till, rice.id)).toBe(2);
    expect(await stockOf(till, oil.id)).toBe(1);
    expect(await stockOf(till, salt.id)).toBe(49);
    expect({
      sales: countRows(till, 'sales'),
      outbox: countRows(till, 'outbox'),
      movements: countRows(till, 'stock_movements'),
      last: seriesLast(),
    }).toEqual(before);
    expect(countRows(till, 'sale_lines')).toBe(1);
    expect(countRows(till, 'payments')).toBe(1);
    // The next sale takes the next number: nothing was burnt.
    expect((await sell(till, [{ productId: salt.id }])).number).toBe('B001-00000002');
  });

  it("sells into negative stock when the store's policy is 'allow'", async () => {
    const p = await product(till, { code: 'P', price: 100, stock: 1 });
    await till.call('settings.update', { negativeStock: 'allow' });
    await openSession(till);
    await sell(till, [{ productId: p.id, quantity: 3 }]);
    expect(await stockOf(till, p.id)).toBe(-2);
    expect(ledgerMismatches(till)).toEqual([]);
  });

  it("with 'per_product' only products that allow it go negative", async () => {
    const loose = await product(till, { code: 'L', price: 100, stock: 1, allowNegative: true });
    const strict = await product(till, { code: 'S', name: 'Estricto', price: 100, stock: 1 });
    await till.call('settings.update', { negativeStock: 'per_product' });
    await openSession(till);
    await sell(till, [{ productId: loose.id, quantity: 4 }]);
    expect(await stockOf(till, loose.id)).toBe(-3);
    const error = await till.fail('sales.create', {
      id: till.uuid(),
      lines: [
        { productId: loose.id, quantity: 1 },
        { productId: strict.id, quantity: 2 },
      ],
      payments: [{ method: 'EFECTIVO', amount: 300 }],
    });
    expect(error.code).toBe('INSUFFICIENT_STOCK');
    expect(
      (error.details as { items: { productId: number }[] }).items.map((i) => i.productId),
    ).toEqual([strict.id]);
    expect(await stockOf(till, loose.id)).toBe(-3);
    expect(await stockOf(till, strict.id)).toBe(1);
  });

  it("'block' ignores a product's allowNegative flag", async () => {
    const loose = await product(till, { code: 'L', price: 100, stock: 1, allowNegative: true });
    await openSession(till);
    const error = await till.fail('sales.create', {
      id: till.uuid(),
      lines: [{ productId: loose.id, quantity: 2 }],
      payments: [{ method: 'EFECTIVO', amount: 200 }],
    });
    expect(error.code).toBe('INSUFFICIENT_STOCK');
  });

  it('never checks nor moves the stock of services', async () => {
    const service = await product(till, {
      code: 'SERV',
      name: 'Recarga',
      price: 1000,
      trackStock: false,
    });
    await openSession(till);
    const sale = await sell(till, [{ productId: service.id, quantity: 5 }]);
    expect(sale.total).toBe(5000);
    expect(await stockOf(till, service.id)).toBe(0);
    expect(countRows(till, 'stock_movements', 'product_id = ?', service.id)).toBe(0);
  });

  it('sells weighed products by fractional quantity and refuses fractions of unit products', async () => {
    const cheese = await product(till, {
      code: 'QUESO',
      name: 'Queso fresco',
      price: 2400,
      stock: 10,
      soldBy: 'weight',
      cost: 1600,
    });
    const can = await product(till, { code: 'LATA', name: 'Atún', price: 650, stock: 10 });
    await openSession(till);
    const sale = await sell(till, [{ productId: cheese.id, quantity: 1.25 }]);
    expect(sale.lines[0]).toMatchObject({
      quantity: 1.25,
      soldBy: 'weight',
      gross: 3000,
      total: 3000,
    });
    expect(await stockOf(till, cheese.id)).toBe(8.75);
    const stored = till.db.sqlite
      .prepare('SELECT quantity, cost_total AS cost FROM sale_lines WHERE sale_id = ?')
      .get(sale.id);
    expect(stored).toEqual({ quantity: 1250, cost: 2000 });

    const error = await till.fail('sales.create', {
      id: till.uuid(),
      lines: [{ productId: can.id, quantity: 1.5 }],
      payments: [{ method: 'EFECTIVO', amount: 1000 }],
    });
    expect(error).toMatchObject({ code: 'VALIDATION', details: { reason: 'FRACTIONAL_UNITS' } });
    expect(await stockOf(till, can.id)).toBe(10);
    const tooFine = await till.fail('sales.create', {
      id: till.uuid(),
      lines: [{ productId: cheese.id, quantity: 1.2345 }],
      payments: [{ method: 'EFECTIVO', amount: 10000 }],
    });
    expect(tooFine.code).toBe('VALIDATION');
  });
});

describe('sales.create idempotency and snapshots', () => {
  it('creates one sale for the same id sent twice, with the same answer and stock moved once', async () => {
    const p = await product(till, { code: 'P', price: 1000, stock: 10 });
    await openSession(till);
    const input = {
      id: till.uuid(),
      lines: [{ productId: p.id, quantity: 2 }],
      payments: [{ method: 'EFECTIVO' as const, amount: 5000 }],
    };
    const first = await till.call('sales.create', input);
    till.clock.advance(5000);
    const second = await till.call('sales.create', input);
    expect(second).toEqual(first);
    expect(countRows(till, 'sales')).toBe(1);
    expect(countRows(till, 'payments')).toBe(1);
    expect(countRows(till, 'outbox', "type = 'sale.created'")).toBe(1);
    expect(countRows(till, 'stock_movements', "kind = 'SALE'")).toBe(1);
    expect(await stockOf(till, p.id)).toBe(8);
    expect(seriesLast()).toBe(1);
  });

  it('returns the first sale for a retry even if the session closed in between', async () => {
    const p = await product(till, { code: 'P', price: 1000, stock: 10 });
    await openSession(till);
    const input = {
      id: till.uuid(),
      lines: [{ productId: p.id }],
      payments: [{ method: 'EFECTIVO' as const, amount: 1000 }],
    };
    const first = await till.call('sales.create', input);
    await till.call('cash.close', { countedCash: 11000 });
    expect(await till.call('sales.create', input)).toEqual(first);
    expect(await stockOf(till, p.id)).toBe(9);
  });

  it('keeps the code, name, price, tax and cost of the product as sold', async () => {
    const p = await product(till, {
      code: 'LECHE',
      name: 'Leche entera',
      price: 420,
      cost: 300,
      stock: 10,
    });
    await openSession(till);
    const sale = await sell(till, [{ productId: p.id, quantity: 2 }]);
    await till.call('products.update', {
      id: p.id,
      code: 'LECHE2',
      name: 'Leche descremada',
      price: 500,
      cost: 380,
      taxCategory: 'EXONERADO',
    });
    const again = await till.call('sales.get', { id: sale.id });
    expect(again.lines[0]).toMatchObject({
      code: 'LECHE',
      name: 'Leche entera',
      unitPrice: 420,
      unitCost: 300,
      taxCategory: 'IGV',
      taxRate: 1800,
      total: 840,
    });
    expect(again.total).toBe(840);
    expect(again).toEqual(sale);
  });
});
