import { minorToDecimalString } from '../../../core/money/format';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { digestValueOf, verifyDocument } from '../../../fiscal/pe/sign';
import { customer, sell } from '../../testing/fixtures';
import type { Till } from '../../testing/till';
import { einvoicingTill, storedCpes } from './testing';

let till: Till;
afterEach(() => till.close());

const XSD = join(import.meta.dirname, '../../../fiscal/pe/testdata/xsd/maindoc');
function schemaValid(xml: Buffer, schema: string): string {
  const file = join(till.dir, `${schema}.xml`);
  writeFileSync(file, xml);
  const result = spawnSync('xmllint', ['--noout', '--schema', join(XSD, schema), file], {
    encoding: 'utf8',
  });
  return result.status === 0 ? 'valid' : result.stderr;
}

describe('signing at sale time', () => {
  it('stores a boleta’s signed bytes, digest and QR as PENDING with the sale', async () => {
    const made = await einvoicingTill();
    till = made.till;
    const sale = await sell(till, [{ productId: 1, quantity: 2 }, { productId: 2 }], {
      documentType: 'BOLETA',
    });
    const [cpe] = storedCpes(till);
    expect(cpe).toMatchObject({
      saleId: sale.id,
      returnId: null,
      documentType: 'BOLETA',
      series: sale.series,
      correlative: sale.correlative,
      state: 'PENDING',
      failure: null,
    });
    const xml = cpe!.xml!.toString('utf8');
    expect(verifyDocument(xml, made.certificate!.certificatePem)).toBe(true);
    expect(cpe!.digest).toBe(digestValueOf(xml));
    expect(xml).toContain(`<cbc:ID>${sale.series}-${sale.correlative}</cbc:ID>`);
    expect(xml).toContain('BODEGA DON LUCHO S.A.C.');
    expect(cpe!.qrText).toBe(
      `20123456789|03|${sale.series}|${sale.correlative}|${minorToDecimalString(sale.tax, 2)}|${minorToDecimalString(sale.total, 2)}|${sale.localDate}|-|-|${cpe!.digest}|`,
    );
    expect(schemaValid(cpe!.xml!, 'UBL-Invoice-2.1.xsd')).toBe('valid');
    expect(await till.call('einvoice.status', { saleId: sale.id })).toMatchObject([
      { state: 'PENDING', number: `${sale.series}-${sale.correlative}`, digest: cpe!.digest },
    ]);
  });

  it('signs a factura to a RUC customer and a credit note (FC01) for its return', async () => {
    const made = await einvoicingTill();
    till = made.till;
    const buyer = await customer(till, {
      documentType: 'RUC',
      documentNumber: '20512345678',
      name: 'Restaurante El Sabor SAC',
    });
    const sale = await sell(till, [{ productId: 1, quantity: 4 }, { productId: 2 }], {
      documentType: 'FACTURA',
      customerId: buyer.id,
    });
    const line = sale.lines[0]!;
    await till.call('sales.return', {
      id: till.uuid(),
      saleId: sale.id,
      lines: [{ saleLineId: line.id, quantity: 1 }],
      reason: 'Producto vencido',
      refundMethod: 'EFECTIVO',
    });
    const [factura, note] = storedCpes(till);
    expect(factura).toMatchObject({ documentType: 'FACTURA', state: 'PENDING' });
    expect(note).toMatchObject({ documentType: 'NOTA_CREDITO', series: 'FC01', state: 'PENDING' });
    const noteXml = note!.xml!.toString('utf8');
    expect(verifyDocument(noteXml, made.certificate!.certificatePem)).toBe(true);
    expect(noteXml).toContain(`<cbc:ID>${sale.series}-${sale.correlative}</cbc:ID>`);
    expect(schemaValid(factura!.xml!, 'UBL-Invoice-2.1.xsd')).toBe('valid');
    expect(schemaValid(note!.xml!, 'UBL-CreditNote-2.1.xsd')).toBe('valid');
  });

  it('lists the CPEs of a page of sales by their ids (the sales list)', async () => {
    till = (await einvoicingTill()).till;
    const a = await sell(till, [{ productId: 1 }], { documentType: 'BOLETA' });
    await sell(till, [{ productId: 1 }], { documentType: 'BOLETA' });
    const c = await sell(till, [{ productId: 2 }], { documentType: 'TICKET' });
    const states = await till.call('einvoice.status', { saleIds: [a.id, c.id] });
    expect(states.map((s) => [s.saleId, s.state])).toEqual([[a.id, 'PENDING']]);
    expect(await till.call('einvoice.status', { saleIds: [] })).toEqual([]);
  });

  it('signs nothing when e-invoicing is off, or for a nota de venta', async () => {
    till = (await einvoicingTill({ einvoicing: false })).till;
    await sell(till, [{ productId: 1 }], { documentType: 'BOLETA' });
    expect(storedCpes(till)).toEqual([]);
    await till.call('settings.update', { einvoicing: true });
    await sell(till, [{ productId: 1 }], { documentType: 'TICKET' });
    expect(storedCpes(till)).toEqual([]);
  });

  it('keeps the sale and records SIGN_FAILED with the reason when it cannot sign', async () => {
    till = (await einvoicingTill({ certificate: null })).till;
    const sale = await sell(till, [{ productId: 1 }], { documentType: 'BOLETA' });
    expect(await till.call('sales.get', { id: sale.id })).toMatchObject({ number: sale.number });
    const [cpe] = storedCpes(till);
    expect(cpe).toMatchObject({ saleId: sale.id, state: 'SIGN_FAILED', xml: null, digest: null });
    expect(cpe!.failure).toMatch(/certificate/);
  });
});
