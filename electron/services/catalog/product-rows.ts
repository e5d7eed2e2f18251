import { asc, inArray } from 'drizzle-orm';
import { selectRows } from '../sql';
import type { Product, SoldBy } from '../../../core/api/model';
import { DomainError } from '../../../core/errors';
import { categories, productBarcodes, products } from '../../../db/schema';
import type { ServiceContext } from '../context';

export type ProductRow = typeof products.$inferSelect;

/** Thousandths in the database, decimals in the API. */
export function toApiQuantity(thousandths: number): number {
  return thousandths / 1000;
}

/** One product's barcodes: the scan path's common case, prepared once. */
function barcodesOf(ctx: ServiceContext, ids: readonly number[]) {
  if (ids.length === 1) {
    return selectRows(ctx, productBarcodes, 'product_id = ? ORDER BY barcode').all(ids[0]);
  }
  return ctx.db.orm
    .select()
    .from(productBarcodes)
    .where(inArray(productBarcodes.productId, [...ids]))
    .orderBy(asc(productBarcodes.barcode))
    .all();
}

export function toProducts(ctx: ServiceContext, rows: readonly ProductRow[]): Product[] {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const barcodes = barcodesOf(ctx, ids);
  const categoryIds = [
    ...new Set(rows.map((r) => r.categoryId).filter((id): id is number => id !== null)),
  ];
  const names = new Map(
    categoryIds.length === 0
      ? []
      : categoryIds.length === 1
        ? selectRows(ctx, categories, 'id = ?')
            .all(categoryIds[0])
            .map((c) => [c.id, c.name] as const)
        : ctx.db.orm
            .select({ id: categories.id, name: categories.name })
            .from(categories)
            .where(inArray(categories.id, categoryIds))
            .all()
            .map((c) => [c.id, c.name] as const),
  );
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    name: row.name,
    categoryId: row.categoryId,
    categoryName: row.categoryId === null ? null : (names.get(row.categoryId) ?? null),
    soldBy: row.soldBy as SoldBy,
    price: row.price,
    cost: row.cost,
    taxCategory: row.taxCategory,
    trackStock: row.trackStock,
    allowNegative: row.allowNegative,
    stock: toApiQuantity(row.stock),
    minStock: toApiQuantity(row.minStock),
    active: row.active,
    barcodes: barcodes.filter((b) => b.productId === row.id).map((b) => b.barcode),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }));
}

export function productRowById(ctx: ServiceContext, id: number): ProductRow {
  const row = selectRows(ctx, products, 'id = ?').get(id);
  if (!row)
    throw new DomainError('NOT_FOUND', `Product ${id} does not exist`, { entity: 'product', id });
  return row;
}

export function productById(ctx: ServiceContext, id: number): Product {
  return toProducts(ctx, [productRowById(ctx, id)])[0]!;
}
