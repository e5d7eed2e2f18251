/**
 * Test helpers for documents: read a PDF back as text with Debian's
 * pdftotext, turn its pages into PNGs with pdftoppm (kept in
 * e2e/screenshots/documents/ to look at), and decode the QR from those PNGs.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { RenderedDocument } from '../../core/api/areas/documents';
import type { Summary } from '../../core/api/model';
import { allocateByLargestRemainder } from '../../core/money/allocate';
import { roundRatio } from '../../core/money/rounding';
import { addDays } from '../../core/time';
import type { DocumentStore } from './model';

export const SCREENSHOTS = fileURLToPath(
  new URL('../../e2e/screenshots/documents/', import.meta.url),
);

export function pdfBytes(doc: RenderedDocument): Buffer {
  if (!doc.pdf) throw new Error('the document was written to a file, not returned');
  return Buffer.from(doc.pdf, 'base64');
}

/**
 * The PDF's text in reading layout, no-break spaces made plain, so a test
 * reads "S/ 295.00" as it appears on paper.
 */
export function pdfText(pdf: Uint8Array): string {
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], {
    input: pdf,
    encoding: 'utf8',
  }).replace(/\u00a0/g, ' ');
}

/** The text with every run of white space (and line breaks) made one space. */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether `label` and `value` stand on one printed line, in that order. */
export function hasRow(text: string, label: string, value: string): boolean {
  return new RegExp(`${escape(label)}[ ]+${escape(value)}(?:[ ]|$)`, 'm').test(text);
}

