/**
 * The till's product CSV (what `pos export-products` writes and Excel saves),
 * read on the server: UTF-8 with or without BOM, else Windows-1252; ";", ","
 * or tab; Spanish or English headers; amounts with either decimal mark (the
 * same typed-number parser as the till); barcodes separated by "|". The stock
 * column is not read: on the server stock moves only by movements.
 */
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { isUtf8 } from 'node:buffer';
import { DomainError } from '../core/errors';
import { parseTyped } from '../core/money/typed';

const HEADERS: Record<string, readonly string[]> = {
  code: ['codigo', 'code', 'código', 'sku'],
  name: ['nombre', 'name', 'descripcion', 'descripción'],
  category: ['categoria', 'category', 'categoría'],
  soldBy: ['unidad', 'sold_by', 'unit'],
  price: ['precio', 'price'],
  cost: ['costo', 'cost'],
  taxCategory: ['impuesto', 'tax_category', 'tax'],
  minStock: ['stock_minimo', 'min_stock', 'stock_mínimo'],
  trackStock: ['controla_stock', 'track_stock'],
  active: ['activo', 'active'],
  allowNegative: ['permite_negativo', 'allow_negative', 'stock_negativo'],
  barcodes: ['codigos_barras', 'barcodes', 'códigos_barras', 'barcode', 'codigo_barras', 'ean'],
};
type Column = keyof typeof HEADERS;

/** One row: only the columns the file has; the rest keep the product's current values. */
export type CsvProduct = { readonly line: number; readonly code: string } & Partial<{
  name: string;
  category: string | null;
  soldBy: string;
  price: number;
  cost: number;
  taxCategory: string;
  minStock: number;
  trackStock: boolean;
  active: boolean;
  allowNegative: boolean;
  barcodes: string[];
}>;

export interface CsvIssue {
  readonly line: number;
  readonly column: string | null;
  readonly message: string;
}

function decode(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return bytes.subarray(3).toString('utf8');
  }
  return isUtf8(bytes) ? bytes.toString('utf8') : iconv.decode(bytes, 'win1252');
}

function columnOf(header: string): Column | undefined {
  const h = header.trim().toLowerCase().replace(/\s+/g, '_');
  return (Object.keys(HEADERS) as Column[]).find((c) => HEADERS[c]!.includes(h));
}

const TRUE = ['si', 'sí', 's', 'yes', 'y', 'true', '1', 'x'];
const FALSE = ['no', 'n', 'false', '0', ''];

function flag(value: string): boolean {
  const v = value.trim().toLowerCase();
  if (TRUE.includes(v)) return true;
  if (FALSE.includes(v)) return false;
  throw new Error(`"${value}" is not sí/no`);
}

function amount(value: string, digits: number): number {
  try {
    return Number(
      parseTyped(value.trim(), 'es-PE', { maxFractionDigits: digits, ignore: ['S/', 'PEN', '$'] }),
    );
  } catch (error) {
    if (error instanceof DomainError) throw new Error(error.message);
    throw error;
  }
}

/** Every row of the file, or every problem in it (then nothing is imported). */
export function parseProductsCsv(bytes: Buffer): { rows: CsvProduct[]; issues: CsvIssue[] } {
  const text = decode(bytes);
  const parsed = Papa.parse<string[]>(text, {
    delimitersToGuess: [';', ',', '\t'],
    skipEmptyLines: 'greedy',
  });
  const [header, ...body] = parsed.data;
  const issues: CsvIssue[] = [];
  if (!header)
    return { rows: [], issues: [{ line: 1, column: null, message: 'The file is empty' }] };
  const columns = header.map(columnOf);
  if (!columns.includes('code')) {
    return { rows: [], issues: [{ line: 1, column: 'codigo', message: 'No "codigo" column' }] };
  }
  const rows: CsvProduct[] = [];
  const seen = new Map<string, number>();
  body.forEach((cells, i) => {
    const line = i + 2;
    const row: Record<string, unknown> = { line };
    columns.forEach((column, c) => {
      if (!column) return;
      const value = (cells[c] ?? '').trim();
      try {
        switch (column) {
          case 'code':
          case 'name':
          case 'soldBy':
          case 'taxCategory':
            row[column] = value;
            break;
          case 'category':
            row[column] = value || null;
            break;
          case 'price':
          case 'cost':
            if (value) row[column] = amount(value, 2);
            break;
          case 'minStock':
            if (value) row[column] = amount(value, 3);
            break;
          case 'trackStock':
          case 'active':
          case 'allowNegative':
            row[column] = flag(value);
            break;
          case 'barcodes':
            row[column] = value
              ? value
                  .split('|')
                  .map((b) => b.trim())
                  .filter(Boolean)
              : [];
            break;
        }
      } catch (error) {
        issues.push({ line, column: HEADERS[column]![0]!, message: (error as Error).message });
      }
    });
    const code = String(row.code ?? '');
    if (!code) issues.push({ line, column: 'codigo', message: 'A product needs a code' });
    else if (seen.has(code)) {
      issues.push({
        line,
        column: 'codigo',
        message: `Code ${code} is also on line ${seen.get(code)}`,
      });
    } else seen.set(code, line);
    if (row.name === '') issues.push({ line, column: 'nombre', message: 'A product needs a name' });
    rows.push(row as CsvProduct);
  });
  return { rows, issues };
}
