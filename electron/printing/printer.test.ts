/**
 * ESC/POS printing against a fake network printer on 127.0.0.1: the bytes it
 * receives (reset, code page, Spanish text in CP858, QR, cut, drawer kick)
 * and how an offline, silent or refusing printer is reported.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { auditRows, countRows, customer, openSession, product, sell } from '../testing/fixtures';
import { setUpTill, type Till } from '../testing/till';
import { closedPort, fakePrinter, type FakePrinter } from './fake-printer';
import { sendToPrinter } from './network-printer';

let till: Till | undefined;
let printer: FakePrinter | undefined;
afterEach(async () => {
  till?.close();
  await printer?.close();
  till = undefined;
  printer = undefined;
});

const bytes = (...values: number[]) => Buffer.from(values);
const ascii = (text: string) => Buffer.from(text, 'latin1');
const STATUS_QUERY = bytes(0x10, 0x04, 0x01, 0x10, 0x04, 0x04);
const RESET = bytes(0x1b, 0x40);
const CP858 = bytes(0x1b, 0x74, 19);
const BOLD_ON = bytes(0x1b, 0x45, 0x01);
const QR_STORE = bytes(0x1d, 0x28, 0x6b);
const CUT = bytes(0x1d, 0x56);
const DRAWER = bytes(0x1b, 0x70, 0x00);

async function shop(settings: Record<string, unknown> = {}) {
  printer = await fakePrinter();
  const t = await setUpTill('PE');
  await t.call('settings.update', {
    printerHost: '127.0.0.1',
    printerPort: printer.port,
    openDrawerOnCash: true,
    receiptFooter: '¡Gracias por su compra!',
    ...settings,
  });
  const p = await product(t, { code: 'PINA', name: 'Piña golden (und.)', price: 11800, stock: 10 });
  const q = await product(t, { code: 'AZU', name: 'Azúcar rubia 1 kg', price: 5900, stock: 10 });
  await openSession(t);
  return { t, p, q };
}

describe('printer.printSale', () => {
  it('sends the 80 mm receipt in CP858 with bold headings, the QR, the cut and the drawer kick', async () => {
    const { t, p, q } = await shop();
    till = t;
    const buyer = await customer(t, {
      name: 'José Ñañez',
      documentType: 'DNI',
      documentNumber: '45678912',
    });
    const sale = await sell(t, [{ productId: p.id, quantity: 2 }, { productId: q.id }], {
      customerId: buyer.id,
      payments: [{ method: 'EFECTIVO', amount: 30000 }],
    });
    const received = printer!.nextJob();
    const job = await t.call('printer.printSale', { saleId: sale.id });
    const data = await received;
    expect(job).toEqual({
      printer: `127.0.0.1:${printer!.port}`,
      bytes: data.length - 6,
      drawerOpened: true,
    });

    // The status check, then the job: reset first, the code page right after it.
    expect(data.subarray(0, 6)).toEqual(STATUS_QUERY);
    const body = data.subarray(6);
    expect(body.subarray(0, 2)).toEqual(RESET);
    expect(body.indexOf(CP858)).toBeGreaterThan(0);
    expect(body.indexOf(CP858)).toBeLessThan(body.indexOf(ascii('Bodega Don Lucho')));
    expect(body.indexOf(BOLD_ON)).toBeGreaterThan(0);
    // "Piña", "Azúcar", "José Ñañez" and "¡Gracias" in CP858: ñ A4, ú A3, é 82, Ñ A5, ¡ AD.
    expect(body.includes(bytes(0x50, 0x69, 0xa4, 0x61))).toBe(true);
    expect(body.includes(bytes(0x41, 0x7a, 0xa3, 0x63, 0x61, 0x72))).toBe(true);
    expect(body.includes(bytes(0x4a, 0x6f, 0x73, 0x82, 0x20, 0xa5, 0x61, 0xa4, 0x65, 0x7a))).toBe(
      true,
    );
    expect(body.includes(bytes(0xad, 0x47, 0x72, 0x61, 0x63, 0x69, 0x61, 0x73))).toBe(true);
    expect(body.includes(Buffer.from('ñ', 'utf8'))).toBe(false);
    for (const text of ['BOLETA DE VENTA', 'B001-00000001', 'S/ 295.00', 'IGV 18 %', 'Vuelto'])
      expect(body.includes(ascii(text)), text).toBe(true);
    expect(body.includes(ascii('SON: DOSCIENTOS NOVENTA Y CINCO CON 00/100 SOLES'))).toBe(true);
    // GS ( k stores the SUNAT summary in the symbol, then prints it.
    expect(body.indexOf(QR_STORE)).toBeGreaterThan(0);
    expect(
      body.includes(ascii('20123456789|03|B001|00000001|45.00|295.00|2026-03-06|1|45678912')),
    ).toBe(true);
    // The cut, then the drawer: the receipt is out before the drawer springs.
    const cut = body.lastIndexOf(CUT);
    expect(cut).toBeGreaterThan(body.indexOf(QR_STORE));
    expect(body.lastIndexOf(DRAWER)).toBeGreaterThan(cut);
    // One code page for the whole job; an 80 mm rule is 48 columns.
    expect(body.indexOf(bytes(0x1b, 0x74), body.indexOf(CP858) + 1)).toBe(-1);
    expect(body.includes(Buffer.alloc(48, 0x2d))).toBe(true);
    expect(body.includes(Buffer.alloc(49, 0x2d))).toBe(false);
  });

  it('keeps the drawer shut for a card sale and prints 32 columns on 58 mm paper', async () => {
    const { t, p } = await shop({ receiptFormat: '58mm' });
    till = t;
    const sale = await sell(t, [{ productId: p.id }], {
      payments: [{ method: 'TARJETA', amount: 11800 }],
    });
    const received = printer!.nextJob();
    expect((await t.call('printer.printSale', { saleId: sale.id })).drawerOpened).toBe(false);
    const body = (await received).subarray(6);
    expect(body.includes(DRAWER)).toBe(false);
    expect(body.includes(Buffer.alloc(32, 0x2d))).toBe(true);
    expect(body.includes(Buffer.alloc(33, 0x2d))).toBe(false);
  });

  it('marks a voided sale ANULADA and does not open the drawer for it', async () => {
    const { t, p } = await shop();
    till = t;
    const sale = await sell(t, [{ productId: p.id }]);
    await t.call('sales.void', { id: sale.id, reason: 'Error de cobro' });
    const received = printer!.nextJob();
    expect((await t.call('printer.printSale', { saleId: sale.id })).drawerOpened).toBe(false);
    const body = (await received).subarray(6);
    expect(body.includes(ascii('ANULADA'))).toBe(true);
    expect(body.includes(ascii('Motivo: Error de cobro'))).toBe(true);
    expect(body.includes(DRAWER)).toBe(false);
  });
});

describe('printer.test and printer.openDrawer', () => {
  it('prints a test page with accents, the euro sign, a QR and a cut', async () => {
    const { t } = await shop();
    till = t;
    const received = printer!.nextJob();
    await t.call('printer.test', {});
    const body = (await received).subarray(6);
    expect(body.subarray(0, 2)).toEqual(RESET);
    expect(body.includes(CP858)).toBe(true);
    // "PÁGINA" (Á B5), "á é í ó ú" and "€" (D5, the sign CP858 adds to CP850).
    expect(body.includes(bytes(0x50, 0xb5, 0x47, 0x49, 0x4e, 0x41))).toBe(true);
    expect(body.includes(bytes(0xa0, 0x20, 0x82, 0x20, 0xa1, 0x20, 0xa2, 0x20, 0xa3))).toBe(true);
    expect(body.includes(bytes(0xd5))).toBe(true);
    expect(body.includes(QR_STORE)).toBe(true);
    expect(body.includes(CUT)).toBe(true);
    expect(body.includes(DRAWER)).toBe(false);
  });

  it('kicks the drawer with ESC p alone, and audits it', async () => {
    const { t } = await shop();
    till = t;
    const received = printer!.nextJob();
    expect(await t.call('printer.openDrawer', {})).toMatchObject({ drawerOpened: true });
    const body = (await received).subarray(6);
    // The reset (with the encoder's own mode settings), the pulse, and nothing to print.
    expect(body.subarray(0, 2)).toEqual(RESET);
    expect(body.indexOf(DRAWER)).toBeGreaterThan(1);
    expect(body.length).toBeLessThan(16);
    expect(body.includes(CUT)).toBe(false);
    expect(auditRows(t, 'printer.openDrawer')).toHaveLength(1);
  });
});

describe('an unavailable printer', () => {
  it('refused: PRINTER_UNAVAILABLE, and the sale is kept', async () => {
    const { t, p } = await shop();
    till = t;
    await t.call('settings.update', { printerPort: await closedPort() });
    const sale = await sell(t, [{ productId: p.id }]);
    const error = await t.fail('printer.printSale', { saleId: sale.id });
    expect(error).toMatchObject({ code: 'PRINTER_UNAVAILABLE', details: { reason: 'REFUSED' } });
    expect(error.message).toMatch(/refused the connection/);
    expect(error.message).toMatch(/sale is stored.*reprint/);
    expect(countRows(t, 'sales')).toBe(1);
  });

  it('hanging up at once: PRINTER_UNAVAILABLE', async () => {
    printer = await fakePrinter({ kind: 'hangUp' });
    const error = await sendToPrinter(
      { host: '127.0.0.1', port: printer.port },
      bytes(0x1b, 0x40),
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'PRINTER_UNAVAILABLE', details: { reason: 'CLOSED' } });
  });

  it('accepting but never answering: times out after 3 s', async () => {
    const { t } = await shop();
    till = t;
    await printer!.close();
    printer = await fakePrinter({ kind: 'silent' });
    await t.call('settings.update', { printerPort: printer.port });
    const started = Date.now();
    const error = await t.fail('printer.openDrawer', {});
    const elapsed = Date.now() - started;
    expect(error).toMatchObject({ code: 'PRINTER_UNAVAILABLE', details: { reason: 'TIMEOUT' } });
    expect(error.message).toMatch(/did not answer within 3 s/);
    expect(elapsed).toBeGreaterThanOrEqual(2900);
    expect(elapsed).toBeLessThan(6000);
    // Nothing opened, so nothing audited.
    expect(auditRows(t, 'printer.openDrawer')).toHaveLength(0);
  });

  it('reports a printer that is offline or out of paper', async () => {
    for (const [status, reason] of [
      [[0x1e, 0x12], 'OFFLINE'],
      [[0x1e, 0x72], 'PAPER_OUT'],
    ] as const) {
      const offline = await fakePrinter({ kind: 'ok', status });
      const error = await sendToPrinter({ host: '127.0.0.1', port: offline.port }, RESET, {
        timeoutMs: 500,
      }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'PRINTER_UNAVAILABLE', details: { reason } });
      expect(offline.jobs.every((job) => !job.includes(RESET))).toBe(true);
      await offline.close();
    }
  });

  it('without a printer address: PRINTER_UNAVAILABLE saying so', async () => {
    const { t } = await shop({ printerHost: '' });
    till = t;
    const error = await t.fail('printer.test', {});
    expect(error).toMatchObject({
      code: 'PRINTER_UNAVAILABLE',
      details: { reason: 'NOT_CONFIGURED' },
    });
  });
});
