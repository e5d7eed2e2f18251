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
      'Total antes de descuentos: $431.90',
      'Descuentos: − $1.00',
      'Gravado (sin impuesto): $365.00',
      'Impuesto 16%: $58.40',
      'Exento: $5.00',
      'No gravado: $2.50',
      'TOTAL: $430.90',
    ]);
  });
});

/** The money in a row's value, signed ("− S/ 1.00" is −100). */
function cents(value: string): number {
  const digits = Number(value.replace(/[^\d]/g, ''));
  return value.includes('−') ? -digits : digits;
}

describe('totals that add up', () => {
  const pe = (discount: number, pricesIncludeTax = true): TaxAmounts => ({
    ...AMOUNTS,
    currency: 'PEN',
    secondaryCurrency: null,
    exchangeRate: null,
    // Example 4 (an item and 2 bags with ICBPER), with a discount already taken.
    taxed: [{ rate: 1800, base: 534, tax: 96 }],
    taxableBase: 534,
    tax: 96,
    fixedTaxes: [{ code: 'ICBPER', name: 'ICBPER', amount: 100 }],
    fixedTax: 100,
    discount,
    pricesIncludeTax,
    total: 730,
    due: 730,
  });
  const fmt = documentFormat('es-PE', 'PEN', 'America/Lima');

  it('a Peruvian receipt says what each row is: before discounts, discounts, then the total broken down', () => {
    const block = taxBlock('PE', pe(50), fmt, 'HALF_UP');
    expect(rows(block)).toEqual([
      'Total antes de descuentos: S/ 6.80',
      'Descuentos: − S/ 0.50',
      'Op. gravadas (sin IGV): S/ 5.34',
      'Op. exoneradas: S/ 0.00',
      'Op. inafectas: S/ 0.00',
      'IGV 18 %: S/ 0.96',
      'ICBPER: S/ 1.00',
      'TOTAL: S/ 7.30',
    ]);
    const v = Object.fromEntries(block.totals.map((r) => [nbsp(r.label), cents(r.value)]));
    // Before discounts − discounts + the per-bag tax = TOTAL; and the breakdown = TOTAL.
    expect(v['Total antes de descuentos']! + v['Descuentos']! + v['ICBPER']!).toBe(v['TOTAL']);
    expect(
      v['Op. gravadas (sin IGV)']! +
        v['Op. exoneradas']! +
        v['Op. inafectas']! +
        v['IGV 18 %']! +
        v['ICBPER']!,
    ).toBe(v['TOTAL']);
  });

  it('with prices without tax the subtotal before discounts is without tax too', () => {
    const block = taxBlock('PE', pe(50, false), fmt, 'HALF_UP');
    expect(rows(block).slice(0, 3)).toEqual([
      'Subtotal antes de descuentos (sin impuesto): S/ 5.84',
      'Descuentos: − S/ 0.50',
      'Op. gravadas (sin IGV): S/ 5.34',
    ]);
  });

  it('no discount, no rows about discounts', () => {
    expect(rows(taxBlock('PE', pe(0), fmt, 'HALF_UP'))[0]).toBe('Op. gravadas (sin IGV): S/ 5.34');
  });

  it('Colombia lists exento and excluido as parts of the subtotal, not on top of it', () => {
    const block = taxBlock(
      'CO',
      {
        ...AMOUNTS,
        currency: 'COP',
        secondaryCurrency: null,
        exchangeRate: null,
        taxed: [{ rate: 1900, base: 1000000, tax: 190000 }],
        taxableBase: 1000000,
        exempt: 50000,
        unaffected: 20000,
        tax: 190000,
        total: 1260000,
        due: 1260000,
      },
      documentFormat('es-CO', 'COP', 'America/Bogota'),
      'HALF_UP',
    );
    expect(rows(block)).toEqual([
      'Gravado (sin IVA): $ 10.000,00',
      'Exento: $ 500,00',
      'Excluido: $ 200,00',
      'Subtotal (sin IVA): $ 10.700,00',
      'IVA 19 % (base 10.000,00): $ 1.900,00',
      'TOTAL: $ 12.600,00',
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
