/**
 * The papers around the sale: a voided sale, a credit note, the X and Z
 * reports and the period report; writing to a file; who may ask for what.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openSession, product, sell, user, actingAs } from '../testing/fixtures';
import { ADMIN, setUpTill, type Till } from '../testing/till';
import { closeRenderPool } from './handlers';
import { flat, hasRow, pdfBytes, pdfText, readQr, snapshot, textReach } from './testing';

let till: Till | undefined;
afterEach(() => till?.close());
afterAll(() => closeRenderPool());

const SUPERVISOR = { name: 'Sofía', pin: '5555' };

async function shopWithSales() {
  const t = await setUpTill('PE');
  await t.call('settings.update', { address: 'Jr. Junín 456, Lima', receiptFooter: 'Gracias' });
  const cat = await t.call('categories.create', { name: 'Abarrotes' });
  const rice = await product(t, {
    code: 'ARZ',
    name: 'Arroz Costeño 1 kg',
    price: 11800,
    cost: 9000,
    stock: 50,
    categoryId: cat.id,
  });
  const oil = await product(t, {
    code: 'ACE',
    name: 'Aceite Primor 1 L',
    price: 5900,
    cost: 4000,
    stock: 50,
  });
  await user(t, SUPERVISOR.name, 'supervisor', SUPERVISOR.pin);
  const session = await openSession(t, 10000);
  return { t, rice, oil, session };
}

describe('voided sales and credit notes', () => {
  it('prints a voided sale with the ANULADA mark, on the roll and on A4', async () => {
    const { t, rice } = await shopWithSales();
    till = t;
    const sale = await sell(t, [{ productId: rice.id }]);
    await t.call('sales.void', { id: sale.id, reason: 'Cliente desistió de la compra' });
    for (const format of ['80mm', 'A4'] as const) {
      const doc = await t.call('documents.sale', { saleId: sale.id, format });
      const pdf = pdfBytes(doc);
      snapshot(`pe-anulada-${format}`, pdf);
      const text = pdfText(pdf);
      expect(text).toContain('ANULADA');
      expect(flat(text)).toContain('Cliente desistió de la compra');
      expect(text).toContain('B001-00000001');
      expect(hasRow(text, 'TOTAL', 'S/ 118.00')).toBe(true);
    }
  });

  it('prints a credit note that references its sale, with its own number and QR', async () => {
    const { t, rice, oil } = await shopWithSales();
    till = t;
    const sale = await sell(t, [{ productId: rice.id, quantity: 2 }, { productId: oil.id }]);
    const credit = await t.call('sales.return', {
      id: t.uuid(),
      saleId: sale.id,
      reason: 'Envase dañado',
      lines: [{ saleLineId: sale.lines[0]!.id, quantity: 1 }],
    });
    for (const format of ['80mm', '58mm', 'A4'] as const) {
      const doc = await t.call('documents.saleReturn', { returnId: credit.id, format });
      const pdf = pdfBytes(doc);
      const [png] = snapshot(`pe-nota-credito-${format}`, pdf);
      const text = pdfText(pdf);
      // The long reference ("BOLETA DE VENTA B001-…") wraps; nothing runs off a 58 mm roll.
      if (format === '58mm') expect(textReach(pdf).right).toBeGreaterThanOrEqual(14);
      expect(text).toContain('NOTA DE CRÉDITO');
      expect(text).toContain(credit.number);
      expect(flat(text)).toContain('Documento que modifica');
      expect(flat(text)).toContain(`BOLETA DE VENTA ${sale.number}`);
      expect(flat(text)).toContain('Envase dañado');
      expect(hasRow(text, 'Op. gravadas (sin IGV)', 'S/ 100.00')).toBe(true);
      expect(hasRow(text, 'IGV 18 %', 'S/ 18.00')).toBe(true);
      expect(hasRow(text, 'TOTAL', 'S/ 118.00')).toBe(true);
      expect(flat(text)).toContain('SON: CIENTO DIECIOCHO CON 00/100 SOLES');
      const [series, number] = credit.number.split('-');
      expect(readQr(png!)).toBe(`20123456789|07|${series}|${number}|18.00|118.00|2026-03-06|-|-`);
    }
  });
});

describe('cash reports', () => {
  it('prints the X of an open session and the Z of the closed one, on 80 mm and A4', async () => {
    const { t, rice, oil, session } = await shopWithSales();
    till = t;
    await sell(t, [{ productId: rice.id }], { payments: [{ method: 'EFECTIVO', amount: 20000 }] });
    await sell(t, [{ productId: oil.id }], { payments: [{ method: 'TARJETA', amount: 5900 }] });
    const voided = await sell(t, [{ productId: oil.id }]);
    await t.call('sales.void', { id: voided.id, reason: 'Error de digitación' });
    await t.call('cash.movement', {
      id: t.uuid(),
      direction: 'OUT',
      type: 'gasto',
      amount: 1500,
      description: 'Bolsas',
    });

    const x = pdfText(
      pdfBytes(await t.call('documents.cashReport', { sessionId: session.id, format: '80mm' })),
    );
    expect(x).toContain('CORTE PARCIAL (X)');
    expect(hasRow(x, 'Total vendido', 'S/ 177.00')).toBe(true);

    await t.call('cash.close', { countedCash: 26000 });
    for (const format of ['80mm', 'A4'] as const) {
      const doc = await t.call('documents.cashReport', { sessionId: session.id, format });
      const pdf = pdfBytes(doc);
      snapshot(`pe-cierre-z-${format}`, pdf);
      const text = pdfText(pdf);
      expect(doc.pages).toBe(1);
      expect(text).toContain('CIERRE DE CAJA (Z)');
      expect(hasRow(text, 'Cantidad de ventas', '2')).toBe(true);
      expect(hasRow(text, 'Total vendido', 'S/ 177.00')).toBe(true);
      expect(hasRow(text, 'Efectivo (1)', 'S/ 118.00')).toBe(true);
      expect(hasRow(text, 'Tarjeta (1)', 'S/ 59.00')).toBe(true);
      expect(hasRow(text, 'Base gravada 18 %', 'S/ 150.00')).toBe(true);
      expect(hasRow(text, 'Impuesto 18 %', 'S/ 27.00')).toBe(true);
      expect(hasRow(text, 'Ventas anuladas (1)', 'S/ 59.00')).toBe(true);
      expect(hasRow(text, 'Egreso: Gasto (1)', 'S/ 15.00')).toBe(true);
      // 100.00 float + 200.00 received − 82.00 change − 15.00 expense = 203.00 expected.
      expect(hasRow(text, 'Efectivo esperado', 'S/ 203.00')).toBe(true);
      expect(hasRow(text, 'Efectivo contado', 'S/ 260.00')).toBe(true);
      expect(hasRow(text, 'Sobrante', 'S/ 57.00')).toBe(true);
      expect(text).toContain('Supervisor');
    }
  });
});

describe('period report', () => {
  it('prints totals, the chart, payment methods, categories, top products, cashiers and profit', async () => {
    const { t, rice, oil } = await shopWithSales();
    till = t;
    for (let day = 0; day < 5; day++) {
      await sell(t, [{ productId: rice.id, quantity: day + 1 }, { productId: oil.id }]);
      t.clock.advance(86_400_000);
    }
    const doc = await t.call('documents.periodReport', { from: '2026-03-01', to: '2026-03-31' });
    const pdf = pdfBytes(doc);
    const pngs = snapshot('pe-reporte-periodo', pdf);
    expect(pngs.length).toBe(doc.pages);
    const text = pdfText(pdf);
    expect(text).toContain('REPORTE DE VENTAS');
    expect(text).toContain('Del 01/03/2026 al 31/03/2026 (31 días)');
    expect(text).toContain('Ventas por día');
    // 15 rice at 118.00 and 5 oils at 59.00.
    expect(hasRow(text, 'Total vendido', 'S/ 2,065.00')).toBe(true);
    expect(hasRow(text, 'Efectivo (5)', 'S/ 2,065.00')).toBe(true);
    expect(hasRow(text, 'Ana (5)', 'S/ 2,065.00')).toBe(true);
    expect(hasRow(text, 'Ingresos sin impuestos', 'S/ 1,750.00')).toBe(true);
    expect(hasRow(text, 'Costo de lo vendido', 'S/ 1,550.00')).toBe(true);
    expect(hasRow(text, 'Utilidad bruta', 'S/ 200.00')).toBe(true);
    expect(text).toMatch(/Abarrotes\s+5\s+1,770\.00/);
    expect(text).toMatch(/1\s+ARZ\s+Arroz Costeño 1 kg\s+15\s+1,770\.00\s+150\.00/);
  });

  it('is for supervisors and admins', async () => {
    const { t } = await shopWithSales();
    till = t;
    await user(t, 'Carlos', 'cashier', '2222');
    const refused = await actingAs(t, 'Carlos', '2222', () =>
      t.fail('documents.periodReport', { from: '2026-03-01', to: '2026-03-31' }),
    );
    expect(refused.code).toBe('FORBIDDEN');
    const allowed = await actingAs(t, SUPERVISOR.name, SUPERVISOR.pin, () =>
      t.call('documents.periodReport', { from: '2026-03-06', to: '2026-03-06' }),
    );
    expect(allowed.pages).toBe(1);
  });
});

describe('delivery', () => {
  it('writes the PDF under the documents folder and leaves the base64 out', async () => {
    const { t, rice } = await shopWithSales();
    till = t;
    const sale = await sell(t, [{ productId: rice.id }]);
    const out = join(t.dir, 'documents', 'boleta.pdf');
    const doc = await t.call('documents.sale', { saleId: sale.id, format: '58mm', out });
    expect(doc).toEqual({ bytes: doc.bytes, pages: 1, file: out });
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    expect(readFileSync(out).byteLength).toBe(doc.bytes);
  });

  it('refuses relative paths, other extensions and folders that do not exist', async () => {
    const { t, rice } = await shopWithSales();
    till = t;
    const sale = await sell(t, [{ productId: rice.id }]);
    for (const out of ['boleta.pdf', './x/boleta.pdf', '/tmp/tendero.sqlite']) {
      const error = await t.fail('documents.sale', { saleId: sale.id, format: '80mm', out });
      expect(error.code).toBe('VALIDATION');
      expect(JSON.stringify(error.details)).toContain('out');
    }
    const missing = join(t.dir, 'documents', 'no-such-folder', 'boleta.pdf');
    const error = await t.fail('documents.sale', { saleId: sale.id, format: '80mm', out: missing });
    expect(error).toMatchObject({ code: 'VALIDATION', details: { reason: 'CANNOT_WRITE' } });
    expect(existsSync(missing)).toBe(false);
  });

  it('says NOT_FOUND for an unknown sale, return or session', async () => {
    const { t } = await shopWithSales();
    till = t;
    const id = '00000000-0000-4000-8000-0000000fffff';
    expect((await t.fail('documents.sale', { saleId: id, format: 'A4' })).code).toBe('NOT_FOUND');
    expect((await t.fail('documents.saleReturn', { returnId: id, format: 'A4' })).code).toBe(
      'NOT_FOUND',
    );
    expect((await t.fail('documents.cashReport', { sessionId: id, format: 'A4' })).code).toBe(
      'NOT_FOUND',
    );
  });

  it('needs a logged-in user', async () => {
    const { t, rice } = await shopWithSales();
    till = t;
    const sale = await sell(t, [{ productId: rice.id }]);
    t.session = { actor: null };
    expect((await t.fail('documents.sale', { saleId: sale.id, format: '80mm' })).code).toBe(
      'UNAUTHENTICATED',
    );
    await t.call('auth.login', ADMIN);
  });
});
