import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  auditRows,
  countRows,
  customer,
  ledgerMismatches,
  openSession,
  product,
  sell,
  stockOf,
  user,
  actingAs,
} from '../../testing/fixtures';
import { setUpTill, type Till } from '../../testing/till';

let till: Till;
let a: number;
let b: number;

beforeEach(async () => {
  till = await setUpTill('PE');
  a = (await product(till, { code: 'A', name: 'Arroz', price: 1000, stock: 10 })).id;
  b = (await product(till, { code: 'B', name: 'Azúcar', price: 500, stock: 10 })).id;
  await openSession(till);
});
afterEach(() => till.close());

function editMovements(saleId: string) {
  return till.db.sqlite
    .prepare(
      "SELECT product_id AS productId, quantity FROM stock_movements WHERE sale_id = ? AND kind = 'EDIT' ORDER BY id",
    )
    .all(saleId);
}

describe('sales.update', () => {
  it('needs a reason', async () => {
    const sale = await sell(till, [{ productId: a }]);
    for (const reason of [undefined, '', '   ']) {
      const error = await till.fail('sales.update', { id: sale.id, reason, customerName: 'X' });
      expect(error.code).toBe('VALIDATION');
    }
    expect((await till.call('sales.get', { id: sale.id })).status).toBe('COMPLETADA');
  });

  it('changes the payment method and the X report follows', async () => {
    const sale = await sell(till, [{ productId: a, quantity: 2 }]);
    const edited = await till.call('sales.update', {
      id: sale.id,
      reason: 'Pagó con tarjeta',
      payments: [{ method: 'TARJETA', amount: 2000, reference: 'POS-9' }],
    });
    expect(edited).toMatchObject({
      status: 'EDITADA',
      number: sale.number,
      total: 2000,
      paid: 2000,
      edit: { reason: 'Pagó con tarjeta', by: 1 },
    });
    expect(edited.payments.map((p) => [p.method, p.amount, p.reference])).toEqual([
      ['TARJETA', 2000, 'POS-9'],
    ]);
    expect(countRows(till, 'payments')).toBe(1);
    const x = await till.call('cash.report', {});
    expect(x.byMethod.map((m) => [m.method, m.amount])).toEqual([['TARJETA', 2000]]);
    expect(x.cash.expected).toBe(10000);
    expect(await stockOf(till, a)).toBe(8);
  });

  it('changes the customer, registered or quick', async () => {
    const sale = await sell(till, [{ productId: a }], { customerName: 'Juan' });
    const c = await customer(till, {
      name: 'Rosa Flores',
      documentType: 'DNI',
      documentNumber: '40123456',
    });
    const registered = await till.call('sales.update', {
      id: sale.id,
      reason: 'Cliente registrado',
      customerId: c.id,
    });
    expect(registered.customer).toEqual({
      id: c.id,
      name: 'Rosa Flores',
      documentType: 'DNI',
      documentNumber: '40123456',
    });
    const quick = await till.call('sales.update', {
      id: sale.id,
      reason: 'Otro cliente',
      customerId: null,
      customerName: 'Pedro',
    });
    expect(quick.customer).toEqual({
      id: null,
      name: 'Pedro',
      documentType: null,
      documentNumber: null,
    });
    expect(quick.total).toBe(1000);
  });

  it("refuses a cashier's change to the customer or payments of an issued boleta or factura", async () => {
    await user(till, 'Carla', 'cashier', '1111');
    await user(till, 'Sergio', 'supervisor', '2222');
    const ruc = await customer(till, {
      name: 'Bodega SAC',
      documentType: 'RUC',
      documentNumber: '20123456789',
    });
    // Her own sales: editing another cashier's sale is a refusal of its own.
    const [boleta, factura, ticket] = await actingAs(till, 'Carla', '1111', async () => [
      await sell(till, [{ productId: a }], { customerName: 'Juan' }),
      await sell(till, [{ productId: a }], { documentType: 'FACTURA', customerId: ruc.id }),
      await sell(till, [{ productId: a }], { documentType: 'TICKET' }),
    ]);
    await actingAs(till, 'Carla', '1111', async () => {
      for (const [sale, change] of [
        [boleta, { customerName: 'Pedro' }],
        [boleta, { payments: [{ method: 'TARJETA', amount: 1000 }] }],
        [factura, { customerId: null, customerName: 'Otro' }],
        [factura, { payments: [{ method: 'QR', amount: 1000 }] }],
      ] as const) {
        const error = await till.fail('sales.update', { id: sale.id, reason: 'x', ...change });
        expect(error).toMatchObject({
          code: 'FORBIDDEN',
          details: { reason: 'ISSUED_DOCUMENT', number: sale.number },
        });
        expect(error.message).toMatch(/credit note/);
        expect(error.message).toMatch(/supervisor/);
        expect(await till.call('sales.get', { id: sale.id })).toEqual(sale);
      }
      // A supervisor's PIN on the cashier's edit does not lift it: the fix is a credit note.
      const authorized = await till.fail('sales.update', {
        id: boleta.id,
        reason: 'x',
        customerName: 'Pedro',
        authorizedBy: { name: 'Sergio', pin: '2222' },
      });
      expect(authorized.details).toMatchObject({ reason: 'ISSUED_DOCUMENT' });
      // The shop's own nota de venta can still be corrected by the cashier.
      const renamed = await till.call('sales.update', {
        id: ticket.id,
        reason: 'Nombre',
        customerName: 'Pedro',
      });
      expect(renamed).toMatchObject({ status: 'EDITADA', customer: { name: 'Pedro' } });
      // Re-sending the same customer is no change, so the boleta's note still saves.
      const same = await till.call('sales.update', {
        id: boleta.id,
        reason: 'Sin cambios de cliente',
        customerName: 'Juan',
      });
      expect(same.customer.name).toBe('Juan');
    });
    // Two audit rows for the two edits that went through; the refusals changed nothing.
    expect(countRows(till, 'audit_log', "action = 'sales.update' AND outcome = 'ok'")).toBe(2);
    // A supervisor (here the admin) may still correct it, audited.
    const fixed = await till.call('sales.update', {
      id: boleta.id,
      reason: 'Pagó con tarjeta',
      payments: [{ method: 'TARJETA', amount: 1000 }],
    });
    expect(fixed.payments.map((p) => p.method)).toEqual(['TARJETA']);
  });

  it('moves stock by the difference when line quantities change', async () => {
    const sale = await sell(till, [
      { productId: a, quantity: 2 },
      { productId: b, quantity: 1 },
    ]);
    const [lineA, lineB] = sale.lines;
    const more = await till.call('sales.update', {
      id: sale.id,
      reason: 'Llevó más arroz',
      lines: [
        { lineId: lineA!.id, quantity: 5 },
        { lineId: lineB!.id, quantity: 1 },
      ],
      payments: [{ method: 'EFECTIVO', amount: 5500 }],
    });
    expect(more).toMatchObject({ total: 5500, paid: 5500 });
    expect(await stockOf(till, a)).toBe(5);
    expect(await stockOf(till, b)).toBe(9);
    expect(editMovements(sale.id)).toEqual([{ productId: a, quantity: -3000 }]);

    const less = await till.call('sales.update', {
      id: sale.id,
      reason: 'Devolvió el azúcar antes de salir',
      lines: [{ lineId: more.lines[0]!.id, quantity: 1 }],
      payments: [{ method: 'EFECTIVO', amount: 1000 }],
    });
    expect(less.lines.map((l) => [l.code, l.quantity, l.total])).toEqual([['A', 1, 1000]]);
    expect(await stockOf(till, a)).toBe(9);
    expect(await stockOf(till, b)).toBe(10);
    expect(editMovements(sale.id)).toEqual([
      { productId: a, quantity: -3000 },
      { productId: a, quantity: 4000 },
      { productId: b, quantity: 1000 },
    ]);
    expect(ledgerMismatches(till)).toEqual([]);
  });

  it('adds a new line and keeps the snapshot of kept lines', async () => {
    const sale = await sell(till, [{ productId: a }]);
    await till.call('products.update', { id: a, price: 9999, name: 'Arroz caro' });
    const edited = await till.call('sales.update', {
      id: sale.id,
      reason: 'Agregó azúcar',
      lines: [{ lineId: sale.lines[0]!.id }, { productId: b, quantity: 2 }],
      payments: [{ method: 'EFECTIVO', amount: 2000 }],
    });
    expect(edited.lines.map((l) => [l.name, l.unitPrice, l.quantity, l.total])).toEqual([
      ['Arroz', 1000, 1, 1000],
      ['Azúcar', 500, 2, 1000],
    ]);
    expect(await stockOf(till, b)).toBe(8);
  });

  it('refuses an edit that needs stock that is not there, changing nothing', async () => {
    const sale = await sell(till, [{ productId: a, quantity: 2 }]);
    const error = await till.fail('sales.update', {
      id: sale.id,
      reason: 'Más',
      lines: [{ lineId: sale.lines[0]!.id, quantity: 13 }],
      payments: [{ method: 'EFECTIVO', amount: 13000 }],
    });
    expect(error.code).toBe('INSUFFICIENT_STOCK');
    expect(error.details).toMatchObject({ items: [{ productId: a, requested: 11, available: 8 }] });
    expect(await till.call('sales.get', { id: sale.id })).toEqual(sale);
    expect(await stockOf(till, a)).toBe(8);
  });

  it('refuses payments that no longer cover the new total', async () => {
    const sale = await sell(till, [{ productId: a }]);
    const error = await till.fail('sales.update', {
      id: sale.id,
      reason: 'Más',
      lines: [{ lineId: sale.lines[0]!.id, quantity: 2 }],
    });
    expect(error.details).toMatchObject({ reason: 'UNDERPAID', due: 2000, paid: 1000 });
    expect(await stockOf(till, a)).toBe(9);
  });

  it('is refused on a voided sale', async () => {
    const sale = await sell(till, [{ productId: a }]);
    await till.call('sales.void', { id: sale.id, reason: 'Error' });
    const error = await till.fail('sales.update', { id: sale.id, reason: 'x', customerName: 'Y' });
    expect(error).toMatchObject({ code: 'INVALID_STATE', details: { reason: 'SALE_VOIDED' } });
  });

  it('refuses money changes once the session is closed, but lets the customer change', async () => {
    const sale = await sell(till, [{ productId: a }]);
    await till.call('cash.close', { countedCash: 11000 });
    await openSession(till);
    for (const change of [
      { payments: [{ method: 'TARJETA', amount: 1000 }] },
      { lines: [{ lineId: sale.lines[0]!.id, quantity: 2 }] },
      { orderDiscount: 100 },
    ]) {
      const error = await till.fail('sales.update', { id: sale.id, reason: 'x', ...change });
      expect(error).toMatchObject({ code: 'INVALID_STATE', details: { reason: 'SESSION_CLOSED' } });
    }
    const renamed = await till.call('sales.update', {
      id: sale.id,
      reason: 'Nombre',
      customerName: 'Lucía',
    });
    expect(renamed).toMatchObject({ status: 'EDITADA', total: 1000, customer: { name: 'Lucía' } });
    expect(renamed.payments).toEqual(sale.payments);
    expect(await stockOf(till, a)).toBe(9);
  });

  it('records the sale before and after in the audit log', async () => {
    const sale = await sell(till, [{ productId: a }]);
    await till.call('sales.update', {
      id: sale.id,
      reason: 'Cambio de pago',
      payments: [{ method: 'QR', amount: 1000 }],
    });
    const [row] = auditRows(till, 'sales.update');
    expect(row).toMatchObject({ outcome: 'ok', reason: 'Cambio de pago', entity_id: sale.id });
    expect(row!.before).toMatchObject({ status: 'COMPLETADA', payments: [{ method: 'EFECTIVO' }] });
    expect(row!.after).toMatchObject({
      status: 'EDITADA',
      payments: [{ method: 'QR', amount: 1000 }],
    });
    expect(countRows(till, 'outbox', "type = 'sale.updated'")).toBe(1);
  });

  it('keeps a credit sale tied to a registered customer', async () => {
    const c = await customer(till, {
      name: 'Rosa',
      documentType: 'DNI',
      documentNumber: '40123456',
    });
    const sale = await sell(till, [{ productId: a }], {
      customerId: c.id,
      payments: [{ method: 'CREDITO' }],
    });
    expect(sale.balance).toBe(1000);
    const error = await till.fail('sales.update', {
      id: sale.id,
      reason: 'x',
      customerId: null,
      customerName: 'Anónimo',
    });
    expect(error.details).toMatchObject({ reason: 'CREDIT_NEEDS_CUSTOMER' });
    expect((await till.call('sales.get', { id: sale.id })).customer.id).toBe(c.id);
  });
});
