/**
 * ESC/POS bytes for thermal printers, from the same FiscalContent the 80 mm
 * PDF lays out, so both papers say the same thing.
 *
 * Encoding is @point-of-sale/receipt-printer-encoder (npm, MIT; the maintained
 * successor of esc-pos-encoder by the same author): it ships typed, encodes
 * text into legacy code pages with the matching ESC t n per printer family,
 * and emits QR (GS ( k), cut (GS V) and drawer pulse (ESC p), so we keep no
 * hand-written byte tables. We select CP858: CP850 (every Spanish letter and
 * sign) plus the euro sign, numbered ESC t 19 on Epson and compatibles.
 */
import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import type { FiscalContent, Row } from '../documents/content/types';

export const CODEPAGE = 'cp858';

/** Characters per line in the printer's font A: 48 on 80 mm paper, 32 on 58 mm. */
export type Columns = 48 | 32;

function encoder(columns: Columns): ReceiptPrinterEncoder {
  return new ReceiptPrinterEncoder({
    language: 'esc-pos',
    columns,
    // Epson's numbering of code pages, which most ESC/POS printers follow.
    codepageMapping: 'epson',
    // Paper between the last line and the cutter blade.
    feedBeforeCut: 4,
  });
}

/** Formatted amounts hold no-break spaces; the printer needs none of that. */
function plain(text: string): string {
  return text.replace(/\u00a0/g, ' ');
}

/** "Label ....... value" on one line when it fits; otherwise the value on its own, right-aligned. */
export function leftRight(label: string, value: string, columns: number): string[] {
  const left = plain(label);
  const right = plain(value);
  if (!right) return [left];
  if (left.length + 1 + right.length <= columns)
    return [left + ' '.repeat(columns - left.length - right.length) + right];
  return [left, right.padStart(columns)];
}

function rows(e: ReceiptPrinterEncoder, list: readonly Row[], columns: number): void {
  for (const row of list) {
    e.bold(Boolean(row.strong));
    for (const line of leftRight(row.label, row.value, columns)) e.line(line);
  }
  e.bold(false);
}

function voidMark(e: ReceiptPrinterEncoder, voided: NonNullable<FiscalContent['voided']>): void {
  e.align('center').bold(true).size(2, 2).line('ANULADA').size(1, 1).bold(false);
  e.line(plain(`Anulada el ${voided.at}`)).line(plain(`Motivo: ${voided.reason}`));
  e.align('left');
}

/**
 * A dashed rule. The encoder's own rule() draws box characters that CP858
 * lacks, so it would switch code page mid-receipt; dashes keep one code page.
 */
function rule(e: ReceiptPrinterEncoder, columns: Columns): void {
  e.line('-'.repeat(columns));
}

/** Starts every job: ESC @ resets the printer, then the code page is selected. */
function start(columns: Columns): ReceiptPrinterEncoder {
  return encoder(columns).initialize().codepage(CODEPAGE);
}

export function encodeReceipt(
  content: FiscalContent,
  options: { columns: Columns; openDrawer: boolean },
): Uint8Array {
  const { columns } = options;
  const e = start(columns);
  if (content.voided) voidMark(e, content.voided);
  e.align('center').bold(true).size(1, 2).line(plain(content.business.name)).size(1, 1);
  e.bold(false);
  for (const line of content.business.lines) e.line(plain(line));
  rule(e, columns);
  e.bold(true).line(content.title).line(content.number).bold(false);
  e.align('left');
  rule(e, columns);
  rows(e, [...content.meta, ...content.customer, ...content.reference], columns);
  rule(e, columns);
  for (const item of content.items) {
    e.line(plain(item.description));
    for (const line of leftRight(`  ${item.quantity} x ${item.unitPrice}`, item.amount, columns))
      e.line(line);
    if (item.discount) e.line(plain(`  Descuento: -${item.discount}`));
  }
  rule(e, columns);
  rows(e, content.totals, columns);
  e.align('center');
  for (const legend of content.legends) e.line(plain(legend));
  e.align('left').bold(true).line(plain(content.words)).bold(false);
  rule(e, columns);
  rows(e, content.payments, columns);
  rule(e, columns);
  e.align('center');
  e.qrcode(content.qr, { model: 2, size: columns === 48 ? 5 : 4, errorlevel: 'm' });
  e.line(plain(content.qrCaption));
  for (const line of content.footer) e.line(plain(line));
  if (content.voided) voidMark(e, content.voided);
  e.cut('partial');
  if (options.openDrawer) e.pulse();
  return e.encode();
}

/** Proves the code page, the bold and centred text, the QR and the cutter in one short page. */
export function encodeTestPage(
  business: string,
  printedAt: string,
  options: { columns: Columns },
): Uint8Array {
  const e = start(options.columns);
  e.align('center').bold(true).size(1, 2).line('PÁGINA DE PRUEBA').size(1, 1).bold(false);
  e.line(plain(business)).line(plain(printedAt));
  rule(e, options.columns);
  e.align('left');
  e.line('Acentos: á é í ó ú Á É Í Ó Ú');
  e.line('Eñes y diéresis: ñ Ñ ü Ü');
  e.line('Signos: ¿? ¡! € $ ° ª º');
  e.bold(true).line('Texto en negrita').bold(false);
  rule(e, options.columns);
  e.align('center');
  e.qrcode('Tendero: prueba de impresora', { model: 2, size: 5, errorlevel: 'm' });
  e.line('Si lee este QR y las tildes, todo está bien.');
  e.cut('partial');
  return e.encode();
}

/** Just the drawer kick (ESC p, pin 2): the printer passes the pulse to the drawer's solenoid. */
export function encodeDrawerKick(): Uint8Array {
  return encoder(48).initialize().pulse().encode();
}