/** Writes the PDF and one PNG per page at 110 dpi; returns the PNG files. */
export function snapshot(name: string, pdf: Uint8Array): string[] {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const old of readdirSync(SCREENSHOTS).filter((f) => f.startsWith(`${name}-`)))
    rmSync(join(SCREENSHOTS, old));
  const file = join(SCREENSHOTS, `${name}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-r', '110', '-png', file, join(SCREENSHOTS, name)]);
  return readdirSync(SCREENSHOTS)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))
    .sort()
    .map((f) => join(SCREENSHOTS, f));
}

/** The image `scale` times larger, each pixel repeated (nearest neighbour). */
function enlarged(
  image: PNG,
  scale: number,
): { data: Uint8ClampedArray; width: number; height: number } {
  const width = image.width * scale;
  const height = image.height * scale;
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const from = (Math.floor(y / scale) * image.width + Math.floor(x / scale)) * 4;
      data.set(image.data.subarray(from, from + 4), (y * width + x) * 4);
    }
  }
  return { data, width, height };
}

/**
 * The text of the QR code in a PNG, or null if none can be read. At 110 dpi
 * a module is under 4 pixels and jsQR's finder search sometimes misses the
 * grid; it is given the same pixels enlarged before giving up.
 */
export function readQr(png: string): string | null {
  const image = PNG.sync.read(readFileSync(png));
  for (const scale of [1, 2, 3]) {
    const { data, width, height } = enlarged(image, scale);
    const text = jsQR(data, width, height)?.data;
    if (text !== undefined) return text;
  }
  return null;
}

/** The page sizes in points, as pdfinfo reports them. */
export function pageSizes(pdf: Uint8Array): { width: number; height: number }[] {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '999', '-'], {
    input: pdf,
    encoding: 'utf8',
  });
  return [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => ({
    width: Number(m[1]),
    height: Number(m[2]),
  }));
}

/** A store for documents built without a database. */
export const SAMPLE_STORE: DocumentStore = {
  businessName: 'Minimarket La Esquina',
  taxId: '20601234567',
  taxIdLabel: 'RUC',
  address: 'Av. Arequipa 1234, Lince, Lima',
  phone: '01 440 1234',
  country: 'PE',
  locale: 'es-PE',
  timeZone: 'America/Lima',
  currency: 'PEN',
  roundingMode: 'HALF_UP',
  receiptFooter: '¡Gracias por su compra!',
  paymentMethodNames: {},
};

/** A year of trade as reports.summary would return it: every day, 20 products, 12 categories. */
export function sampleYearSummary(): Summary {
  const from = '2025-01-01';
  const perDay = Array.from({ length: 365 }, (_, i) => {
    const date = addDays(from, i);
    const total = 2_000_000 + ((i * 7919) % 900_000) + (i % 7 === 5 ? 800_000 : 0);
    return { date, count: 800 + (i % 60), total };
  });
  const total = perDay.reduce((sum, d) => sum + d.total, 0);
  const count = perDay.reduce((sum, d) => sum + d.count, 0);
  const base = roundRatio(BigInt(total) * 100n, 118n, 'HALF_UP');
  // Splits that add up to the totals, as a real summary's do.
  const [cashCount, cardCount] = allocateByLargestRemainder(count, [7, 3]) as [number, number];
  const [cash, card] = allocateByLargestRemainder(total, [7, 3]) as [number, number];
  const [cost, profit] = allocateByLargestRemainder(base, [7, 3]) as [number, number];
  const perCashier = allocateByLargestRemainder(total, [1, 1, 1, 1]);
  const perCashierCount = allocateByLargestRemainder(count, [1, 1, 1, 1]);
  const perCategory = allocateByLargestRemainder(total, Array<number>(12).fill(1));
  return {
    from,
    to: addDays(from, 364),
    currency: 'PEN',
    sales: {
      count,
      gross: total,
      discounts: 0,
      base,
      exempt: 0,
      unaffected: 0,
      tax: total - base,
      fixedTax: 0,
      igtf: 0,
      cashRounding: 0,
      total,
      averageTicket: roundRatio(BigInt(total), BigInt(count), 'HALF_UP'),
    },
    taxes: [{ rate: 1800, base, tax: total - base }],
    voids: { count: 120, total: 250_000 },
    returns: { count: 80, total: 180_000 },
    byMethod: [
      {
        method: 'EFECTIVO',
        currency: 'PEN',
        count: cashCount,
        amount: cash,
      },
      {
        method: 'TARJETA',
        currency: 'PEN',
        count: cardCount,
        amount: card,
      },
    ],
    byCashier: ['Ana', 'Beto', 'Carla', 'Diego'].map((name, i) => ({
      id: i + 1,
      name,
      count: perCashierCount[i]!,
      total: perCashier[i]!,
    })),
    byCategory: Array.from({ length: 12 }, (_, i) => ({
      id: i + 1,
      name: `Categoría ${i + 1} — abarrotes y más`,
      count: 10_000 - i * 500,
      total: perCategory[i]!,
    })),
    topProducts: Array.from({ length: 20 }, (_, i) => ({
      productId: i + 1,
      code: `P${String(i).padStart(6, '0')}`,
      name: `Producto número ${i + 1} con nombre largo de góndola`,
      quantity: 5_000 - i * 100,
      total: 9_000_000 - i * 200_000,
      profit: 2_000_000 - i * 50_000,
    })),
    profit: { revenue: base, cost, profit },
    extraIncome: [{ type: 'domicilio', count: 300, amount: 150_000 }],
    expenses: [{ type: 'gasto', count: 50, amount: 400_000 }],
    perDay,
    perHour: Array.from({ length: 24 }, (_, hour) => ({ hour, count: 0, total: 0 })),
  };
}

/**
 * How far the printed words reach from each side of the first page, in
 * points, from pdftotext's word boxes: what a roll must keep inside the part
 * of the paper a thermal head can print.
 */
export function textReach(pdf: Uint8Array): { width: number; left: number; right: number } {
  const html = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', '-', '-'], {
    input: pdf,
    encoding: 'utf8',
  });
  const width = Number(/<page width="([\d.]+)"/.exec(html)?.[1]);
  const boxes = [...html.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"/g)];
  return {
    width,
    left: Math.min(...boxes.map((m) => Number(m[1]))),
    right: width - Math.max(...boxes.map((m) => Number(m[2]))),
  };
}
