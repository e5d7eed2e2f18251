import { describe, expect, it } from 'vitest';
import { buildCreditNoteXml } from './credit-note';
import { buildInvoiceXml } from './invoice';
import { makeCreditNote, makeInvoice, type Item } from './testing';
import { elements, texts } from './xml-reading';

const cents = (text: string) => Math.round(Number(text) * 100);

/** A factura with all four tax types, a line discount and an order discount. */
const FOUR_TAXES: Item[] = [
  { quantity: 2000, unitPrice: 11800, taxCategory: 'IGV', discount: 500, name: 'Polo' },
  { quantity: 1250, unitPrice: 2000, taxCategory: 'EXONERADO', unitCode: 'KGM', name: 'Arroz' },
  { quantity: 1000, unitPrice: 250, taxCategory: 'INAFECTO', name: 'Libro' },
  { quantity: 2000, unitPrice: 20, taxCategory: 'BOLSA', name: 'Bolsa plástica' },
];

describe('boleta (03)', () => {
  const boleta = makeInvoice([
    { quantity: 2000, unitPrice: 5000, taxCategory: 'IGV', code: 'P1', name: 'Polo' },
    { quantity: 1250, unitPrice: 1640, taxCategory: 'IGV', unitCode: 'KGM', name: 'Queso' },
  ]);
  const xml = buildInvoiceXml(boleta);

  it('carries its number, type, date, currency and the total in words', () => {
    expect(boleta.totals.total).toBe(12050);
    expect(texts(xml, 'cbc:UBLVersionID')).toEqual(['2.1']);
    expect(texts(xml, 'cbc:CustomizationID')).toEqual(['2.0']);
    expect(xml).toContain('<cbc:ID>B001-1</cbc:ID>');
    expect(xml).toContain('<cbc:InvoiceTypeCode listID="0101">03</cbc:InvoiceTypeCode>');
    expect(texts(xml, 'cbc:IssueDate')).toEqual(['2026-12-06']);
    expect(texts(xml, 'cbc:IssueTime')).toEqual(['10:30:00']);
    expect(texts(xml, 'cbc:DocumentCurrencyCode')).toEqual(['PEN']);
    expect(xml).toContain(
      '<cbc:Note languageLocaleID="1000">SON CIENTO VEINTE CON 50/100 SOLES</cbc:Note>',
    );
  });

  it('names the supplier by RUC with its address code, and the customer by DNI', () => {
    const supplier = elements(xml, 'cbc:ID', 'cac:AccountingSupplierParty')[0]!;
    expect([supplier.getAttribute('schemeID'), supplier.textContent]).toEqual(['6', '20100070970']);
    expect(texts(xml, 'cbc:RegistrationName', 'cac:AccountingSupplierParty')).toEqual([
      'BODEGA DEMO S.A.C.',
    ]);
    expect(texts(xml, 'cbc:AddressTypeCode')).toEqual(['0000']);
    const customer = elements(xml, 'cbc:ID', 'cac:AccountingCustomerParty')[0]!;
    expect([customer.getAttribute('schemeID'), customer.textContent]).toEqual(['1', '45678912']);
    expect(texts(xml, 'cbc:RegistrationName', 'cac:AccountingCustomerParty')).toEqual([
      'Rosa Flores',
    ]);
  });

  it('pays Contado, and writes unit codes, quantities and IGV per line', () => {
    expect(texts(xml, 'cbc:PaymentMeansID')).toEqual(['Contado']);
    expect(
      elements(xml, 'cbc:InvoicedQuantity').map((q) => [q.getAttribute('unitCode'), q.textContent]),
    ).toEqual([
      ['NIU', '2'],
      ['KGM', '1.25'],
    ]);
    expect(texts(xml, 'cbc:LineExtensionAmount', 'cac:InvoiceLine')).toEqual(['84.75', '17.37']);
    expect(texts(xml, 'cbc:TaxExemptionReasonCode')).toEqual(['10', '10']);
    expect(texts(xml, 'cbc:Percent')).toEqual(['18', '18']);
    // Precio unitario with IGV, valor unitario without it.
    expect(texts(xml, 'cbc:PriceAmount', 'cac:AlternativeConditionPrice')).toEqual([
      '50.00',
      '16.40',
    ]);
    expect(texts(xml, 'cbc:PriceAmount', 'cac:Price')).toEqual(['42.3728813559', '13.8983050847']);
    expect(texts(xml, 'cbc:PayableAmount')).toEqual(['120.50']);
  });

  it('writes an anonymous boleta as "varios"', () => {
    const anonymous = buildInvoiceXml(
      makeInvoice([{ quantity: 1000, unitPrice: 1000, taxCategory: 'IGV' }], {
        customer: { documentType: null, documentNumber: null, name: '' },
      }),
    );
    const customer = elements(anonymous, 'cbc:ID', 'cac:AccountingCustomerParty')[0]!;
    expect([customer.getAttribute('schemeID'), customer.textContent]).toEqual(['-', '-']);
    expect(texts(anonymous, 'cbc:RegistrationName', 'cac:AccountingCustomerParty')).toEqual([
      'CLIENTES VARIOS',
    ]);
  });

  it('escapes text: a name with & and < stays a name', () => {
    const odd = buildInvoiceXml(
      makeInvoice([{ quantity: 1000, unitPrice: 1000, taxCategory: 'IGV', name: 'Pan & <Miel>' }]),
    );
    expect(odd).toContain('<cbc:Description>Pan &amp; &lt;Miel&gt;</cbc:Description>');
    expect(texts(odd, 'cbc:Description')).toEqual(['Pan & <Miel>']);
  });
});

