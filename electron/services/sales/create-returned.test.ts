/**
 * sales.create returns the sale from the rows it has just written rather than
 * reading it back. These sales, varied in every way the rows can differ, check
 * that the value returned (and sent to the outbox) is the sale as stored.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Sale } from '../../../core/api/model';
import type { ChannelInput } from '../../../core/api/client';
import { customer, openSession, product } from '../../testing/fixtures';
import { setUpTill, type Till } from '../../testing/till';

let till: Till | undefined;
afterEach(() => till?.close());

/** Creates the sale and checks it against sales.get and its outbox event. */
async function createAndCompare(t: Till, input: Omit<ChannelInput<'sales.create'>, 'id'>) {
  const created = await t.call('sales.create', { id: t.uuid(), ...input });
  expect(created).toStrictEqual(await t.call('sales.get', { id: created.id }));
  const event = t.db.sqlite
    .prepare("SELECT payload FROM outbox WHERE type = 'sale.created' AND aggregate_id = ?")
    .get(created.id) as { payload: string };
  expect(JSON.parse(event.payload)).toStrictEqual(created);
  return created;
}

describe('sales.create returns the sale as stored', () => {
  it('PE: ICBPER, weighed goods, discounts, a changed price, a registered customer, split payments', async () => {
    till = await setUpTill('PE');
    const rice = await product(till, { code: 'ARROZ', price: 450, stock: 50, soldBy: 'weight' });
    const bag = await product(till, { code: 'BOLSA', price: 20, stock: 100, taxCategory: 'BOLSA' });
    const exempt = await product(till, {
      code: 'E',
      price: 500,
      stock: 5,
      taxCategory: 'EXONERADO',
    });
    const service = await product(till, { code: 'S', price: 1500, trackStock: false });
    const rosa = await customer(till, {
      name: 'Rosa Flores',
      documentType: 'RUC',
      documentNumber: '20512345678',
    });
    await openSession(till);
    const sale = await createAndCompare(till, {
      documentType: 'FACTURA',
      customerId: rosa.id,
      lines: [
        { productId: rice.id, quantity: 1.25, discount: 30 },
        { productId: bag.id, quantity: 2 },
        { productId: exempt.id, unitPrice: 450 },
        { productId: service.id },
        { productId: rice.id, quantity: 0.5 },
      ],
      orderDiscount: 100,
      payments: [
        { method: 'TARJETA', amount: 1000, reference: 'VISA 4242' },
        { method: 'TRANSFERENCIA', amount: 500, bank: 'BCP', reference: 'OP-1' },
        { method: 'EFECTIVO', amount: 5000 },
      ],
      notes: 'entregar en tienda',
    });
    expect(sale).toMatchObject({
      documentType: 'FACTURA',
      customer: { id: rosa.id, documentType: 'RUC' },
      fixedTaxes: [{ code: 'ICBPER', name: 'ICBPER', amount: 100 }],
    });
    expect(sale.lines.map((l) => l.priceOverridden)).toEqual([false, false, true, false, false]);
    expect(sale.change).toBeGreaterThan(0);
  });

  it('PE: on credit, with a quick name ignored for the registered customer', async () => {
    till = await setUpTill('PE');
    const p = await product(till, { code: 'P', price: 1180, stock: 10 });
    const juan = await customer(till, {
      name: 'Juan Pérez',
      documentType: 'DNI',
      documentNumber: '40123456',
    });
    await openSession(till);
    const sale = await createAndCompare(till, {
      customerId: juan.id,
      customerName: 'otro nombre',
      lines: [{ productId: p.id, quantity: 3 }],
      payments: [{ method: 'EFECTIVO', amount: 1000 }, { method: 'CREDITO' }],
    });
    expect(sale).toMatchObject({ balance: 2540, customer: { name: 'Juan Pérez' } });
  });

  it('CO: prices without IVA, rounded per unit, exempt and excluded goods', async () => {
    till = await setUpTill('CO', { timeZone: 'America/Bogota' });
    await till.call('settings.update', { pricesIncludeTax: false, roundingMethod: 'unit' });
    const a = await product(till, { code: 'A', price: 99900, stock: 10 });
    const b = await product(till, { code: 'B', price: 4990, stock: 10, taxCategory: 'IVA5' });
    const c = await product(till, { code: 'C', price: 2500, stock: 10, taxCategory: 'EXENTO' });
    const d = await product(till, { code: 'D', price: 1200, stock: 10, taxCategory: 'EXCLUIDO' });
    await openSession(till, 0);
    await createAndCompare(till, {
      customerName: '  Cliente de paso ',
      lines: [
        { productId: a.id, quantity: 2, discount: 1000 },
        { productId: b.id, quantity: 3 },
        { productId: c.id },
        { productId: d.id },
      ],
      payments: [
        { method: 'QR', amount: 100_000 },
        { method: 'EFECTIVO', amount: 200_000 },
      ],
    });
  });

  it('AR and BO: their own rates and numbering', async () => {
    till = await setUpTill('AR', { timeZone: 'America/Argentina/Buenos_Aires' });
    const ar = await product(till, { code: 'A', price: 12100, stock: 10, taxCategory: 'IVA105' });
    const ar2 = await product(till, { code: 'B', price: 1000, stock: 10, taxCategory: 'IVA27' });
    await openSession(till, 0);
    await createAndCompare(till, {
      lines: [{ productId: ar.id, quantity: 2 }, { productId: ar2.id }],
      orderDiscount: 500,
      payments: [{ method: 'EFECTIVO', amount: 30_000 }],
    });
    till.close();

    till = await setUpTill('BO', { timeZone: 'America/La_Paz' });
    const bo = await product(till, { code: 'A', price: 1130, stock: 10 });
    const bo2 = await product(till, { code: 'B', price: 700, stock: 10, taxCategory: 'EXENTO' });
    await openSession(till, 0);
    await createAndCompare(till, {
      lines: [{ productId: bo.id, quantity: 4 }, { productId: bo2.id }],
      payments: [{ method: 'EFECTIVO', amount: 5220 }],
    });
  });

  it('VE: a second currency, a locked rate and IGTF on the part paid in dollars', async () => {
    till = await setUpTill('VE', { currency: 'USD', timeZone: 'America/Caracas' });
    await till.call('settings.update', { exchangeRate: '36.50', igtfEnabled: true });
    const p = await product(till, { code: 'HARINA', price: 1000, stock: 10 });
    const q = await product(till, { code: 'ACEITE', price: 2450, stock: 10, taxCategory: 'IVA8' });
    await openSession(till, 0);
    const sale: Sale = await createAndCompare(till, {
      lines: [{ productId: p.id, quantity: 2 }, { productId: q.id }],
      payments: [
        { method: 'EFECTIVO', amount: 2000, currency: 'USD' },
        { method: 'EFECTIVO', amount: 150_000, currency: 'VES' },
      ],
      exchangeRate: '37.25',
    });
    expect(sale).toMatchObject({ secondaryCurrency: 'VES', exchangeRate: '37.25' });
    expect(sale.igtf).toBeGreaterThan(0);
  });
});
