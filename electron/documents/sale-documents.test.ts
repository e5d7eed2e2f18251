/**
 * Receipts and invoices of DOMAIN.md's worked examples, made through the real
 * API and read back from the PDF: the number, the tax block each country
 * requires, the total, the amount in words and the QR code (decoded from the
 * rendered page). Every page is also written to e2e/screenshots/documents/.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { SaleDocumentFormat } from '../../core/api/areas/documents';
import type { Sale } from '../../core/api/model';
import { customer, openSession, product, sell } from '../testing/fixtures';
import { setUpTill, type Till } from '../testing/till';
import { saleContent } from './content/sale-content';
import { closeRenderPool } from './handlers';
import {
  flat,
  hasRow,
  pageSizes,
  pdfBytes,
  pdfText,
  readQr,
  SAMPLE_STORE,
  snapshot,
  textReach,
} from './testing';

let till: Till | undefined;
afterEach(() => till?.close());
afterAll(() => closeRenderPool());

const MM = 72 / 25.4;

async function documentOf(t: Till, sale: Sale, format: SaleDocumentFormat, name: string) {
  const doc = await t.call('documents.sale', { saleId: sale.id, format });
  const pdf = pdfBytes(doc);
  expect(doc.bytes).toBe(pdf.byteLength);
  expect(doc.file).toBeUndefined();
  const pngs = snapshot(name, pdf);
  expect(pngs).toHaveLength(doc.pages);
  return { doc, pdf, text: pdfText(pdf), pngs };
}

async function peruShop(): Promise<Till> {
  const t = await setUpTill('PE');
  await t.call('settings.update', {
    address: 'Av. Grau 123, Miraflores, Lima',
    phone: '01 234 5678',
    receiptFooter: '¡Gracias por su compra!\nCambios dentro de los 7 días con su boleta.',
  });
  return t;
}

describe('Peru', () => {
  it('example 1 on 80 mm, 58 mm and A4: boleta B001, gravadas, IGV, words and the SUNAT QR', async () => {
    till = await peruShop();
    const rice = await product(till, {
      code: 'ARZ5',
      name: 'Arroz Costeño extra añejo 5 kg',
      price: 11800,
      stock: 10,
    });
    const sugar = await product(till, {
      code: 'AZR1',
      name: 'Azúcar rubia Cartavio 1 kg',
      price: 5900,
      stock: 10,
    });
    const buyer = await customer(till, {
      name: 'María Ñúñez Güemes',
      documentType: 'DNI',
      documentNumber: '45678912',
    });
    await openSession(till);
    const sale = await sell(till, [{ productId: rice.id, quantity: 2 }, { productId: sugar.id }], {
      customerId: buyer.id,
      payments: [{ method: 'EFECTIVO', amount: 30000 }],
    });
    expect(sale).toMatchObject({ number: 'B001-00000001', total: 29500, tax: 4500 });
    const qr = '20123456789|03|B001|00000001|45.00|295.00|2026-03-06|1|45678912';

    for (const format of ['80mm', '58mm', 'A4'] as const) {
      const { text, pdf, pngs, doc } = await documentOf(till, sale, format, `pe-boleta-${format}`);
      expect(doc.pages).toBe(1);
      expect(text).toContain('Bodega Don Lucho');
      expect(text).toContain('RUC: 20123456789');
      expect(text).toContain('BOLETA DE VENTA');
      expect(text).toContain('B001-00000001');
      expect(text).toContain('Arroz Costeño extra añejo 5 kg');
      expect(text).toContain('María Ñúñez Güemes');
      expect(hasRow(text, 'DNI', '45678912')).toBe(true);
      expect(hasRow(text, 'Fecha', '06/03/2026')).toBe(true);
      expect(hasRow(text, 'Hora', '10:30')).toBe(true);
      expect(hasRow(text, 'Caja', 'CAJA1')).toBe(true);
      expect(hasRow(text, 'Cajero', 'Ana')).toBe(true);
      expect(hasRow(text, 'Op. gravadas (sin IGV)', 'S/ 250.00')).toBe(true);
      expect(hasRow(text, 'Op. exoneradas', 'S/ 0.00')).toBe(true);
      expect(hasRow(text, 'Op. inafectas', 'S/ 0.00')).toBe(true);
      expect(hasRow(text, 'IGV 18 %', 'S/ 45.00')).toBe(true);
      expect(hasRow(text, 'TOTAL', 'S/ 295.00')).toBe(true);
      expect(hasRow(text, 'Efectivo', 'S/ 300.00')).toBe(true);
      expect(hasRow(text, 'Vuelto', 'S/ 5.00')).toBe(true);
      expect(flat(text)).toContain('SON: DOSCIENTOS NOVENTA Y CINCO CON 00/100 SOLES');
      expect(flat(text)).toContain('¡Gracias por su compra!');
      expect(readQr(pngs[0]!)).toBe(qr);
      const [page] = pageSizes(pdf);
      if (format === 'A4') expect(page).toMatchObject({ width: 595.28, height: 841.89 });
      // Roll paper: the width of the roll, the height of the content, and no word
      // outside what the head prints (72 mm of 80, 48 mm of 58, centred).
      else {
        expect(page!.width).toBeCloseTo((format === '80mm' ? 80 : 58) * MM, 1);
        const reach = textReach(pdf);
        expect(reach.left).toBeGreaterThanOrEqual((format === '80mm' ? 4 : 5) * MM - 0.5);
        expect(reach.right).toBeGreaterThanOrEqual((format === '80mm' ? 4 : 5) * MM - 0.5);
      }
    }
  });

  it('a weighed line prints its unit on 80 mm, 58 mm and A4: 0.750 kg, not 0.75', async () => {
    till = await peruShop();
    const cheese = await product(till, {
      code: 'QUE001',
      name: 'Queso fresco',
      soldBy: 'weight',
      price: 2400,
      stock: 8,
      taxCategory: 'EXONERADO',
    });
    const rice = await product(till, { code: 'ARZ1', name: 'Arroz 1 kg', price: 490, stock: 10 });
    await openSession(till);
    const sale = await sell(till, [
      { productId: cheese.id, quantity: 0.75 },
      { productId: rice.id, quantity: 3 },
    ]);
    expect(sale.total).toBe(1800 + 1470);
    for (const format of ['80mm', '58mm', 'A4'] as const) {
      const { text } = await documentOf(till, sale, format, `pe-weighed-${format}`);
      expect(text).toContain('0.750 kg');
      expect(text).not.toMatch(/\b0\.75\b(?!0)/);
      expect(text).not.toMatch(/\b3 kg\b/);
    }
  });

  it('a cash sale rounded to the S/ 0.10 below prints the rounding and the cash paid; its credit note the refund rounded up', async () => {
    till = await peruShop();
    const pair = await product(till, {
      code: 'DOS',
      name: 'Aceite Primor 1 L',
      price: 2013,
      stock: 10,
    });
    await openSession(till);
    const sale = await sell(till, [{ productId: pair.id, quantity: 2 }], {
      payments: [{ method: 'EFECTIVO', amount: 5000 }],
    });
    expect(sale).toMatchObject({ total: 4026, cashRounding: -6, change: 980 });
    // The content model every layout (PDF and ESC/POS) prints from.
    const content = saleContent(SAMPLE_STORE, sale);
    expect(content.payments.map((r) => `${r.label}: ${r.value.replace(/\u00a0/g, ' ')}`)).toEqual([
      'Redondeo: -S/ 0.06',
      'Pagado en efectivo: S/ 40.20',
      'Efectivo: S/ 50.00',
      'Vuelto: S/ 9.80',
    ]);
    for (const format of ['80mm', 'A4'] as const) {
      const { text } = await documentOf(till, sale, format, `pe-cash-rounding-${format}`);
      // The document's total and its words stay as taxed; the cash came to 40.20.
      expect(hasRow(text, 'TOTAL', 'S/ 40.26')).toBe(true);
      expect(flat(text)).toContain('SON: CUARENTA CON 26/100 SOLES');
      expect(hasRow(text, 'Redondeo', '-S/ 0.06')).toBe(true);
      expect(hasRow(text, 'Pagado en efectivo', 'S/ 40.20')).toBe(true);
      expect(hasRow(text, 'Vuelto', 'S/ 9.80')).toBe(true);
    }
    const credit = await till.call('sales.return', {
      id: till.uuid(),
      saleId: sale.id,
      reason: 'Fallado',
      refundMethod: 'EFECTIVO',
      lines: [{ saleLineId: sale.lines[0]!.id, quantity: 1 }],
    });
    expect(credit).toMatchObject({ total: 2013, refunded: 2020, cashRounding: 7 });
    const doc = await till.call('documents.saleReturn', { returnId: credit.id, format: '80mm' });
    const pdf = pdfBytes(doc);
    snapshot('pe-cash-rounding-credit-note-80mm', pdf);
    const text = pdfText(pdf);
    expect(hasRow(text, 'Redondeo', 'S/ 0.07')).toBe(true);
    expect(hasRow(text, 'Devuelto en efectivo', 'S/ 20.20')).toBe(true);
  });

  it('a card sale prints no rounding', async () => {
    till = await peruShop();
    const pair = await product(till, {
      code: 'DOS',
      name: 'Aceite Primor 1 L',
      price: 2013,
      stock: 10,
    });
    await openSession(till);
    const sale = await sell(till, [{ productId: pair.id, quantity: 2 }], {
      payments: [{ method: 'TARJETA', amount: 4026 }],
    });
    const { text } = await documentOf(till, sale, '80mm', 'pe-card-no-rounding-80mm');
    expect(text).not.toContain('Redondeo');
    expect(text).not.toContain('Pagado en efectivo');
  });

  it('example 4: plastic bags show ICBPER apart from the IGV', async () => {
    till = await peruShop();
    const item = await product(till, {
      code: 'ITEM',
      name: 'Galletas Soda',
      price: 590,
      stock: 10,
    });
    const bag = await product(till, {
      code: 'BOLSA',
      name: 'Bolsa plástica',
      price: 20,
      stock: 100,
      taxCategory: 'BOLSA',
    });
    await openSession(till);
    const sale = await sell(till, [{ productId: item.id }, { productId: bag.id, quantity: 2 }]);
    const { text } = await documentOf(till, sale, '80mm', 'pe-icbper-80mm');
    expect(hasRow(text, 'Op. gravadas (sin IGV)', 'S/ 5.34')).toBe(true);
    expect(hasRow(text, 'IGV 18 %', 'S/ 0.96')).toBe(true);
    expect(hasRow(text, 'ICBPER', 'S/ 1.00')).toBe(true);
    expect(hasRow(text, 'TOTAL', 'S/ 7.30')).toBe(true);
    // The bag line shows what the bags cost; the ICBPER is only in the totals.
    expect(hasRow(text, '2 x 0.20', '0.40')).toBe(true);
    expect(flat(text)).toContain('SON: SIETE CON 30/100 SOLES');
  });

  it('example 5 as a factura on A4: gravadas, exoneradas and inafectas apart', async () => {
    till = await peruShop();
    const taxed = await product(till, {
      code: 'G',
      name: 'Aceite Primor 1 L',
      price: 1180,
      stock: 5,
    });
    const exempt = await product(till, {
      code: 'E',
      name: 'Libro escolar',
      price: 500,
      stock: 5,
      taxCategory: 'EXONERADO',
    });
    const outside = await product(till, {
      code: 'I',
      name: 'Papa amarilla (kg)',
      price: 250,
      stock: 5,
      taxCategory: 'INAFECTO',
    });
    const company = await customer(till, {
      name: 'Inversiones Andinas S.A.C.',
      documentType: 'RUC',
      documentNumber: '20512345678',
    });
    await openSession(till);
    const sale = await sell(
      till,
      [{ productId: taxed.id }, { productId: exempt.id }, { productId: outside.id }],
      { documentType: 'FACTURA', customerId: company.id },
    );
    const { text, pngs } = await documentOf(till, sale, 'A4', 'pe-factura-A4');
    expect(text).toContain('FACTURA');
    expect(text).toContain('F001-00000001');
    expect(hasRow(text, 'Op. gravadas (sin IGV)', 'S/ 10.00')).toBe(true);
    expect(hasRow(text, 'Op. exoneradas', 'S/ 5.00')).toBe(true);
    expect(hasRow(text, 'Op. inafectas', 'S/ 2.50')).toBe(true);
    expect(hasRow(text, 'IGV 18 %', 'S/ 1.80')).toBe(true);
    expect(hasRow(text, 'TOTAL', 'S/ 19.30')).toBe(true);
    expect(flat(text)).toContain('SON: DIECINUEVE CON 30/100 SOLES');
    expect(readQr(pngs[0]!)).toBe(
      '20123456789|01|F001|00000001|1.80|19.30|2026-03-06|6|20512345678',
    );
  });
});

describe('Argentina', () => {
  it('example 8: the IVA contained under Ley 27.743, no IVA itemized', async () => {
    till = await setUpTill('AR', { timeZone: 'America/Argentina/Buenos_Aires' });
    const a = await product(till, {
      code: 'YERBA',
      name: 'Yerba mate Taragüí 1 kg',
      price: 100000,
      stock: 5,
      taxCategory: 'IVA21',
    });
    const b = await product(till, {
      code: 'PAN',
      name: 'Pan francés (kg)',
      price: 55250,
      stock: 5,
      taxCategory: 'IVA105',
    });
    await openSession(till, 0);
    const sale = await sell(till, [{ productId: a.id }, { productId: b.id }], {
      documentType: 'FACTURA',
    });
    expect(sale).toMatchObject({ taxableBase: 132645, tax: 22605, total: 155250 });
    for (const format of ['80mm', 'A4'] as const) {
      const { text, pngs } = await documentOf(till, sale, format, `ar-factura-b-${format}`);
      expect(text).toContain('FACTURA B');
      expect(text).toContain(sale.number);
      expect(text).toContain('CUIT: 30-71234567-8');
      expect(hasRow(text, 'TOTAL', '$ 1.552,50')).toBe(true);
      expect(flat(text)).toContain('Régimen de Transparencia Fiscal al Consumidor (Ley 27.743)');
      expect(flat(text)).toContain('IVA contenido: $ 226,05');
      expect(flat(text)).toContain('SON: MIL QUINIENTOS CINCUENTA Y DOS CON 50/100 PESOS');
      expect(text).toContain('Consumidor final');
      expect(text).not.toMatch(/IVA 21/);
      expect(readQr(pngs[0]!)).toBe(
        `CUIT 30-71234567-8 | ${sale.number} | 1552.50 ARS | 2026-03-06`,
      );
    }
  });
});

describe('Colombia', () => {
  it('example 7: IVA per rate with its base', async () => {
    till = await setUpTill('CO', { timeZone: 'America/Bogota' });
    const a = await product(till, {
      code: 'CAFE',
      name: 'Café Sello Rojo 500 g',
      price: 499000,
      stock: 5,
    });
    const b = await product(till, {
      code: 'ACEITE',
      name: 'Aceite Gourmet 3 L',
      price: 1190000,
      stock: 5,
    });
    const c = await product(till, {
      code: 'ARROZ',
      name: 'Arroz Diana 1 kg',
      price: 210000,
      stock: 5,
      taxCategory: 'IVA5',
    });
    await openSession(till, 0);
    const sale = await sell(till, [{ productId: a.id }, { productId: b.id }, { productId: c.id }]);
    const { text, pngs } = await documentOf(till, sale, '80mm', 'co-pos-80mm');
    expect(text).toContain('DOCUMENTO EQUIVALENTE POS');
    expect(text).toContain(sale.number);
    expect(hasRow(text, 'Subtotal (sin IVA)', '$ 16.193,28')).toBe(true);
    expect(hasRow(text, 'IVA 19 % (base 14.193,28)', '$ 2.696,72')).toBe(true);
    expect(hasRow(text, 'IVA 5 % (base 2.000,00)', '$ 100,00')).toBe(true);
    expect(hasRow(text, 'TOTAL', '$ 18.990,00')).toBe(true);
    expect(flat(text)).toContain('SON: DIECIOCHO MIL NOVECIENTOS NOVENTA CON 00/100 PESOS');
    expect(readQr(pngs[0]!)).toBe(`NIT 900123456-7 | ${sale.number} | 18990.00 COP | 2026-03-06`);
  });
});

describe('Bolivia', () => {
  it('example 9: total and débito fiscal, the SIAT QR and the legend', async () => {
    till = await setUpTill('BO', { timeZone: 'America/La_Paz' });
    const p = await product(till, {
      code: 'API',
      name: 'Api morado con pastel',
      price: 10000,
      stock: 5,
    });
    await openSession(till, 0);
    const sale = await sell(till, [{ productId: p.id }]);
    expect(sale).toMatchObject({ total: 10000, tax: 1300, taxableBase: 8700 });
    for (const format of ['80mm', '58mm'] as const) {
      const { text, pngs } = await documentOf(till, sale, format, `bo-factura-${format}`);
      expect(text).toContain('FACTURA');
      expect(text).toContain(sale.number);
      expect(text).toContain('NIT: 1234567');
      expect(hasRow(text, 'TOTAL', 'Bs 100,00')).toBe(true);
      expect(hasRow(text, 'Débito fiscal IVA 13 %', 'Bs 13,00')).toBe(true);
      expect(flat(text)).toContain('SON: CIEN CON 00/100 BOLIVIANOS');
      expect(flat(text)).toContain('ESTA FACTURA CONTRIBUYE AL DESARROLLO DEL PAÍS');
      expect(readQr(pngs[0]!)).toBe(
        `https://siat.impuestos.gob.bo/consulta/QR?nit=1234567&cuf=${sale.id}&numero=1&t=2`,
      );
    }
  });
});

describe('Venezuela', () => {
  it('example 10: both currencies, the rate and the IGTF', async () => {
    till = await setUpTill('VE', { currency: 'USD', timeZone: 'America/Caracas' });
    await till.call('settings.update', { exchangeRate: '36.50', igtfEnabled: true });
    const p = await product(till, {
      code: 'HARINA',
      name: 'Harina P.A.N. 1 kg',
      price: 1000,
      stock: 10,
    });
    await openSession(till, 0);
    const sale = await till.call('sales.create', {
      id: till.uuid(),
      lines: [{ productId: p.id }],
      payments: [{ method: 'EFECTIVO', amount: 1195, currency: 'USD' }],
    });
    const { text } = await documentOf(till, sale, '80mm', 've-factura-80mm');
    expect(hasRow(text, 'Base imponible', 'US$ 10,00')).toBe(true);
    expect(hasRow(text, 'IVA 16 %', 'US$ 1,60')).toBe(true);
    expect(hasRow(text, 'Total', 'US$ 11,60')).toBe(true);
    expect(hasRow(text, 'IGTF 3 %', 'US$ 0,35')).toBe(true);
    expect(hasRow(text, 'TOTAL A PAGAR', 'US$ 11,95')).toBe(true);
    expect(hasRow(text, 'Base imponible', 'Bs 365,00')).toBe(true);
    expect(hasRow(text, 'IVA 16 %', 'Bs 58,40')).toBe(true);
    expect(hasRow(text, 'Total', 'Bs 423,40')).toBe(true);
    expect(flat(text)).toContain('Tasa de cambio: 36,50 Bs/USD');
    expect(flat(text)).toContain('SON: ONCE CON 95/100 DÓLARES AMERICANOS');
  });
});