describe('factura (01) with all four tax types and discounts', () => {
  const factura = makeInvoice(FOUR_TAXES, { documentType: 'FACTURA', orderDiscount: 100 });
  const xml = buildInvoiceXml(factura);

  it('has one document subtotal per scheme: IGV, exonerado, inafecto and ICBPER', () => {
    const subtotals = elements(xml, 'cac:TaxSubtotal').filter(
      (s) => s.parentNode?.parentNode?.nodeName === 'Invoice',
    );
    const ids = subtotals.map((s) => s.getElementsByTagName('cbc:ID')[0]!.textContent);
    expect(ids).toEqual(['1000', '9997', '9998', '7152']);
    const doc = factura.totals;
    const taxable = subtotals.map(
      (s) => s.getElementsByTagName('cbc:TaxableAmount')[0]?.textContent,
    );
    expect(taxable.map((t) => (t === undefined || t === null ? null : cents(t)))).toEqual([
      doc.taxableBase,
      doc.exempt,
      doc.unaffected,
      null,
    ]);
    expect(texts(xml, 'cbc:TaxTypeCode').slice(0, 4)).toEqual(['VAT', 'VAT', 'FRE', 'OTH']);
    expect(cents(texts(xml, 'cbc:TaxAmount')[0]!)).toBe(doc.tax + doc.fixedTax);
    expect(doc.fixedTax).toBe(100);
  });

  it('marks each line with its afectación, and charges ICBPER per bag', () => {
    expect(texts(xml, 'cbc:TaxExemptionReasonCode')).toEqual(['10', '20', '30', '10']);
    expect(texts(xml, 'cbc:PerUnitAmount')).toEqual(['0.50']);
    const bags = elements(xml, 'cbc:BaseUnitMeasure')[0]!;
    expect([bags.getAttribute('unitCode'), bags.textContent]).toEqual(['NIU', '2']);
  });

  it('lines add up to the totals, and each line is quantity × valor unitario − discount', () => {
    const lineValues = texts(xml, 'cbc:LineExtensionAmount', 'cac:InvoiceLine').map(cents);
    const total = cents(texts(xml, 'cbc:LineExtensionAmount', 'cac:LegalMonetaryTotal')[0]!);
    expect(lineValues.reduce((s, v) => s + v, 0)).toBe(total);
    expect(total).toBe(
      factura.totals.taxableBase + factura.totals.exempt + factura.totals.unaffected,
    );
    for (const line of elements(xml, 'cac:InvoiceLine')) {
      const quantity = Number(line.getElementsByTagName('cbc:InvoicedQuantity')[0]!.textContent);
      const prices = line.getElementsByTagName('cbc:PriceAmount');
      const unitValue = Number(prices[prices.length - 1]!.textContent);
      const discount = line.getElementsByTagName('cbc:Amount')[0]?.textContent;
      const value = cents(line.getElementsByTagName('cbc:LineExtensionAmount')[0]!.textContent!);
      const expected = quantity * unitValue * 100 - (discount ? cents(discount) : 0);
      expect(Math.abs(expected - value)).toBeLessThanOrEqual(1);
    }
  });

  it('writes the discounts as allowances on their lines (code 00), without tax', () => {
    const allowances = elements(xml, 'cac:AllowanceCharge');
    expect(allowances.length).toBeGreaterThanOrEqual(1);
    expect(texts(xml, 'cbc:ChargeIndicator')[0]).toBe('false');
    expect(texts(xml, 'cbc:AllowanceChargeReasonCode')[0]).toBe('00');
    // 5.00 off the first line plus its share of the order discount, less the IGV in it.
    const first = factura.lines[0]!;
    expect(first.discount).toBeGreaterThan(500);
    const amount = cents(allowances[0]!.getElementsByTagName('cbc:Amount')[0]!.textContent!);
    expect(amount).toBe(20000 - first.base);
  });

  it('names the customer by RUC', () => {
    const customer = elements(xml, 'cbc:ID', 'cac:AccountingCustomerParty')[0]!;
    expect([customer.getAttribute('schemeID'), customer.textContent]).toEqual(['6', '20512345678']);
  });

  it('on credit writes Credito with the amount owed and its cuotas', () => {
    const total = factura.totals.total;
    const onCredit = buildInvoiceXml({
      ...factura,
      paymentTerms: {
        kind: 'CREDITO',
        pending: total,
        instalments: [
          { amount: total - 10000, dueDate: '2027-01-05' },
          { amount: 10000, dueDate: '2027-02-05' },
        ],
      },
    });
    expect(texts(onCredit, 'cbc:PaymentMeansID')).toEqual(['Credito', 'Cuota001', 'Cuota002']);
    expect(texts(onCredit, 'cbc:PaymentDueDate')).toEqual(['2027-01-05', '2027-02-05']);
    expect(texts(onCredit, 'cbc:Amount', 'cac:PaymentTerms').map(cents)).toEqual([
      total,
      total - 10000,
      10000,
    ]);
  });
});

