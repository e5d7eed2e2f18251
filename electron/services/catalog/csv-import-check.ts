import type { DomainError } from '../../../core/errors';
import type { ImportIssue } from '../../../core/api/model';
import { controlCharacterIn, MAX_AMOUNT } from '../../../core/api/schemas';
import { currency as currencyOf } from '../../../core/money/currency';
import { statement, type ServiceContext } from '../context';
import { moveStock } from '../stock-ledger';
import { loadStore } from '../store';
import { ensureCategory } from './categories';
import { insertProduct, patchProduct } from './products';
import {
  MAX_STOCK,
  headerOf,
  PATH_COLUMNS,
  RowError,
  parseFlag,
  parseNumber,
  parseBarcodes,
  readRows,
} from './csv-format';
import type { ColumnKey } from './csv-format';

export interface ImportOptions {
  readonly csv: string;
  readonly skipInvalid: boolean;
  readonly dryRun: boolean;
}

/** A row that passed every check, ready to be written by code (insert or update). */
export interface PlannedRow {
  readonly line: number;
  readonly code: string;
  /** Writes the row; the caller holds the transaction. */
  apply(): 'created' | 'updated';
}

export interface ImportPlan {
  /** Data rows in the file. */
  readonly rows: number;
  readonly planned: PlannedRow[];
  /** Every bad row, by line; file-level problems (columns) make the whole file bad. */
  readonly errors: ImportIssue[];
  readonly fileBad: boolean;
  /** How many planned rows would create a product (the rest update one), as of the check. */
  readonly creates: number;
}

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
  const { rows, fileErrors } = readRows(options.csv);
  if (fileErrors.length > 0) {
    return { rows: rows.length, planned: [], errors: fileErrors, fileBad: true, creates: 0 };
  }

  const errors: ImportIssue[] = [];
  const seenCodes = new Map<string, number>();
  const seenBarcodes = new Map<string, string>();
  const valid: (PlannedRow & { barcodes: string[] | undefined; taxCategory?: string })[] = [];

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
        code,
        barcodes,
        ...(taxCategory === undefined ? {} : { taxCategory }),
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

  const planned = checkAgainstDatabase(ctx, valid, profile.defaultTaxCategory, errors);
  errors.sort((a, b) => a.line - b.line);
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
function checkAgainstDatabase<
  R extends PlannedRow & { barcodes: string[] | undefined; taxCategory?: string },
>(ctx: ServiceContext, valid: R[], defaultTaxCategory: string, errors: ImportIssue[]): R[] {
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
  const passed: R[] = [];
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
