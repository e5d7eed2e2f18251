import { DomainError } from '../../../core/errors';
import type { ImportIssue, ImportReport } from '../../../core/api/model';
import { controlCharacterIn, MAX_AMOUNT } from '../../../core/api/schemas';
import { currency as currencyOf } from '../../../core/money/currency';
import { inTransaction, statement, type ServiceContext } from '../context';
import { moveStock } from '../stock-ledger';
import { loadStore, taxCategoriesOf } from '../store';
import { ensureCategory } from './categories';
import { insertProduct, patchProduct } from './products';
import {
  MAX_STOCK,
  headerOf,
  type ColumnKey,
  PATH_COLUMNS,
  RowError,
  parseFlag,
  parseNumber,
  parseBarcodes,
  readRows,
} from './csv-format';

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