describe('refusals: nothing is built from a document SUNAT would reject', () => {
  const reasonOf = (build: () => unknown) => {
    try {
      build();
    } catch (error) {
      return (error as { details?: { reason?: string } }).details?.reason;
    }
    return 'built';
  };
  const item: Item = { quantity: 1000, unitPrice: 1000, taxCategory: 'IGV' };

  it('a factura without a RUC customer', () => {
    expect(
      reasonOf(() =>
        buildInvoiceXml(
          makeInvoice([item], {
            documentType: 'FACTURA',
            customer: { documentType: 'DNI', documentNumber: '45678912', name: 'Rosa' },
          }),
        ),
      ),
    ).toBe('FACTURA_NEEDS_RUC');
  });

  it('a unit code that is not a catálogo 03 code (it would be written into an attribute)', () => {
    for (const unitCode of ['', 'kgm', 'NIU"', 'A&B', 'N IU']) {
      expect(reasonOf(() => buildInvoiceXml(makeInvoice([{ ...item, unitCode }])))).toBe(
        'INVALID_UNIT_CODE',
      );
    }
    expect(reasonOf(() => buildInvoiceXml(makeInvoice([{ ...item, unitCode: 'ZZ' }])))).toBe(
      'built',
    );
  });

  it('lines that disagree with the totals', () => {
    const boleta = makeInvoice([item]);
    expect(
      reasonOf(() =>
        buildInvoiceXml({ ...boleta, totals: { ...boleta.totals, tax: boleta.totals.tax + 1 } }),
      ),
    ).toBe('LINES_DISAGREE_WITH_TOTALS');
  });

  it('a series of the wrong letter, and a factura on credit without cuotas', () => {
    expect(reasonOf(() => buildInvoiceXml(makeInvoice([item], { series: 'F001' })))).toBe(
      'INVALID_SERIES',
    );
    const factura = makeInvoice([item], { documentType: 'FACTURA' });
    expect(
      reasonOf(() =>
        buildInvoiceXml({
          ...factura,
          paymentTerms: { kind: 'CREDITO', pending: 1000, instalments: [] },
        }),
      ),
    ).toBe('CREDIT_NEEDS_INSTALMENTS');
    expect(reasonOf(() => buildCreditNoteXml(makeCreditNote([item], { series: 'BC01' })))).toBe(
      'INVALID_SERIES',
    );
  });
});

describe('credit note (07)', () => {
  const note = makeCreditNote([{ quantity: 1000, unitPrice: 11800, taxCategory: 'IGV' }]);
  const xml = buildCreditNoteXml(note);

  it('references the factura it corrects, with the reason', () => {
    expect(xml).toContain(
      '<CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"',
    );
    expect(xml).toContain('<cbc:ID>FC01-1</cbc:ID>');
    expect(texts(xml, 'cbc:ReferenceID')).toEqual(['F001-1']);
    expect(texts(xml, 'cbc:ResponseCode')).toEqual(['07']);
    expect(texts(xml, 'cbc:Description', 'cac:DiscrepancyResponse')).toEqual([
      'Devolución por ítem',
    ]);
    expect(texts(xml, 'cbc:DocumentTypeCode')).toEqual(['01']);
    expect(texts(xml, 'cbc:CreditedQuantity')).toEqual(['1']);
    expect(texts(xml, 'cbc:PayableAmount')).toEqual(['118.00']);
    expect(texts(xml, 'cbc:Note')).toEqual(['SON CIENTO DIECIOCHO CON 00/100 SOLES']);
  });
});
