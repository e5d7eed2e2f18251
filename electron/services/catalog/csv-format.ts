import Papa from 'papaparse';
import { DomainError } from '../../../core/errors';
import type { ImportIssue } from '../../../core/api/model';
import { MAX_QUANTITY } from '../../../core/api/schemas';
import { separatorsOf } from '../../../core/money/locale';
import { parseTyped } from '../../../core/money/typed';
import { checkBarcodeShape } from './products';

/**
 * Product CSV, as a shop edits it in Excel: exported as UTF-8 with a BOM and
 * the list separator Excel expects for the store's locale (";" where "," is
 * the decimal mark); imported in any encoding Excel writes (csv-encoding.ts)
 * with ";", "," or tab. Spanish headers (English ones are accepted too),
 * amounts with either decimal mark, barcodes separated by "|".
 */
export const COLUMNS = [
  { key: 'code', header: 'codigo', aliases: ['code', 'código', 'sku'] },
  { key: 'name', header: 'nombre', aliases: ['name', 'descripcion', 'descripción'] },
  { key: 'category', header: 'categoria', aliases: ['category', 'categoría'] },
  { key: 'soldBy', header: 'unidad', aliases: ['sold_by', 'unit'] },
  { key: 'price', header: 'precio', aliases: ['price'] },
  { key: 'cost', header: 'costo', aliases: ['cost'] },
  { key: 'taxCategory', header: 'impuesto', aliases: ['tax_category', 'tax'] },
  { key: 'stock', header: 'stock', aliases: ['existencias'] },
  { key: 'minStock', header: 'stock_minimo', aliases: ['min_stock', 'stock_mínimo'] },
  { key: 'trackStock', header: 'controla_stock', aliases: ['track_stock'] },
  { key: 'active', header: 'activo', aliases: ['active'] },
  {
    key: 'allowNegative',
    header: 'permite_negativo',
    aliases: ['allow_negative', 'stock_negativo'],
  },
  {
    key: 'barcodes',
    header: 'codigos_barras',
    aliases: [
      'barcodes',
      'códigos_barras',
      'barcode',
      'codigo_barras',
      'código_barras',
      'codigo_de_barras',
      'código_de_barras',
      'ean',
    ],
  },
] as const;

/** The API's limits, which an import may not get round. */
export const MAX_STOCK = MAX_QUANTITY * 1000;
export const MAX_BARCODES = 20;

export type ColumnKey = (typeof COLUMNS)[number]['key'];

export function columnFor(header: string): ColumnKey | undefined {
  const h = header.trim().toLowerCase().replace(/\s+/g, '_');
  return COLUMNS.find((c) => c.header === h || (c.aliases as readonly string[]).includes(h))?.key;
}

export function listSeparator(locale: string): string {
  return separatorsOf(locale).decimal === ',' ? ';' : ',';
}

export function headerOf(key: ColumnKey): string {
  return COLUMNS.find((c) => c.key === key)!.header;
}

/** Which column a domain error from the product rules is about, by its details.path. */
export const PATH_COLUMNS: Readonly<Record<string, ColumnKey>> = {
  code: 'code',
  name: 'name',
  categoryId: 'category',
  soldBy: 'soldBy',
  price: 'price',
  cost: 'cost',
  taxCategory: 'taxCategory',
  minStock: 'minStock',
  barcodes: 'barcodes',
};

export class RowError extends Error {
  constructor(
    readonly field: ColumnKey | null,
    readonly reason: string,
    message: string,
    /** A refused number's details from core/money/typed.ts, for the UI's hint. */
    readonly details?: Readonly<Record<string, string | number>>,
  ) {
    super(message);
  }
}

const TRUE = ['si', 'sí', 's', 'yes', 'y', 'true', '1', 'x'];
const FALSE = ['no', 'n', 'false', '0', ''];

export function parseFlag(value: string, field: ColumnKey): boolean {
  const v = value.trim().toLowerCase();
  if (TRUE.includes(v)) return true;
  if (FALSE.includes(v)) return false;
  throw new RowError(field, 'INVALID_FLAG', `"${value}" is not sí/no`);
}

/**
 * A number cell, read by the same parser as every field a person types
 * (core/money/typed.ts): "," or "." as the decimal mark whatever the locale
 * (Excel in Spanish writes "2,50"), thousands grouped in threes, the
 * currency's symbol or code ignored. What can be read two ways ("1,234" as a
 * price) is refused with the hint the UI shows for a typed field.
 */
export function parseNumber(
  value: string,
  locale: string,
  digits: number,
  field: ColumnKey,
  max: number,
  options: { allowNegative?: boolean; ignore?: readonly string[] } = {},
): number {
  const text = value.trim();
  let scaled: bigint;
  try {
    scaled = parseTyped(text, locale, {
      maxFractionDigits: digits,
      allowNegative: options.allowNegative ?? false,
      ignore: options.ignore ?? [],
    });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const details = error.details ?? {};
    const reason = typeof details.reason === 'string' ? details.reason : 'INVALID_NUMBER';
    const hint: Record<string, string | number> = {};
    for (const [key, v] of Object.entries(details)) {
      if (typeof v === 'string' || typeof v === 'number') hint[key] = v;
    }
    throw new RowError(field, reason, error.message, hint);
  }
  if (scaled > BigInt(max) || scaled < -BigInt(max)) {
    throw new RowError(field, 'OUT_OF_RANGE', `"${value}" is too large`);
  }
  return Number(scaled);
}

