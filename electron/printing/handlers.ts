/**
 * printer.*: ESC/POS jobs for the network printer in settings
 * (printerHost/printerPort). Printing happens after the sale is stored and
 * never changes it: a failed print is a PRINTER_UNAVAILABLE to retry later.
 */
import type { PrintJob } from '../../core/api/areas/printer';
import { DomainError } from '../../core/errors';
import { saleContent } from '../documents/content/sale-content';
import { documentFormat } from '../documents/format';
import { customerAddressOf, documentStore, printedCpeOf, saleRequest } from '../documents/load';
import { withCpe } from '../documents/content/electronic';
import { render } from '../documents/handlers';
import type { AreaHandlers } from '../handler';
import { writeAudit } from '../services/audit';
import { inTransaction, type ServiceContext } from '../services/context';
import { getSale } from '../services/sales/read';
import { loadStore } from '../services/store';
import { encodeDrawerKick, encodeReceipt, encodeTestPage, type Columns } from './escpos';
import { sendToPrinter, type PrinterAddress } from './network-printer';

function printerOf(ctx: ServiceContext): { address: PrinterAddress; columns: Columns } {
  const { settings } = loadStore(ctx);
  if (!settings.printerHost.trim()) {
    throw new DomainError(
      'PRINTER_UNAVAILABLE',
      'No printer is set up: set a network printer address, or (in the desktop app) a system printer name, in the settings',
      { reason: 'NOT_CONFIGURED' },
    );
  }
  return {
    address: { host: settings.printerHost.trim(), port: settings.printerPort },
    // A store on 58 mm paper gets 32 columns; everything else prints the 80 mm layout.
    columns: settings.receiptFormat === '58mm' ? 32 : 48,
  };
}

async function print(
  address: PrinterAddress,
  job: Uint8Array,
  drawerOpened: boolean,
): Promise<PrintJob> {
  await sendToPrinter(address, job);
  return { printer: `${address.host}:${address.port}`, bytes: job.byteLength, drawerOpened };
}

/**
 * A store without a network printer but with a system printer (USB, a
 * Windows or CUPS queue) prints the receipt PDF through the desktop host.
 */
async function printOnSystemPrinter(ctx: ServiceContext, saleId: string): Promise<PrintJob | null> {
  const { settings } = loadStore(ctx);
  if (settings.printerHost.trim() || !settings.printerName.trim() || !ctx.systemPrint) return null;
  const format = settings.receiptFormat;
  const pdf = await render(saleRequest(ctx, saleId, format));
  await ctx.systemPrint(pdf.pdf, { printerName: settings.printerName.trim(), silent: true });
  return { printer: settings.printerName.trim(), bytes: pdf.pdf.byteLength, drawerOpened: false };
}

export const printerHandlers: AreaHandlers<'printer'> = {
  'printer.printSale': {
    access: 'user',
    run: async (input, ctx) => {
      const system = await printOnSystemPrinter(ctx, input.saleId);
      if (system) return system;
      const { address, columns } = printerOf(ctx);
      const { settings } = loadStore(ctx);
      const sale = getSale(ctx, { id: input.saleId });
      // A reprint of a voided sale must not hand out cash.
      const openDrawer =
        settings.openDrawerOnCash &&
        sale.status !== 'ANULADA' &&
        sale.payments.some((p) => p.method === 'EFECTIVO');
      const content = withCpe(
        saleContent(documentStore(ctx), sale, customerAddressOf(ctx, sale)),
        sale.documentType,
        printedCpeOf(ctx, sale.id),
      );
      const job = encodeReceipt(content, { columns, openDrawer });
      return print(address, job, openDrawer);
    },
  },
  'printer.test': {
    access: 'user',
    run: async (_input, ctx) => {
      const { address, columns } = printerOf(ctx);
      const store = documentStore(ctx);
      const fmt = documentFormat(store.locale, store.currency, store.timeZone);
      const now = ctx.now().toISOString();
      const job = encodeTestPage(store.businessName, `${fmt.date(now)} ${fmt.time(now)}`, {
        columns,
      });
      return print(address, job, false);
    },
  },
  'printer.openDrawer': {
    access: 'user',
    run: async (_input, ctx) => {
      const job = await print(printerOf(ctx).address, encodeDrawerKick(), true);
      // Opening the drawer without a sale is what a count shortfall gets traced back to.
      inTransaction(ctx, () =>
        writeAudit(ctx, { action: 'printer.openDrawer', entity: 'printer', entityId: job.printer }),
      );
      return job;
    },
  },
};
