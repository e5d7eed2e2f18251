/**
 * Prints a rendered PDF on a system printer (USB, Windows/CUPS queue) through
 * Chromium: silently to a named printer at the till, or with the print dialog.
 * ESC/POS network printers go through electron/printing/ instead.
 *
 * The PDF is shown in a hidden window by Chromium's own PDF viewer and that
 * window is printed. Electron 33+ prints PDF documents correctly this way,
 * silent printing included (electron/electron#43309, #47624); older versions
 * printed blank pages. One of the few files that import 'electron': it cannot
 * run under plain Node, so it stays small and the PDF comes in ready-made.
 */
import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, type WebContentsPrintOptions } from 'electron';
import { denyAllPermissions, lockPrintWindow, PRINT_WEB_PREFERENCES } from './security';
import { DomainError } from '../core/errors';

export interface PrintPdfOptions {
  /** The system printer's name; the default printer when empty. */
  readonly printerName: string;
  /** true at the till (no dialog); false lets the user pick printer and copies. */
  readonly silent: boolean;
  readonly copies?: number;
}

const MICRONS_PER_POINT = 25_400 / 72;

/** The first page's size in points, from its MediaBox (pdfkit writes it as plain text). */
export function firstPageSize(pdf: Uint8Array): { width: number; height: number } {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const box = /\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(text);
  if (!box) throw new Error('the PDF has no MediaBox');
  return {
    width: Number(box[3]) - Number(box[1]),
    height: Number(box[4]) - Number(box[2]),
  };
}

/**
 * The paper Chromium must ask the driver for: A4 as A4, and a roll page at
 * its exact width and the height of its content, so the driver neither
 * scales the receipt down nor feeds a full sheet of blank roll.
 */
export function pageSizeFor(pdf: Uint8Array): WebContentsPrintOptions['pageSize'] {
  const { width, height } = firstPageSize(pdf);
  if (Math.abs(width - 595.28) < 1 && Math.abs(height - 841.89) < 1) return 'A4';
  return {
    width: Math.round(width * MICRONS_PER_POINT),
    height: Math.round(height * MICRONS_PER_POINT),
  };
}

function unavailable(message: string, reason: string, printer: string): DomainError {
  return new DomainError(
    'PRINTER_UNAVAILABLE',
    `${message}. The document is stored: check the printer and print it again.`,
    { reason, printer },
  );
}

/** The system's printers, for the settings screen's printerName picker. */
export async function listPrinters(): Promise<{ name: string; displayName: string }[]> {
  const probe = new BrowserWindow({ show: false, webPreferences: PRINT_WEB_PREFERENCES });
  denyAllPermissions(probe.webContents.session);
  lockPrintWindow(probe.webContents, 'about:blank');
  try {
    const printers = await probe.webContents.getPrintersAsync();
    return printers.map((p) => ({ name: p.name, displayName: p.displayName }));
  } finally {
    probe.destroy();
  }
}

export async function printPdf(pdf: Uint8Array, options: PrintPdfOptions): Promise<void> {
  const file = join(tmpdir(), `tendero-print-${randomUUID()}.pdf`);
  await writeFile(file, pdf);
  const window = new BrowserWindow({
    show: false,
    // The PDF viewer is a plugin; nothing else runs in this window.
    webPreferences: PRINT_WEB_PREFERENCES,
  });
  denyAllPermissions(window.webContents.session);
  lockPrintWindow(window.webContents, pathToFileURL(file).href);
  try {
    if (options.printerName) {
      const printers = await window.webContents.getPrintersAsync();
      if (!printers.some((p) => p.name === options.printerName)) {
        throw unavailable(
          `Printer "${options.printerName}" is not installed on this computer`,
          'NOT_INSTALLED',
          options.printerName,
        );
      }
    }
    await window.loadURL(pathToFileURL(file).href);
    // The viewer lays the document out after the load event; printing sooner prints nothing.
    await new Promise((resolve) => setTimeout(resolve, 400));
    await new Promise<void>((resolve, reject) => {
      window.webContents.print(
        {
          silent: options.silent,
          ...(options.printerName ? { deviceName: options.printerName } : {}),
          printBackground: true,
          margins: { marginType: 'none' },
          pageSize: pageSizeFor(pdf),
          copies: options.copies ?? 1,
        },
        (success, failureReason) => {
          if (success) resolve();
          // A user closing the dialog is not a printer fault.
          else if (failureReason === 'Print job canceled') resolve();
          else
            reject(
              unavailable(
                `Printing failed (${failureReason || 'unknown reason'})`,
                'PRINT_FAILED',
                options.printerName || 'default',
              ),
            );
        },
      );
    });
  } finally {
    window.destroy();
    await rm(file, { force: true });
  }
}
