import { describe, expect, it } from 'vitest';
import { buildUpdate, editFormOf } from './edit-request';
import { makeSale } from './testing';

describe('the sales.update request', () => {
  const sale = makeSale();

  it('is nothing to send when nothing changed', () => {
    expect(buildUpdate(sale, { ...editFormOf(sale), reason: 'x' })).toBe('nothingChanged');
  });

  it('sends only the customer name for a name change', () => {
    const form = { ...editFormOf(sale), reason: ' Nombre mal escrito ', customerName: 'Juana' };
    expect(buildUpdate(sale, form)).toEqual({
      id: sale.id,
      reason: 'Nombre mal escrito',
      customerName: 'Juana',
    });
  });

  it('lets go of a registered customer when the name is changed', () => {
    const registered = makeSale({
      customer: { id: 4, name: 'José', documentType: 'DNI', documentNumber: '12345678' },
    });
    const update = buildUpdate(registered, {
      ...editFormOf(registered),
      reason: 'r',
      customerName: 'Otro',
    });
    expect(update).toMatchObject({ customerId: null, customerName: 'Otro' });
  });

  it('sends every kept line by its id when a quantity changes; 0 removes a line', () => {
    const form = { ...editFormOf(sale), reason: 'r', quantities: { 1: 2000, 2: 0 } };
    expect(buildUpdate(sale, form)).toEqual({
      id: sale.id,
      reason: 'r',
      lines: [{ lineId: 1, quantity: 2 }],
    });
    expect(buildUpdate(sale, { ...form, quantities: { 1: 0, 2: 0 } })).toBe('noLines');
  });

  it('sends added products by product id after the kept lines; 0 leaves one out', () => {
    const form = {
      ...editFormOf(sale),
      reason: 'Se llevó una bolsa',
      added: [
        { productId: 9, thousandths: 1500 },
        { productId: 10, thousandths: 0 },
      ],
    };
    expect(buildUpdate(sale, form)).toEqual({
      id: sale.id,
      reason: 'Se llevó una bolsa',
      lines: [
        { lineId: 1, quantity: 3 },
        { lineId: 2, quantity: 1.25 },
        { productId: 9, quantity: 1.5 },
      ],
    });
    // Every old line removed, one product added: still a sale with a line.
    expect(buildUpdate(sale, { ...form, quantities: { 1: 0, 2: 0 } })).toMatchObject({
      lines: [{ productId: 9, quantity: 1.5 }],
    });
    // An added product left at 0 is no change at all.
    expect(buildUpdate(sale, { ...form, added: [{ productId: 9, thousandths: 0 }] })).toBe(
      'nothingChanged',
    );
  });

  it('sends the payments when they change', () => {
    const form = editFormOf(sale);
    const payments = [
      { ...form.payments[0]!, method: 'TRANSFERENCIA' as const, amount: 3550, bank: 'BCP' },
    ];
    expect(buildUpdate(sale, { ...form, reason: 'r', payments })).toEqual({
      id: sale.id,
      reason: 'r',
      payments: [{ method: 'TRANSFERENCIA', amount: 3550, currency: 'PEN', bank: 'BCP' }],
    });
  });
});
