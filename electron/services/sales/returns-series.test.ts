/**
 * SUNAT: a credit note takes the letter of the document it corrects, an F
 * series on a factura and a B series on a boleta (issue 15). Every note used to
 * take BC01, so a note on a factura was rejected.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { customer, openSession, product, sell } from '../../testing/fixtures';
import { setUpTill, type Till } from '../../testing/till';

let till: Till;
let p: number;

beforeEach(async () => {
  till = await setUpTill('PE');
  p = (await product(till, { code: 'P', name: 'Polo', price: 999, stock: 10 })).id;
  await openSession(till, 10000);
});
afterEach(() => till.close());

function giveBackAll(sale: Awaited<ReturnType<typeof sell>>) {
  return till.call('sales.return', {
    id: till.uuid(),
    saleId: sale.id,
    reason: 'Producto fallado',
    lines: sale.lines.map((l) => ({ saleLineId: l.id, quantity: l.quantity })),
  });
}

describe('credit note series', () => {
  it('numbers a note on a factura in FC01 and one on a boleta in BC01, each on its own', async () => {
    const rosa = await customer(till, {
      name: 'Rosa Flores',
      documentType: 'RUC',
      documentNumber: '20512345678',
    });
    const factura = await sell(till, [{ productId: p }], {
      documentType: 'FACTURA',
      customerId: rosa.id,
    });
    const boleta = await sell(till, [{ productId: p }]);
    const factura2 = await sell(till, [{ productId: p }], {
      documentType: 'FACTURA',
      customerId: rosa.id,
    });

    expect((await giveBackAll(factura)).number).toBe('FC01-00000001');
    expect((await giveBackAll(boleta)).number).toBe('BC01-00000001');
    expect((await giveBackAll(factura2)).number).toBe('FC01-00000002');

    const [register] = await till.call('registers.list', {});
    expect(
      register!.series
        .filter((s) => s.documentType === 'NOTA_CREDITO')
        .map((s) => [s.appliesTo ?? null, s.series, s.last]),
    ).toEqual([
      [null, 'BC01', 1],
      ['FACTURA', 'FC01', 2],
    ]);
  });

  it('gives a till set up before notes had their own series its FC01 at the first note', async () => {
    till.db.sqlite.prepare("DELETE FROM document_series WHERE applies_to = 'FACTURA'").run();
    const rosa = await customer(till, {
      name: 'Rosa Flores',
      documentType: 'RUC',
      documentNumber: '20512345678',
    });
    const factura = await sell(till, [{ productId: p }], {
      documentType: 'FACTURA',
      customerId: rosa.id,
    });
    expect((await giveBackAll(factura)).number).toBe('FC01-00000001');
  });

  it("a factura's note series can be renamed before its first use, apart from the boleta's", async () => {
    const [register] = await till.call('registers.list', {});
    const updated = await till.call('registers.updateSeries', {
      registerId: register!.id,
      documentType: 'NOTA_CREDITO',
      appliesTo: 'FACTURA',
      series: 'FN01',
    });
    expect(
      updated.series
        .filter((s) => s.documentType === 'NOTA_CREDITO')
        .map((s) => [s.appliesTo ?? null, s.series]),
    ).toEqual([
      [null, 'BC01'],
      ['FACTURA', 'FN01'],
    ]);
  });
});
