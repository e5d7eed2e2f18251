/**
 * The store's catalogue on the server, and the changes tills pull for it.
 * Conflict rule: the server's order of receipt decides. Whoever's edit of a
 * product is written last (a till's product.upserted as its push commits, an
 * admin's import or price as it runs) is the product, whole; stock is never
 * part of an edit, only movements change it.
 */
import { and, eq } from 'drizzle-orm';
import type { Changes } from './changes';
import type { Tx } from './db/open';
import { categories, products } from './db/schema';

export interface CatalogProduct {
  readonly code: string;
  readonly name: string;
  readonly category: string | null;
  readonly soldBy: string;
  readonly price: number;
  readonly cost: number;
  readonly taxCategory: string;
  readonly trackStock: boolean;
  readonly allowNegative: boolean;
  /** Thousandths. */
  readonly minStock: number;
  readonly active: boolean;
  readonly barcodes: readonly string[];
}

type ProductRow = typeof products.$inferSelect;

/** What a till receives for a product: API units, like the till's own Product. */
export function productChange(row: ProductRow) {
  return {
    code: row.code,
    name: row.name,
    categoryName: row.category,
    soldBy: row.soldBy,
    price: row.price,
    cost: row.cost,
    taxCategory: row.taxCategory,
    trackStock: row.trackStock,
    allowNegative: row.allowNegative,
    minStock: row.minStock / 1000,
    active: row.active,
    barcodes: row.barcodes,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy,
  };
}

export async function productByCode(tx: Tx, storeId: string, code: string) {
  const [row] = await tx
    .select()
    .from(products)
    .where(and(eq(products.storeId, storeId), eq(products.code, code)));
  return row ?? null;
}

async function ensureCategory(tx: Tx, changes: Changes, storeId: string, name: string | null) {
  if (!name) return;
  const added = await tx
    .insert(categories)
    .values({ storeId, name })
    .onConflictDoNothing()
    .returning({ name: categories.name });
  if (added.length > 0) changes.upsert('category', name, { name });
}

/** Writes the product as given (the last write wins) and notes it for pull. */
export async function writeProduct(
  tx: Tx,
  changes: Changes,
  storeId: string,
  product: CatalogProduct,
  updatedBy: string,
  at = new Date(),
): Promise<ProductRow> {
  await ensureCategory(tx, changes, storeId, product.category);
  const values = { ...product, barcodes: [...product.barcodes], updatedBy, updatedAt: at };
  const [row] = await tx
    .insert(products)
    .values({ storeId, ...values })
    .onConflictDoUpdate({ target: [products.storeId, products.code], set: values })
    .returning();
  changes.upsert('product', row!.code, productChange(row!));
  return row!;
}
