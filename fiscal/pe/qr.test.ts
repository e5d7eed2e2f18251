import { describe, expect, it } from 'vitest';
import { makeTestCertificate } from './certificate';
import { buildInvoiceXml } from './invoice';
import { sunatQrText } from './qr';
import { signDocument } from './sign';
import { makeCreditNote, makeInvoice } from './testing';

describe('sunatQrText', () => {
  it('carries RUC, type, series, number, IGV, total, date, customer and the hash', () => {
    const factura = makeInvoice(
      [
        { quantity: 2000, unitPrice: 11800, taxCategory: 'IGV' },
        { quantity: 1000, unitPrice: 5900, taxCategory: 'IGV' },
        { quantity: 2000, unitPrice: 20, taxCategory: 'BOLSA' },
      ],
      { documentType: 'FACTURA', correlative: 123 },
    );
    const signed = signDocument(buildInvoiceXml(factura), makeTestCertificate({ bits: 1024 }));
    expect(sunatQrText(factura, signed.digestValue)).toBe(
      `20100070970|01|F001|123|45.06|296.40|2026-12-06|6|20512345678|${signed.digestValue}|`,
    );
  });

  it('writes "-" for an anonymous customer, and 07 for a credit note on a boleta', () => {
    const note = makeCreditNote([{ quantity: 1000, unitPrice: 1000, taxCategory: 'IGV' }], {
      reference: { documentType: 'BOLETA', number: 'B001-00000009' },
    });
    expect(sunatQrText(note, 'abc=')).toBe('20100070970|07|BC01|1|1.53|10.00|2026-12-06|-|-|abc=|');
  });
});
