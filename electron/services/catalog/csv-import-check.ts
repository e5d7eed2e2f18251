import type { DomainError } from '../../../core/errors';
import type { CsvEncoding, ImportChange, ImportIssue } from '../../../core/api/model';
import { controlCharacterIn, MAX_AMOUNT } from '../../../core/api/schemas';
import { currency as currencyOf } from '../../../core/money/currency';
import { statement, type ServiceContext } from '../context';
import { loadStore } from '../store';
import {
  MAX_STOCK,
  headerOf,
  PATH_COLUMNS,
  RowError,
  parseFlag,
  parseNumber,
  parseBarcodes,
  readRows,
  type CsvSeparator,
} from './csv-format';
import type { ColumnKey } from './csv-format';
import { decodeCsv, EncodingError } from './csv-encoding';
import type { IncomingProduct } from './csv-import-diff';
import { previewRow, type StockPolicy } from './csv-import-row';

export interface ImportOptions {
  /** The file as it is on disk: csv-encoding.ts finds how it is written. */
  readonly bytes: Uint8Array;
  readonly skipInvalid: boolean;
  readonly dryRun: boolean;
  /** Also set existing products' stock to the file's (see csv-import-row.ts). */
  readonly setStock: boolean;
  readonly stockReason?: string;
}

/** A row that passed every check, ready to be written by code (insert or update). */
export interface PlannedRow {
  readonly line: number;
  readonly code: string;
  readonly barcodes: string[] | undefined;
  readonly taxCategory?: string;
  readonly incoming: IncomingProduct;
}

export interface ImportPlan {
  /** Data rows in the file. */
  readonly rows: number;
  readonly planned: PlannedRow[];
  /** Every bad row, by line; file-level problems (encoding, columns) make the whole file bad. */
  readonly errors: ImportIssue[];
  readonly fileBad: boolean;
  /** How many planned rows would create a product (the rest update one), as of the check. */
  readonly creates: number;
  readonly encoding: CsvEncoding | null;
  readonly separator: CsvSeparator | null;
  /** What the planned rows would change in existing products, as of the check. */
  readonly changes: ImportChange[];
  readonly stock: StockPolicy;
  readonly defaultTaxCategory: string;
}

/** The reason a stock adjustment made by an import carries when none was given. */
export const DEFAULT_STOCK_REASON = 'Importación CSV';

/**
 * Checks a product CSV without writing anything: every row against the
 * format rules, then against the database (which codes exist, which barcodes
 * other products own, which tax categories are active). A plan is written
 * only after all of it, so an import with a bad row writes nothing, and one
 * that writes in chunks never finds a bad row halfway.
 */
