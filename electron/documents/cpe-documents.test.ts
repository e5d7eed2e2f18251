/**
 * The printed representation of a signed CPE: receipts (80/58 mm) and the A4
 * carry "Representación impresa…", the hash, and the SUNAT QR with the digest
 * (decoded from the rendered page). Pages go to e2e/screenshots/documents/.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { customer, sell } from '../testing/fixtures';
import type { Till } from '../testing/till';
import { einvoicingTill, storedCpes } from '../services/einvoice/testing';
import { closeRenderPool } from './handlers';
import { flat, pdfBytes, pdfText, readQr, snapshot } from './testing';

let till: Till | undefined;
afterEach(() => till?.close());
afterAll(() => closeRenderPool());

describe('the printed representation of a CPE (Peru)', () => {
  it('a boleta on 80 mm, 58 mm and A4 says so, prints the hash and the QR with the digest', async () => {
    till = (await einvoicingTill()).till;
    const buyer = await customer(till, {
      name: 'María Ñúñez Güemes',
      documentType: 'DNI',
      documentNumber: '45678912',
    });
    const sale = await sell(till, [{ productId: 1, quantity: 2 }, { productId: 2 }], {
      documentType: 'BOLETA',
      customerId: buyer.id,
    });
    const [cpe] = storedCpes(till);
    expect(cpe!.qrText).toContain('|1|45678912|');
    for (const format of ['80mm', '58mm', 'A4'] as const) {
      const doc = await till.call('documents.sale', { saleId: sale.id, format });
      const pdf = pdfBytes(doc);
      const text = flat(pdfText(pdf));
      expect(text, format).toContain('BOLETA DE VENTA ELECTRÓNICA');
      expect(text, format).toContain('Representación impresa de la boleta de venta electrónica');
      const pngs = snapshot(`cpe-boleta-${format}`, pdf);
      // The hash prints in two halves (a 58 mm roll would clip it whole).
      const half = cpe!.digest!.length / 2;
      expect(text, format).toContain(`Hash: ${cpe!.digest!.slice(0, half)}`);
      expect(text, format).toContain(cpe!.digest!.slice(half));
      expect(pngs.map(readQr).filter(Boolean), format).toContain(cpe!.qrText);
    }
  });

  it('a credit note prints its own CPE', async () => {
    till = (await einvoicingTill()).till;
    const sale = await sell(till, [{ productId: 1, quantity: 2 }], { documentType: 'BOLETA' });
    const credit = await till.call('sales.return', {
      id: till.uuid(),
      saleId: sale.id,
      lines: [{ saleLineId: sale.lines[0]!.id, quantity: 1 }],
      reason: 'Producto dañado',
      refundMethod: 'EFECTIVO',
    });
    const note = storedCpes(till).find((c) => c.returnId === credit.id)!;
    expect(note.state).toBe('PENDING');
    const doc = await till.call('documents.saleReturn', { returnId: credit.id, format: '80mm' });
    const pdf = pdfBytes(doc);
    const text = flat(pdfText(pdf));
    expect(text).toContain('Representación impresa de la nota de crédito electrónica');
    expect(text.replace(/\s/g, '')).toContain(`Hash:${note.digest!}`);
    expect(snapshot('cpe-credit-note-80mm', pdf).map(readQr)).toContain(note.qrText);
  });

  it('a sale without a CPE prints as before', async () => {
    till = (await einvoicingTill({ einvoicing: false })).till;
    const sale = await sell(till, [{ productId: 1 }], { documentType: 'BOLETA' });
    const doc = await till.call('documents.sale', { saleId: sale.id, format: '80mm' });
    expect(flat(pdfText(pdfBytes(doc)))).not.toContain('Representación impresa');
  });
});
