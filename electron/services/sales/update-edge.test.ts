import { afterEach, describe, expect, it } from 'vitest';
import {
  actingAs,
  auditRows,
  ledgerMismatches,
  openSession,
  product,
  sell,
  stockOf,
  user,
} from '../../testing/fixtures';
import { setUpTill, type Till } from '../../testing/till';

let till: Till;
afterEach(() => till.close());

describe('sales.update edge cases', () => {
  it("lets a kept line go negative under 'per_product' when its product allows it", async () => {
    till = await setUpTill('PE');
    await openSession(till);
    const loose = await product(till, { code: 'L', price: 100, stock: 2, allowNegative: true });
    await till.call('settings.update', { negativeStock: 'per_product' });
    const sale = await sell(till, [{ productId: loose.id, quantity: 2 }]);
    const edited = await till.call('sales.update', {
      id: sale.id,
      reason: 'Llevó más',
      lines: [{ lineId: sale.lines[0]!.id, quantity: 5 }],
      payments: [{ method: 'EFECTIVO', amount: 500 }],
    });
    expect(edited.total).toBe(500);
    expect(await stockOf(till, loose.id)).toBe(-3);
  });

  it('moves stock by what the sale actually took when a product starts tracking stock later', async () => {
    till = await setUpTill('PE');
    await openSession(till);
    const service = await product(till, { code: 'S', price: 100, trackStock: false });
    const sale = await sell(till, [{ productId: service.id, quantity: 2 }]);
    await till.call('products.update', { id: service.id, trackStock: true });
    await till.call('stock.adjust', { productId: service.id, counted: 10, reason: 'Conteo' });
    await till.call('sales.update', {
      id: sale.id,
      reason: 'Uno más',
      lines: [{ lineId: sale.lines[0]!.id, quantity: 3 }],
      payments: [{ method: 'EFECTIVO', amount: 300 }],
    });
    // Nothing was taken when it was sold untracked: the edited sale now takes its 3.
    expect(await stockOf(till, service.id)).toBe(7);
    await till.call('sales.void', { id: sale.id, reason: 'Anulada' });
    expect(await stockOf(till, service.id)).toBe(10);
    expect(ledgerMismatches(till)).toEqual([]);
  });

  it('voiding never "restores" stock that an untracked sale never took', async () => {
    till = await setUpTill('PE');
    await openSession(till);
    const service = await product(till, { code: 'S', price: 100, trackStock: false });
    const sale = await sell(till, [{ productId: service.id, quantity: 2 }]);
    await till.call('products.update', { id: service.id, trackStock: true });
    await till.call('sales.void', { id: sale.id, reason: 'Anulada' });
    expect(await stockOf(till, service.id)).toBe(0);
  });

  it('refuses a fractional quantity on a kept line of a unit product', async () => {
    till = await setUpTill('PE');
    await openSession(till);
    const p = await product(till, { code: 'U', price: 1000, stock: 10 });
    const sale = await sell(till, [{ productId: p.id, quantity: 2 }]);
    const error = await till.fail('sales.update', {
      id: sale.id,
      reason: 'x',
      lines: [{ lineId: sale.lines[0]!.id, quantity: 1.5 }],
      payments: [{ method: 'EFECTIVO', amount: 1500 }],
    });
    expect(error).toMatchObject({ code: 'VALIDATION', details: { reason: 'FRACTIONAL_UNITS' } });
    expect(await stockOf(till, p.id)).toBe(8);
  });

  it('changes only the payments of a sale with returns, keeping what was returned', async () => {
    till = await setUpTill('PE');
    await openSession(till);
    const p = await product(till, { code: 'U', price: 1000, stock: 10 });
    const sale = await sell(till, [{ productId: p.id, quantity: 2 }]);
    const lineId = sale.lines[0]!.id;
    await till.call('sales.return', {
      id: till.uuid(),
      saleId: sale.id,
      reason: 'Fallado',
      lines: [{ saleLineId: lineId, quantity: 1 }],
    });
    const discounted = await till.fail('sales.update', {
      id: sale.id,
      reason: 'x',
      orderDiscount: 100,
    });
    expect(discounted.details).toMatchObject({ reason: 'HAS_RETURNS' });
    const edited = await till.call('sales.update', {
      id: sale.id,
      reason: 'Pagó con QR',
      payments: [{ method: 'QR', amount: 2000 }],
    });
    expect(edited.lines).toEqual(sale.lines.map((l) => ({ ...l, returnedQuantity: 1 })));
    expect(edited.payments.map((p) => [p.method, p.amount])).toEqual([['QR', 2000]]);
    const again = await till.fail('sales.return', {
      id: till.uuid(),
      saleId: sale.id,
      reason: 'Otra vez',
      lines: [{ saleLineId: lineId, quantity: 2 }],
    });
    expect(again.details).toMatchObject({ reason: 'RETURN_EXCEEDS_SOLD' });
    expect(await stockOf(till, p.id)).toBe(9);
  });

  it('a customer-only edit never re-prices a sale, even after the store turns IGTF on', async () => {
    till = await setUpTill('VE', { currency: 'USD', timeZone: 'America/Caracas' });
    await till.call('settings.update', { exchangeRate: '36.50' });
    const p = await product(till, { code: 'P', price: 1000, stock: 10 });
    await openSession(till, 0);
    const sale = await till.call('sales.create', {
      id: till.uuid(),
      lines: [{ productId: p.id }],
      payments: [{ method: 'EFECTIVO', amount: 2000, currency: 'USD' }],
    });
    expect(sale).toMatchObject({ total: 1160, igtf: 0, change: 840 });
    await till.call('cash.close', { countedCash: 1160 });
    await till.call('settings.update', { igtfEnabled: true });
    const edited = await till.call('sales.update', {
      id: sale.id,
      reason: 'Nombre del cliente',
      customerName: 'Luis',
    });
    expect(edited).toMatchObject({ total: 1160, igtf: 0, due: 1160, paid: 1160, change: 840 });
    expect(edited.payments).toEqual(sale.payments);
  });

  it('applies a new order discount to the kept lines without moving stock', async () => {
    till = await setUpTill('PE');
    await openSession(till);
    const p = await product(till, { code: 'P', price: 1180, stock: 10 });
    const sale = await sell(till, [{ productId: p.id, quantity: 2 }]);
    const edited = await till.call('sales.update', {
      id: sale.id,
      reason: 'Descuento de cliente frecuente',
      orderDiscount: 360,
      payments: [{ method: 'EFECTIVO', amount: 2000 }],
    });
    // 23.60 − 3.60 = 20.00 → 16.95 + 3.05.
    expect(edited).toMatchObject({ orderDiscount: 360, total: 2000, taxableBase: 1695, tax: 305 });
    expect(edited.lines[0]).toMatchObject({ quantity: 2, orderDiscount: 360, total: 2000 });
    expect(await stockOf(till, p.id)).toBe(8);
  });

  it("refuses a cashier's price change on an edit unless a supervisor authorizes it", async () => {
    till = await setUpTill('PE');
    await user(till, 'Carla', 'cashier', '1111');
    await user(till, 'Sergio', 'supervisor', '2222');
    await openSession(till);
    const p = await product(till, { code: 'P', price: 1000, stock: 10 });
    // Her own sale: editing someone else's is a refusal of its own (supervision.test.ts).
    const sale = await actingAs(till, 'Carla', '1111', () => sell(till, [{ productId: p.id }]));
    const input = {
      id: sale.id,
      reason: 'Precio de oferta',
      lines: [{ lineId: sale.lines[0]!.id, unitPrice: 800 }],
      payments: [{ method: 'EFECTIVO', amount: 800 }],
    };
    const refused = await actingAs(till, 'Carla', '1111', () => till.fail('sales.update', input));
    expect(refused).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'PRICE_OVERRIDE' } });
    expect(auditRows(till, 'sales.update').map((r) => r.outcome)).toEqual(['denied']);
    expect((await till.call('sales.get', { id: sale.id })).total).toBe(1000);
    const edited = await actingAs(till, 'Carla', '1111', () =>
      till.call('sales.update', {
        ...input,
        authorizedBy: { name: 'Sergio', pin: '2222' },
      } as never),
    );
    expect(edited.lines[0]).toMatchObject({ unitPrice: 800, priceOverridden: true, total: 800 });
    // Changing only the quantity of an overridden line is no new override.
    const more = await actingAs(till, 'Carla', '1111', () =>
      till.call('sales.update', {
        id: sale.id,
        reason: 'Dos',
        lines: [{ lineId: edited.lines[0]!.id, quantity: 2 }],
        payments: [{ method: 'EFECTIVO', amount: 1600 }],
      }),
    );
    expect(more.total).toBe(1600);
  });
});
