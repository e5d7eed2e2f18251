/** The wording rules behind every paper, without a database or a PDF. */
import { describe, expect, it } from 'vitest';
import { documentFormat } from '../format';
import { SAMPLE_STORE } from '../testing';
import { customerRows } from './common';
import { qrText, type QrSubject } from './qr-text';
import { taxBlock, type TaxAmounts } from './tax-block';

const nbsp = (text: string) => text.replace(/\u00a0/g, ' ');
const rows = (block: ReturnType<typeof taxBlock>) =>
  block.totals.map((r) => nbsp(`${r.label}: ${r.value}`));

const AMOUNTS: TaxAmounts = {
  currency: 'VES',
  taxed: [{ rate: 1600, base: 36500, tax: 5840 }],
  taxableBase: 36500,
  exempt: 0,
  unaffected: 0,
  tax: 5840,
  fixedTaxes: [],
  fixedTax: 0,
  discount: 0,
  total: 42340,
  igtf: 0,
  due: 42340,
  secondaryCurrency: 'USD',
  exchangeRate: '36.50',
};

describe('tax blocks', () => {
  it('Venezuela selling in bolívares shows the dollars at the locked rate', () => {
    const block = taxBlock(
      'VE',
      AMOUNTS,
      documentFormat('es-VE', 'VES', 'America/Caracas'),
      'HALF_UP',
    );
    expect(rows(block)).toEqual([
      'Base imponible: Bs 365,00',
      'IVA 16 %: Bs 58,40',
      'Total: Bs 423,40',
      'Equivalente en USD: ',
      'Base imponible: US$ 10,00',
      'IVA 16 %: US$ 1,60',
      'Total: US$ 11,60',
    ]);
    expect(block.legends).toEqual(['Tasa de cambio: 36,50 Bs/USD']);
  });

  it('a store outside the five countries lists each rate, exempt and not taxed apart', () => {
    const block = taxBlock(
      'GENERIC',
      {
        ...AMOUNTS,
        currency: 'USD',
        secondaryCurrency: null,
        exchangeRate: null,
        exempt: 500,
        unaffected: 250,
        total: 43090,
        due: 43090,
        discount: 100,
      },
      documentFormat('en-US', 'USD', 'UTC'),
      'HALF_UP',
    );
    expect(rows(block)).toEqual([
      'Descuentos: $1.00',
      'Subtotal: $365.00',
      'Impuesto 16%: $58.40',
      'Exento: $5.00',
      'No gravado: $2.50',
      'TOTAL: $430.90',
    ]);
  });
});

describe('QR contents', () => {
  const subject: QrSubject = {
    id: '0f5e1c7a-1111-4222-8333-444455556666',
    documentType: 'BOLETA',
    number: 'B001-00000123',
    correlative: 123,
    currency: 'PEN',
    tax: 4500,
    total: 29500,
    date: '2026-03-06',
    customerDocumentType: 'CE',
    customerDocumentNumber: 'X12345',
  };

  it("Peru: SUNAT's identity codes (4 carné de extranjería) and a ticket's 12", () => {
    expect(qrText(SAMPLE_STORE, subject).text).toBe(
      '20601234567|03|B001|00000123|45.00|295.00|2026-03-06|4|X12345',
    );
    expect(
      qrText(SAMPLE_STORE, {
        ...subject,
        documentType: 'TICKET',
        number: 'NV01-00000007',
        customerDocumentType: null,
        customerDocumentNumber: null,
      }).text,
    ).toBe('20601234567|12|NV01|00000007|45.00|295.00|2026-03-06|-|-');
  });

  it('Bolivia: the SIAT URL, its parameters escaped', () => {
    const bo = { ...SAMPLE_STORE, country: 'BO' as const, taxId: '1020 304&5', taxIdLabel: 'NIT' };
    expect(qrText(bo, subject).text).toBe(
      `https://siat.impuestos.gob.bo/consulta/QR?nit=1020+304%265&cuf=${subject.id}&numero=123&t=2`,
    );
  });
});

describe('the customer on a paper', () => {
  const nobody = { id: null, name: '', documentType: null, documentNumber: null };

  it('names a sale without a customer "Cliente varios", as the till does', () => {
    expect(customerRows(SAMPLE_STORE, nobody)).toEqual([
      { label: 'Cliente', value: 'Cliente varios' },
    ]);
    expect(customerRows({ ...SAMPLE_STORE, country: 'VE' }, nobody)[0]?.value).toBe(
      'Cliente varios',
    );
  });

  it("keeps each country's own word where the tax authority asks for one", () => {
    expect(customerRows({ ...SAMPLE_STORE, country: 'CO' }, nobody)[0]?.value).toBe(
      'Consumidor final',
    );
  });
});