/** Barcodes as the API takes them: printable, up to 64 characters, 20 per product, valid GTINs. */
export function parseBarcodes(value: string): string[] {
  const barcodes = [...new Set(value.split(/[|\s]+/).filter(Boolean))];
  if (barcodes.length > MAX_BARCODES) {
    throw new RowError(
      'barcodes',
      'TOO_MANY_BARCODES',
      `A product has at most ${MAX_BARCODES} barcodes`,
    );
  }
  barcodes.forEach((barcode, index) => {
    if (barcode.length > 64 || /\p{Cc}/u.test(barcode)) {
      throw new RowError('barcodes', 'INVALID_BARCODE', `"${barcode}" is not a barcode`);
    }
    try {
      checkBarcodeShape(barcode, index);
    } catch (error) {
      if (error instanceof DomainError) throw new RowError('barcodes', error.code, error.message);
      throw error;
    }
  });
  return barcodes;
}

export interface ParsedRow {
  readonly line: number;
  readonly code: string;
  readonly fields: Partial<Record<ColumnKey, string>>;
}

/**
 * Excel runs a cell that starts with = + - @ as a formula, which a product
 * name should never do. Export guards such text with a leading apostrophe
 * (what Excel itself shows for text) and import takes it off again.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

export function asText(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function fromText(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

/**
 * The separator the header line is written with: the one that splits it into
 * the most known columns. Names full of commas in a ";" file, or amounts with
 * decimal commas, then cannot fool a guess made from the data rows.
 */
export function headerDelimiter(text: string): string | undefined {
  const firstLine = text.slice(0, text.search(/\r\n|\r|\n|$/));
  let best: { delimiter: string; known: number } | undefined;
  for (const delimiter of [';', ',', '\t']) {
    const known = firstLine
      .split(delimiter)
      .map((cell) => cell.replace(/^\s*"|"\s*$/g, ''))
      .filter((cell) => columnFor(cell) !== undefined).length;
    if (known > 0 && (!best || known > best.known)) best = { delimiter, known };
  }
  return best?.delimiter;
}

const NEWLINES = /\r\n|\r|\n/g;

/**
 * Reads the CSV into rows keyed by column; reports unknown or missing columns up front.
 * Each row keeps the line of the file it starts on, counting blank lines and
 * line breaks inside quoted cells, so a report points where a text editor does.
 */
export function readRows(csv: string): {
  rows: ParsedRow[];
  fileErrors: ImportIssue[];
  separator: CsvSeparator | null;
} {
  const text = csv.replace(/^\uFEFF/, '');
  const delimiter = headerDelimiter(text);
  const separator = (delimiter as CsvSeparator | undefined) ?? null;
  const parsed = Papa.parse<string[]>(text, {
    skipEmptyLines: false,
    ...(delimiter ? { delimiter } : { delimitersToGuess: [';', ',', '\t'] }),
  });
  const lines: { line: number; cells: string[] }[] = [];
  let line = 1;
  for (const cells of parsed.data) {
    if (cells.some((cell) => cell.trim() !== '')) lines.push({ line, cells });
    line += 1 + cells.reduce((n, cell) => n + (cell.match(NEWLINES)?.length ?? 0), 0);
  }
  const [head, ...data] = lines;
  const fileErrors: ImportIssue[] = [];
  if (!head)
    return {
      rows: [],
      fileErrors: [{ line: 1, field: null, reason: 'EMPTY_FILE', message: 'The file is empty' }],
      separator,
    };
  const header = head.cells;
  const keys = header.map(columnFor);
  header.forEach((h, i) => {
    if (!keys[i] && h.trim() !== '') {
      fileErrors.push({
        line: head.line,
        field: h,
        reason: 'UNKNOWN_COLUMN',
        message: `Unknown column "${h}"`,
      });
    }
  });
  keys.forEach((key, i) => {
    if (key && keys.indexOf(key) !== i) {
      fileErrors.push({
        line: head.line,
        field: header[i] ?? null,
        reason: 'DUPLICATE_COLUMN',
        message: `The column "${headerOf(key)}" appears twice`,
      });
    }
  });
  for (const required of ['code', 'name', 'price'] as const) {
    if (!keys.includes(required)) {
      fileErrors.push({
        line: head.line,
        field: headerOf(required),
        reason: 'MISSING_COLUMN',
        message: `The column "${headerOf(required)}" is required`,
      });
    }
  }
  const rows = data.map(({ line: rowLine, cells }) => {
    const fields: Partial<Record<ColumnKey, string>> = {};
    keys.forEach((key, i) => {
      if (key) fields[key] = fromText((cells[i] ?? '').trim());
    });
    return { line: rowLine, code: fields.code ?? '', fields };
  });
  return { rows, fileErrors, separator };
}

export type CsvSeparator = ';' | ',' | '\t';
