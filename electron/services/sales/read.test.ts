import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actingAs, customer, openSession, product, sell, user } from '../../testing/fixtures';
import { setUpTill, type Till } from '../../testing/till';

let till: Till;
let p: number;

const HOUR = 3_600_000;

beforeEach(async () => {
  till = await setUpTill('PE'); // America/Lima, UTC−5; the clock starts 2026-03-06 10:30 local.
  p = (await product(till, { code: 'P', price: 1000, stock: 100 })).id;
  await openSession(till);
});
afterEach(() => till.close());

describe('sales.get', () => {
  it('finds a sale by id and by number, and says NOT_FOUND otherwise', async () => {
    const sale = await sell(till, [{ productId: p, quantity: 2 }], { notes: 'entregar' });
    expect(await till.call('sales.get', { id: sale.id })).toEqual(sale);
    expect(await till.call('sales.get', { number: 'B001-00000001' })).toEqual(sale);
    expect(sale).toMatchObject({
      notes: 'entregar',
      localDate: '2026-03-06',
      registerCode: 'CAJA1',
    });
    expect((await till.fail('sales.get', { id: till.uuid() })).code).toBe('NOT_FOUND');
    expect((await till.fail('sales.get', { number: 'B001-00000099' })).code).toBe('NOT_FOUND');
    expect((await till.fail('sales.get', { id: 'not-a-uuid' })).code).toBe('VALIDATION');
  });
});

describe('sales.list', () => {
  async function day() {
    await user(till, 'Carla', 'cashier', '1111');
    const rosa = await customer(till, {
      name: 'Rosa Flores',
      documentType: 'DNI',
      documentNumber: '40123456',
    });
    const s1 = await sell(till, [{ productId: p }], { customerName: 'Juan Pérez' });
    till.clock.advance(HOUR);
    const s2 = await sell(till, [{ productId: p, quantity: 2 }], { customerId: rosa.id });
    till.clock.advance(HOUR);
    const s3 = await actingAs(till, 'Carla', '1111', () =>
      sell(till, [{ productId: p, quantity: 3 }], { notes: 'pedido 55%' }),
    );
    // 22:00 in Lima is 03:00 UTC of the next day: still the store's 6 March.
    till.clock.now = new Date('2026-03-07T03:00:00.000Z');
    const s4 = await sell(till, [{ productId: p }]);
    till.clock.now = new Date('2026-03-07T15:00:00.000Z');
    const s5 = await sell(till, [{ productId: p }, { productId: p }]);
    await till.call('sales.void', { id: s2.id, reason: 'x' });
    return { rosa, s1, s2, s3, s4, s5 };
  }

  it('lists newest first with page totals', async () => {
    const { s1, s2, s3, s4, s5 } = await day();
    const all = await till.call('sales.list', {});
    expect(all.total).toBe(5);
    expect(all.items.map((s) => s.id)).toEqual([s5.id, s4.id, s3.id, s2.id, s1.id]);
    expect(all.items[0]).toMatchObject({ total: 2000, lineCount: 2, status: 'COMPLETADA' });
    const page2 = await till.call('sales.list', { page: 2, pageSize: 2 });
    expect(page2).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(page2.items.map((s) => s.id)).toEqual([s3.id, s2.id]);
    const page3 = await till.call('sales.list', { page: 3, pageSize: 2 });
    expect(page3.items.map((s) => s.id)).toEqual([s1.id]);
    expect((await till.call('sales.list', { page: 4, pageSize: 2 })).items).toEqual([]);
  });

  it('lists each sale with its credit notes, and finds a sale by a credit note number', async () => {
    const sold = await sell(till, [{ productId: p, quantity: 3 }]);
    const other = await sell(till, [{ productId: p }]);
    const giveBack = () =>
      till.call('sales.return', {
        id: till.uuid(),
        saleId: sold.id,
        reason: 'Fallado',
        lines: [{ saleLineId: sold.lines[0]!.id, quantity: 1 }],
      });
    const first = await giveBack();
    till.clock.advance(HOUR);
    const second = await giveBack();
    const all = await till.call('sales.list', {});
    expect(all.items.map((s) => [s.id, s.creditNotes])).toEqual([
      [other.id, []],
      [
        sold.id,
        [
          { id: first.id, number: 'BC01-00000001' },
          { id: second.id, number: 'BC01-00000002' },
        ],
      ],
    ]);
    const found = await till.call('sales.list', { text: 'BC01-00000002' });
    expect(found.items.map((s) => s.id)).toEqual([sold.id]);
  });

  it("filters by the store's local day, inclusive", async () => {
    const { s1, s2, s3, s4, s5 } = await day();
    const sixth = await till.call('sales.list', { from: '2026-03-06', to: '2026-03-06' });
    expect(sixth.items.map((s) => s.id)).toEqual([s4.id, s3.id, s2.id, s1.id]);
    const seventh = await till.call('sales.list', { from: '2026-03-07' });
    expect(seventh.items.map((s) => s.id)).toEqual([s5.id]);
    expect((await till.call('sales.list', { to: '2026-03-05' })).total).toBe(0);
  });

  it('filters by status, customer, cashier and text', async () => {
    const { rosa, s2, s3, s1 } = await day();
    const voided = await till.call('sales.list', { status: 'ANULADA' });
    expect(voided.items.map((s) => s.id)).toEqual([s2.id]);
    expect((await till.call('sales.list', { status: 'COMPLETADA' })).total).toBe(4);
    const byCustomer = await till.call('sales.list', { customerId: rosa.id });
    expect(byCustomer.items.map((s) => [s.id, s.customerName])).toEqual([[s2.id, 'Rosa Flores']]);
    const carla = (await till.call('users.list', {})).find((u) => u.name === 'Carla')!;
    const byCashier = await till.call('sales.list', { cashierId: carla.id });
    expect(byCashier.items.map((s) => [s.id, s.cashier.name])).toEqual([[s3.id, 'Carla']]);
    const text = async (t: string) =>
      (await till.call('sales.list', { text: t })).items.map((s) => s.id);
    expect(await text('pérez')).toEqual([s1.id]);
    expect(await text('40123')).toEqual([s2.id]);
    expect(await text('00000003')).toEqual([s3.id]);
    expect(await text('55%')).toEqual([s3.id]);
    expect(await text('%')).toEqual([s3.id]);
    expect(await text('nadie')).toEqual([]);
  });
});