export function checkImport(ctx: ServiceContext, options: ImportOptions): ImportPlan {
  const steps = planImport(ctx, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Rows checked between two pauses of checkImportPausing. */
const ROWS_PER_PAUSE = 1000;

/** checkImport for big files: gives the event loop back every ROWS_PER_PAUSE rows. */
export async function checkImportPausing(
  ctx: ServiceContext,
  options: ImportOptions,
): Promise<ImportPlan> {
  const steps = planImport(ctx, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** The check as steps: it yields every ROWS_PER_PAUSE rows, where the caller may pause. */
function* planImport(ctx: ServiceContext, options: ImportOptions): Generator<void, ImportPlan> {
  const store = loadStore(ctx);
  const { settings, profile } = store;
  const digits = currencyOf(settings.currency).minorDigits;
  const taxCodes = new Set(
    statement(ctx, 'SELECT code FROM tax_categories WHERE active = 1').pluck().all() as string[],
  );
  const stockPolicy: StockPolicy = {
    setStock: options.setStock,
    reason: options.stockReason ?? DEFAULT_STOCK_REASON,
  };
  const bad = (errors: ImportIssue[], rest: Partial<ImportPlan> = {}): ImportPlan => ({
    rows: 0,
    planned: [],
    errors,
    fileBad: true,
    creates: 0,
    encoding: null,
    separator: null,
    changes: [],
    stock: stockPolicy,
    defaultTaxCategory: profile.defaultTaxCategory,
    ...rest,
  });
  let decoded: ReturnType<typeof decodeCsv>;
  try {
    decoded = decodeCsv(options.bytes);
  } catch (error) {
    if (!(error instanceof EncodingError)) throw error;
    return bad([{ line: error.line, field: null, reason: error.reason, message: error.message }]);
  }
  const { rows, fileErrors, separator } = readRows(decoded.text);
  if (fileErrors.length > 0) {
    return bad(fileErrors, { rows: rows.length, encoding: decoded.encoding, separator });
  }

  const errors: ImportIssue[] = [];
  const seenCodes = new Map<string, number>();
  const seenBarcodes = new Map<string, string>();
  const valid: PlannedRow[] = [];
  // Prices may carry the currency, as a formatted Excel cell exports them ("S/ 2.50").
  const money = { ignore: [currencyOf(settings.currency).symbol, settings.currency] };

  let checked = 0;
  for (const row of rows) {
    if (++checked % ROWS_PER_PAUSE === 0) yield;
    try {
      const f = row.fields;
      refuseControlCharacters(f);
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
      const price = parseNumber(f.price ?? '', settings.locale, digits, 'price', MAX_AMOUNT, money);
      const cost = f.cost
        ? parseNumber(f.cost, settings.locale, digits, 'cost', MAX_AMOUNT, money)
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
        ? parseNumber(f.stock, settings.locale, 3, 'stock', MAX_STOCK, { allowNegative: true })
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

      const incoming: IncomingProduct = {
        line: row.line,
        code,
        name,
        price,
        cost,
        soldBy,
        taxCategory,
        categoryName,
        minStock,
        stock,
        trackStock,
        active,
        allowNegative,
        barcodes,
      };
      valid.push({ line: row.line, code, barcodes, taxCategory, incoming });
    } catch (error) {
      if (error instanceof RowError) {
        errors.push({
          line: row.line,
          field: error.field ? headerOf(error.field) : null,
          reason: error.reason,
          message: error.message,
          ...(error.details ? { details: error.details } : {}),
        });
      } else {
        throw error;
      }
    }
  }

  const planned = checkAgainstDatabase(ctx, valid, profile.defaultTaxCategory, errors);
  errors.sort((a, b) => a.line - b.line);
  const changes: ImportChange[] = [];
  let previewed = 0;
  for (const row of planned) {
    if (++previewed % ROWS_PER_PAUSE === 0) yield;
    const change = previewRow(ctx, row.incoming, stockPolicy);
    if (change) changes.push(change);
  }
  const existing = existingCodes(
    ctx,
    planned.map((row) => row.code),
  );
  return {
    rows: rows.length,
    planned,
    errors,
    fileBad: false,
    creates: planned.filter((row) => !existing.has(row.code)).length,
    encoding: decoded.encoding,
    separator,
    changes,
    stock: stockPolicy,
    defaultTaxCategory: profile.defaultTaxCategory,
  };
}

/** Runs `query` over `values` in batches that stay under SQLite's parameter limit. */
function inBatches<T>(values: readonly string[], query: (batch: string[]) => T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < values.length; i += 500) out.push(...query(values.slice(i, i + 500)));
  return out;
}

function existingCodes(ctx: ServiceContext, codes: readonly string[]): Set<string> {
  return new Set(
    inBatches(codes, (batch) =>
      ctx.db.sqlite
        .prepare(`SELECT code FROM products WHERE code IN (${batch.map(() => '?').join(',')})`)
        .pluck()
        .all(...batch),
    ) as string[],
  );
}

/**
 * What the product rules would refuse when the rows are written in file
 * order, found by reading only: a barcode another product owns (unless an
 * earlier row of the file takes it off that product), a new product whose
 * default tax category is inactive. The rows that pass are returned.
 */
function checkAgainstDatabase(
  ctx: ServiceContext,
  valid: PlannedRow[],
  defaultTaxCategory: string,
  errors: ImportIssue[],
): PlannedRow[] {
  const inFile = [...new Set(valid.flatMap((row) => row.barcodes ?? []))];
  const owner = new Map(
    inBatches(inFile, (batch) =>
      ctx.db.sqlite
        .prepare(
          `SELECT b.barcode, p.code FROM product_barcodes b JOIN products p ON p.id = b.product_id
           WHERE b.barcode IN (${batch.map(() => '?').join(',')})`,
        )
        .all(...batch),
    ).map((row) => {
      const { barcode, code } = row as { barcode: string; code: string };
      return [barcode, code] as const;
    }),
  );
  // Only barcodes that appear in the file matter: a product's other ones cannot clash.
  const ownedBy = new Map<string, Set<string>>();
  for (const [barcode, code] of owner) {
    const set = ownedBy.get(code) ?? new Set<string>();
    set.add(barcode);
    ownedBy.set(code, set);
  }
  const defaultActive =
    statement(ctx, 'SELECT 1 FROM tax_categories WHERE code = ? AND active = 1').get(
      defaultTaxCategory,
    ) !== undefined;
  const existing = defaultActive
    ? new Set<string>()
    : existingCodes(
        ctx,
        valid.map((row) => row.code),
      );
  const passed: PlannedRow[] = [];
  for (const row of valid) {
    if (!defaultActive && row.taxCategory === undefined && !existing.has(row.code)) {
      errors.push({
        line: row.line,
        field: headerOf('taxCategory'),
        reason: 'UNKNOWN_TAX_CATEGORY',
        message: `The default tax category ${defaultTaxCategory} is inactive: name one`,
      });
      continue;
    }
    if (row.barcodes !== undefined) {
      const taken = row.barcodes.find((b) => (owner.get(b) ?? row.code) !== row.code);
      if (taken !== undefined) {
        errors.push({
          line: row.line,
          field: headerOf('barcodes'),
          reason: 'BARCODE_TAKEN',
          message: `Barcode ${taken} already belongs to product ${owner.get(taken)}`,
        });
        continue;
      }
      // The row replaces its product's barcodes: the ones it drops become free.
      for (const barcode of ownedBy.get(row.code) ?? []) owner.delete(barcode);
      for (const barcode of row.barcodes) owner.set(barcode, row.code);
      ownedBy.set(row.code, new Set(row.barcodes));
    }
    passed.push(row);
  }
  return passed;
}

/** A domain error from the product rules, as a report line naming its column where it can. */
export function rowIssue(line: number, error: DomainError): ImportIssue {
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

/**
 * The API's text rule (core/api/schemas.ts) for every cell of a row: no
 * control, bidi or line-break characters, which the API itself refuses in a
 * product's name, code, category and barcodes.
 */
function refuseControlCharacters(fields: Partial<Record<ColumnKey, string>>): void {
  for (const [key, value] of Object.entries(fields) as [ColumnKey, string | undefined][]) {
    const character = value === undefined ? undefined : controlCharacterIn(value);
    if (character !== undefined) {
      throw new RowError(
        key,
        'CONTROL_CHARACTERS',
        `The ${headerOf(key)} has a control, bidi or line-break character (${character})`,
      );
    }
  }
}
