/** Central catalogue changes an admin makes: a CSV import and a price. Both reach tills by pull. */
import { eq } from 'drizzle-orm';
import { parseProductsCsv } from './catalog-csv';
import { productByCode, writeProduct, type CatalogProduct } from './catalog';
import { withChanges } from './changes';
import type { Orm } from './db/open';
import { stores } from './db/schema';
import { SyncFailure } from './errors';

async function requireStore(orm: Orm, storeId: string) {
  const [store] = await orm.select().from(stores).where(eq(stores.storeId, storeId));
  if (!store) throw new SyncFailure('NOT_FOUND', `No store ${storeId}`);
  return store;
}

/**
 * Imports the file into the store's catalogue in one transaction: every row
 * or none. Columns the file lacks keep an existing product's values; a new
 * product needs a name and a price (tax category IGV unless given).
 */
export async function importProducts(orm: Orm, storeId: string, bytes: Buffer) {
  await requireStore(orm, storeId);
  const { rows, issues } = parseProductsCsv(bytes);
  if (issues.length > 0) {
    throw new SyncFailure(
      'VALIDATION',
      `The file has ${issues.length} problem(s); nothing was imported`,
      {
        issues: issues.slice(0, 50),
      },
    );
  }
  return withChanges(orm, storeId, async (tx, changes) => {
    let created = 0;
    let updated = 0;
    const missing: { line: number; message: string }[] = [];
    for (const row of rows) {
      const existing = await productByCode(tx, storeId, row.code);
      if (!existing && (row.name === undefined || row.price === undefined)) {
        missing.push({
          line: row.line,
          message: `New product ${row.code} needs a name and a price`,
        });
        continue;
      }
      const base: CatalogProduct = existing ?? {
        code: row.code,
        name: '',
        category: null,
        soldBy: 'unit',
        price: 0,
        cost: 0,
        taxCategory: 'IGV',
        trackStock: true,
        allowNegative: false,
        minStock: 0,
        active: true,
        barcodes: [],
      };
      const { line: _line, ...fields } = row;
      const next: CatalogProduct = {
        code: base.code,
        name: fields.name ?? base.name,
        category: fields.category !== undefined ? fields.category : base.category,
        soldBy: fields.soldBy || base.soldBy,
        price: fields.price ?? base.price,
        cost: fields.cost ?? base.cost,
        taxCategory: fields.taxCategory || base.taxCategory,
        trackStock: fields.trackStock ?? base.trackStock,
        allowNegative: fields.allowNegative ?? base.allowNegative,
        minStock: fields.minStock ?? base.minStock,
        active: fields.active ?? base.active,
        barcodes: fields.barcodes ?? base.barcodes,
      };
      if (existing && sameProduct(existing, next)) continue;
      await writeProduct(tx, changes, storeId, next, 'admin');
      if (existing) updated += 1;
      else created += 1;
    }
    if (missing.length > 0) {
      // Thrown inside the transaction: the rows already written roll back with it.
      throw new SyncFailure(
        'VALIDATION',
        `${missing.length} new product(s) lack a name or price; nothing was imported`,
        {
          issues: missing.slice(0, 50),
        },
      );
    }
    return { created, updated, unchanged: rows.length - created - updated };
  });
}

function sameProduct(a: CatalogProduct, b: CatalogProduct): boolean {
  const keys: (keyof CatalogProduct)[] = [
    'name',
    'category',
    'soldBy',
    'price',
    'cost',
    'taxCategory',
    'trackStock',
    'allowNegative',
    'minStock',
    'active',
  ];
  return keys.every((k) => a[k] === b[k]) && a.barcodes.join('|') === b.barcodes.join('|');
}

/** Sets one product's price (minor units); the edit is the newest, so it wins until the next one. */
export async function setPrice(orm: Orm, storeId: string, code: string, price: number) {
  if (!Number.isSafeInteger(price) || price < 0) {
    throw new SyncFailure('VALIDATION', 'The price is a whole number of minor units, 0 or more', {
      path: ['price'],
    });
  }
  await requireStore(orm, storeId);
  return withChanges(orm, storeId, async (tx, changes) => {
    const existing = await productByCode(tx, storeId, code);
    if (!existing) throw new SyncFailure('NOT_FOUND', `No product ${code} in store ${storeId}`);
    const row = await writeProduct(tx, changes, storeId, { ...existing, price }, 'admin');
    return { code: row.code, name: row.name, price: row.price, before: existing.price };
  });
}
