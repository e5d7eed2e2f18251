import Papa from 'papaparse';
import { asc } from 'drizzle-orm';
import { DomainError } from '../../../core/errors';
import type { ImportIssue, ImportReport } from '../../../core/api/model';
import { MAX_AMOUNT, MAX_QUANTITY } from '../../../core/api/schemas';
import { currency as currencyOf } from '../../../core/money/currency';
import { minorToDecimalString } from '../../../core/money/format';
import { separatorsOf } from '../../../core/money/locale';
import { parseDecimal } from '../../../core/money/parse';
import { categories, productBarcodes, products } from '../../../db/schema';
import { inTransaction, statement, type ServiceContext } from '../context';
import { moveStock } from '../stock-ledger';
import { loadStore, taxCategoriesOf } from '../store';
import { ensureCategory } from './categories';
import { checkBarcodeShape, insertProduct, patchProduct } from './products';

/**
 * Product CSV, as a shop edits it in Excel: UTF-8 with a BOM, the list
 * separator Excel expects for the store's locale (";" where "," is the decimal
 * mark), Spanish headers (English ones are accepted too), amounts in the
 * locale's decimals, barcodes separated by "|".
 */
const COLUMNS = [
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
const MAX_STOCK = MAX_QUANTITY * 1000;
const MAX_BARCODES = 20;

type ColumnKey = (typeof COLUMNS)[number]['key'];

function columnFor(header: string): ColumnKey | undefined {
  const h = header.trim().toLowerCase().replace(/\s+/g, '_');
  return COLUMNS.find((c) => c.header === h || (c.aliases as readonly string[]).includes(h))?.key;
}

function listSeparator(locale: string): string {
  return separatorsOf(locale).decimal === ',' ? ';' : ',';
}

function headerOf(key: ColumnKey): string {
  return COLUMNS.find((c) => c.key === key)!.header;
}

/** Which column a domain error from the product rules is about, by its details.path. */
const PATH_COLUMNS: Readonly<Record<string, ColumnKey>> = {
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

class RowError extends Error {
  constructor(
    readonly field: ColumnKey | null,
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

const TRUE = ['si', 'sí', 's', 'yes', 'y', 'true', '1', 'x'];
const FALSE = ['no', 'n', 'false', '0', ''];

function parseFlag(value: string, field: ColumnKey): boolean {
  const v = value.trim().toLowerCase();
  if (TRUE.includes(v)) return true;
  if (FALSE.includes(v)) return false;
  throw new RowError(field, 'INVALID_FLAG', `"${value}" is not sí/no`);
}

/**
 * Numbers in the store's locale; where the locale writes decimals with ",", a
 * lone "." is read as a decimal point too unless it clearly groups thousands
 * ("1.234"), so files saved by other tools still import.
 */
function parseNumber(
  value: string,
  locale: string,
  digits: number,
  field: ColumnKey,
  max: number,
  allowNegative = false,
): number {
  const text = value.trim();
  let scaled: bigint;
  try {
    scaled = parseDecimal(text, locale, { maxFractionDigits: digits, allowNegative });
  } catch (error) {
    const { decimal } = separatorsOf(locale);
    if (decimal === ',' && /^-?\d+\.\d+$/.test(text) && !/^-?\d{1,3}(\.\d{3})+$/.test(text)) {
      return parseNumber(text, 'en-US', digits, field, max, allowNegative);
    }
    const reason =
      error instanceof DomainError && error.details?.reason === 'OUT_OF_RANGE'
        ? 'OUT_OF_RANGE'
        : 'INVALID_NUMBER';
    throw new RowError(field, reason, error instanceof DomainError ? error.message : String(error));
  }
  if (scaled > BigInt(max) || scaled < -BigInt(max)) {
    throw new RowError(field, 'OUT_OF_RANGE', `"${value}" is too large`);
  }
  return Number(scaled);
}

/** Barcodes as the API takes them: printable, up to 64 characters, 20 per product, valid GTINs. */
function parseBarcodes(value: string): string[] {
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

interface ParsedRow {
  readonly line: number;
  readonly code: string;
  readonly fields: Partial<Record<ColumnKey, string>>;
}

/**
 * Excel runs a cell that starts with = + - @ as a formula, which a product
 * name should never do. Export guards such text with a leading apostrophe
 * (what Excel itself shows for text) and import takes it off again.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function asText(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function fromText(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

export function exportProductsCsv(ctx: ServiceContext): { csv: string; rows: number } {
  const { settings } = loadStore(ctx);
  const digits = currencyOf(settings.currency).minorDigits;
  const { decimal } = separatorsOf(settings.locale);
  const number = (value: number, places: number) =>
    minorToDecimalString(value, places).replace('.', decimal);
  const quantity = (thousandths: number) =>
    number(thousandths, 3).replace(new RegExp(`\\${decimal}?0+$`), '');
  const names = new Map(
    ctx.db.orm
      .select()
      .from(categories)
      .all()
      .map((c) => [c.id, c.name]),
  );
  const codes = new Map<number, string[]>();
  for (const b of ctx.db.orm
    .select()
    .from(productBarcodes)
    .orderBy(asc(productBarcodes.barcode))
    .all()) {
    codes.set(b.productId, [...(codes.get(b.productId) ?? []), b.barcode]);
  }
  const rows = ctx.db.orm
    .select()
    .from(products)
    .orderBy(asc(products.code))
    .all()
    .map((p) => [
      asText(p.code),
      asText(p.name),
      asText(p.categoryId === null ? '' : (names.get(p.categoryId) ?? '')),
      p.soldBy === 'weight' ? 'peso' : 'unidad',
      number(p.price, digits),
      number(p.cost, digits),
      p.taxCategory,
      quantity(p.stock) || '0',
      quantity(p.minStock) || '0',
      p.trackStock ? 'si' : 'no',
      p.active ? 'si' : 'no',
      p.allowNegative ? 'si' : 'no',
      (codes.get(p.id) ?? []).join('|'),
    ]);
  const csv = Papa.unparse(
    { fields: COLUMNS.map((c) => c.header), data: rows },
    { delimiter: listSeparator(settings.locale), newline: '\r\n' },
  );
  return { csv: `\uFEFF${csv}\r\n`, rows: rows.length };
}

/**
 * The separator the header line is written with: the one that splits it into
 * the most known columns. Names full of commas in a ";" file, or amounts with
 * decimal commas, then cannot fool a guess made from the data rows.
 */
function headerDelimiter(text: string): string | undefined {
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
function readRows(csv: string): { rows: ParsedRow[]; fileErrors: ImportIssue[] } {
  const text = csv.replace(/^\uFEFF/, '');
  const delimiter = headerDelimiter(text);
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
  return { rows, fileErrors };
}

export interface ImportOptions {
  readonly csv: string;
  readonly skipInvalid: boolean;
  readonly dryRun: boolean;
}

/**
 * Upserts products by code. Every row is checked first and every bad row is
 * reported with its line; unless told to skip them, one bad row means nothing
 * is written. The writes are one transaction either way.
 */
export function importProductsCsv(ctx: ServiceContext, options: ImportOptions): ImportReport {
  const store = loadStore(ctx);
  const { settings, profile } = store;
  const digits = currencyOf(settings.currency).minorDigits;
  const taxCodes = new Set(taxCategoriesOf(ctx).map((t) => t.code));
  const { rows, fileErrors } = readRows(options.csv);
  if (fileErrors.length > 0) {
    const report = {
      dryRun: options.dryRun,
      rows: rows.length,
      created: 0,
      updated: 0,
      skipped: rows.length,
      errors: fileErrors,
    };
    if (options.dryRun) return report;
    throw new DomainError('VALIDATION', 'The file cannot be imported: check its columns', {
      reason: 'IMPORT_HAS_ERRORS',
      report,
    });
  }

  const errors: ImportIssue[] = [];
  const seenCodes = new Map<string, number>();
  const seenBarcodes = new Map<string, string>();
  const valid: { line: number; apply: () => 'created' | 'updated' }[] = [];

  for (const row of rows) {
    try {
      const f = row.fields;
      const code = (f.code ?? '').trim();
      if (!code || /[\s\p{Cc}]/u.test(code) || code.length > 32)
        throw new RowError(
          'code',
          'INVALID_CODE',
          'The code is required, up to 32 characters, without spaces',
        );
      const earlier = seenCodes.get(code);
      if (earlier)
        throw new RowError(
          'code',
          'DUPLICATE_IN_FILE',
          `Code ${code} is repeated (first on line ${earlier})`,
        );
      seenCodes.set(code, row.line);
      const name = (f.name ?? '').trim();
      if (!name || name.length > 120)
        throw new RowError('name', 'INVALID_NAME', 'The name is required, up to 120 characters');
      const price = parseNumber(f.price ?? '', settings.locale, digits, 'price', MAX_AMOUNT);
      const cost = f.cost
        ? parseNumber(f.cost, settings.locale, digits, 'cost', MAX_AMOUNT)
        : undefined;
      const soldByText = (f.soldBy ?? '').toLowerCase();
      const soldBy =
        soldByText === ''
          ? undefined
          : ['peso', 'kg', 'kilo', 'weight', 'granel'].includes(soldByText)
            ? 'weight'
            : ['unidad', 'unit', 'und', 'u'].includes(soldByText)
              ? 'unit'
              : null;
      if (soldBy === null)
        throw new RowError('soldBy', 'INVALID_UNIT', `"${f.soldBy}" is not unidad or peso`);
      const taxCategory = f.taxCategory ? f.taxCategory.toUpperCase() : undefined;
      if (taxCategory && !taxCodes.has(taxCategory)) {
        throw new RowError(
          'taxCategory',
          'UNKNOWN_TAX_CATEGORY',
          `Tax category "${f.taxCategory}" does not exist (use ${[...taxCodes].join(', ')})`,
        );
      }
      const stock = f.stock
        ? parseNumber(f.stock, settings.locale, 3, 'stock', MAX_STOCK, true)
        : undefined;
      const minStock = f.minStock
        ? parseNumber(f.minStock, settings.locale, 3, 'minStock', MAX_STOCK)
        : undefined;
      const trackStock =
        f.trackStock === undefined || f.trackStock === ''
          ? undefined
          : parseFlag(f.trackStock, 'trackStock');
      const active =
        f.active === undefined || f.active === '' ? undefined : parseFlag(f.active, 'active');
      const allowNegative =
        f.allowNegative === undefined || f.allowNegative === ''
          ? undefined
          : parseFlag(f.allowNegative, 'allowNegative');
      const barcodes = f.barcodes === undefined ? undefined : parseBarcodes(f.barcodes);
      for (const barcode of barcodes ?? []) {
        const owner = seenBarcodes.get(barcode);
        if (owner && owner !== code)
          throw new RowError(
            'barcodes',
            'DUPLICATE_IN_FILE',
            `Barcode ${barcode} is also on product ${owner}`,
          );
        seenBarcodes.set(barcode, code);
      }
      const categoryName = f.category?.trim() || undefined;
      if (categoryName && categoryName.length > 60)
        throw new RowError('category', 'INVALID_CATEGORY', 'A category has up to 60 characters');

      valid.push({
        line: row.line,
        apply: () => {
          const categoryId = categoryName ? ensureCategory(ctx, categoryName) : undefined;
          const existing = statement(ctx, 'SELECT id, stock FROM products WHERE code = ?').get(
            code,
          ) as { id: number; stock: number } | undefined;
          if (existing) {
            patchProduct(ctx, {
              id: existing.id,
              name,
              price,
              ...(cost === undefined ? {} : { cost }),
              ...(soldBy === undefined ? {} : { soldBy }),
              ...(taxCategory === undefined ? {} : { taxCategory }),
              ...(categoryId === undefined ? {} : { categoryId }),
              ...(minStock === undefined ? {} : { minStock }),
              ...(trackStock === undefined ? {} : { trackStock }),
              ...(active === undefined ? {} : { active }),
              ...(allowNegative === undefined ? {} : { allowNegative }),
              ...(barcodes === undefined ? {} : { barcodes }),
            });
            if (stock !== undefined && stock !== existing.stock) {
              moveStock(ctx, {
                productId: existing.id,
                quantity: stock - existing.stock,
                kind: 'IMPORT',
                reason: 'Importación CSV',
              });
            }
            return 'updated';
          }
          const product = insertProduct(
            ctx,
            {
              code,
              name,
              price,
              cost: cost ?? 0,
              soldBy: soldBy ?? 'unit',
              taxCategory: taxCategory ?? profile.defaultTaxCategory,
              categoryId: categoryId ?? null,
              minStock: minStock ?? 0,
              trackStock: trackStock ?? true,
              allowNegative: allowNegative ?? false,
              active: active ?? true,
              barcodes: barcodes ?? [],
            },
            profile.defaultTaxCategory,
          );
          if (stock !== undefined && stock !== 0) {
            moveStock(ctx, {
              productId: product.id,
              quantity: stock,
              kind: 'IMPORT',
              reason: 'Importación CSV',
            });
          }
          return 'created';
        },
      });
    } catch (error) {
      if (error instanceof RowError) {
        errors.push({
          line: row.line,
          field: error.field ? headerOf(error.field) : null,
          reason: error.reason,
          message: error.message,
        });
      } else {
        throw error;
      }
    }
  }

  const summary = (created: number, updated: number): ImportReport => ({
    dryRun: options.dryRun,
    rows: rows.length,
    created,
    updated,
    skipped: rows.length - created - updated,
    errors,
  });

  // Rows can still fail against the database (a barcode owned by another
  // product). Every valid row is tried, each in its own savepoint, so the
  // report names every bad row at once; the whole import is rolled back when
  // it is a dry run or when any row failed and bad rows are not to be skipped.
  let created = 0;
  let updated = 0;
  const rollback = new Error('rolled back');
  try {
    inTransaction(ctx, () => {
      for (const row of valid) {
        try {
          const outcome = ctx.db.sqlite.transaction(row.apply)();
          if (outcome === 'created') created++;
          else updated++;
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          errors.push(rowIssue(row.line, error));
        }
      }
      if (options.dryRun || (errors.length > 0 && !options.skipInvalid)) throw rollback;
    });
  } catch (error) {
    if (error !== rollback) throw error;
  }
  errors.sort((a, b) => a.line - b.line);
  if (errors.length > 0 && !options.skipInvalid && !options.dryRun) {
    throw new DomainError('VALIDATION', `${errors.length} rows have errors; nothing was imported`, {
      reason: 'IMPORT_HAS_ERRORS',
      report: summary(0, 0),
    });
  }
  return summary(created, updated);
}

/** A domain error from the product rules, as a report line naming its column where it can. */
function rowIssue(line: number, error: DomainError): ImportIssue {
  const path = error.details?.path;
  const key =
    Array.isArray(path) && typeof path[0] === 'string' ? PATH_COLUMNS[path[0]] : undefined;
  const reason = error.details?.reason;
  return {
    line,
    field: key ? headerOf(key) : null,
    reason: typeof reason === 'string' ? reason : error.code,
    message: error.message,
  };
}
