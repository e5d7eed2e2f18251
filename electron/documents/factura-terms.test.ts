/**
 * What a factura owes its customer on paper, read back from the real PDF: the
 * customer's address and the payment terms ("Forma de pago: Contado", or
 * "Crédito" with what is left to pay). Credit notes print on their own paper,
 * with their own number. Pages go to e2e/screenshots/documents/.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { SaleDocumentFormat } from '../../core/api/areas/documents';
import { openSession, product, sell } from '../testing/fixtures';
import { setUpTill, type Till } from '../testing/till';
import { closeRenderPool } from './handlers';
import { flat, hasRow, pdfBytes, pdfText, snapshot } from './testing';

let till: Till | undefined;
afterEach(() => till?.close());
afterAll(() => closeRenderPool());

async function shop() {
  const t = await setUpTill('PE');
  await t.call('settings.update', { address: 'Av. Grau 123, Miraflores, Lima' });
  const oil = await product(t, { code: 'ACE', name: 'Aceite Primor 1 L', price: 1180, stock: 20 });
  const company = await t.call('customers.create', {
    name: 'Inversiones Andinas S.A.C.',
    documentType: 'RUC',
    documentNumber: '20512345678',
    address: 'Jr. Junín 456, Cercado de Lima',
  });
  await openSession(t);
  return { t, oil, company };
}

async function textOf(
  t: Till,
  channel: 'documents.sale' | 'documents.saleReturn',
  input: { saleId: string } | { returnId: string },
  format: SaleDocumentFormat,
  name: string,
) {
  const doc = await t.call(channel, { ...input, format } as never);
  const pdf = pdfBytes(doc);
  snapshot(name, pdf);
  return pdfText(pdf);
}

describe('the factura', () => {
  it("prints the customer's address and Forma de pago: Contado", async () => {
    const { t, oil, company } = await shop();
    till = t;
    const sale = await sell(t, [{ productId: oil.id, quantity: 2 }], {
      documentType: 'FACTURA',
      customerId: company.id,
      payments: [{ method: 'EFECTIVO', amount: 5000 }],
    });
    for (const format of ['A4', '80mm'] as const) {
      const text = await textOf(
        t,
        'documents.sale',
        { saleId: sale.id },
        format,
        `pe-factura-contado-${format}`,
      );
      expect(text).toContain('F001-00000001');
      expect(flat(text)).toContain('Dirección Jr. Junín 456, Cercado de Lima');
      expect(hasRow(text, 'Forma de pago', 'Contado')).toBe(true);
      expect(text).not.toContain('Crédito');
    }
  });

  it('on credit prints Forma de pago: Crédito and the amount pending', async () => {
    const { t, oil, company } = await shop();
    till = t;
    const sale = await sell(t, [{ productId: oil.id, quantity: 3 }], {
      documentType: 'FACTURA',
      customerId: company.id,
      payments: [{ method: 'EFECTIVO', amount: 1000 }, { method: 'CREDITO' }],
    });
    expect(sale.balance).toBe(2540);
    const text = await textOf(t, 'documents.sale', { saleId: sale.id }, 'A4', 'pe-factura-credito');
    expect(hasRow(text, 'Forma de pago', 'Crédito')).toBe(true);
    expect(hasRow(text, 'Pendiente de pago', 'S/ 25.40')).toBe(true);
    expect(text).not.toContain('Contado');
  });

  it('a boleta to a walk-in customer prints no address and no payment terms', async () => {
    const { t, oil } = await shop();
    till = t;
    const sale = await sell(t, [{ productId: oil.id }]);
    const text = await textOf(t, 'documents.sale', { saleId: sale.id }, 'A4', 'pe-boleta-plain');
    expect(text).toContain('BOLETA DE VENTA');
    expect(text).not.toContain('Dirección');
    expect(text).not.toContain('Forma de pago');
  });
});

describe('the credit note', () => {
  it('prints as NOTA DE CRÉDITO with its own number, on every format, naming the factura', async () => {
    const { t, oil, company } = await shop();
    till = t;
    const sale = await sell(t, [{ productId: oil.id, quantity: 3 }], {
      documentType: 'FACTURA',
      customerId: company.id,
      payments: [{ method: 'EFECTIVO', amount: 5000 }],
    });
    const creditNote = await t.call('sales.return', {
      id: t.uuid(),
      saleId: sale.id,
      reason: 'Envase dañado',
      lines: [{ saleLineId: sale.lines[0]!.id, quantity: 1 }],
    });
    for (const format of ['80mm', '58mm', 'A4'] as const) {
      const text = await textOf(
        t,
        'documents.saleReturn',
        { returnId: creditNote.id },
        format,
        `pe-nota-credito-${format}`,
      );
      expect(text).toContain('NOTA DE CRÉDITO');
      expect(text).toContain(creditNote.number);
      expect(flat(text)).toContain(`FACTURA ${sale.number}`);
      expect(flat(text)).toContain('Envase dañado');
    }
  });
});
