import { z } from 'zod';
import { area, channel } from '../channel';
import { empty, uuid } from '../schemas';

/** What a network (ESC/POS) printer was sent. */
export interface PrintJob {
  /** host:port of the printer. */
  readonly printer: string;
  readonly bytes: number;
  readonly drawerOpened: boolean;
}

export const printerChannels = area('printer', {
  printSale: channel<PrintJob>()({
    summary:
      "Prints a sale's receipt on the network printer (settings.printerHost/printerPort, ESC/POS); opens the drawer when the store says so and the sale had cash. PRINTER_UNAVAILABLE if the printer cannot be reached (the sale stays stored; reprint later).",
    input: z.object({ saleId: uuid }).strict(),
  }),
  test: channel<PrintJob>()({
    summary: 'Prints a test page on the network printer: accents, the code page, a QR and a cut.',
    input: empty,
  }),
  openDrawer: channel<PrintJob>()({
    summary: "Kicks open the cash drawer wired to the network printer's drawer port.",
    input: empty,
  }),
});
