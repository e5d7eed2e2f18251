import { and, eq, inArray, sql } from 'drizzle-orm';
import { compareNames } from '../../../core/collate';
import { DomainError } from '../../../core/errors';
import type { Product } from '../../../core/api/model';
import type { ProductCreateInput, ProductUpdateInput } from '../../../core/api/areas/catalog';
import { gtinCheckDigit } from '../../../core/barcode';
import {
  categories,
  isLowStock,
  productBarcodes,
  products,
  taxCategories,
} from '../../../db/schema';
import type { z } from 'zod';
import { writeAudit } from '../audit';
import { inTransaction, type ServiceContext } from '../context';
import { appendEvent } from '../outbox';
import { moveStock } from '../stock-ledger';
import { loadStore } from '../store';
import { productById, toProducts } from './product-rows';

type CreateInput = z.output<typeof ProductCreateInput>;
type UpdateInput = z.output<typeof ProductUpdateInput>;

function conflict(message: string, reason: string, extra: Record<string, unknown> = {}): never {
  throw new DomainError('CONFLICT', message, { reason, ...extra });
}

/** A 13-digit barcode outside the in-store range (20–29) must carry a valid GTIN check digit. */
export function checkBarcodeShape(barcode: string, index: number): void {
  if (/^\d{13}$/.test(barcode) && !barcode.startsWith('2')) {
    const expected = gtinCheckDigit(barcode.slice(0, 12));
    if (String(expected) !== barcode[12]) {
      throw new DomainError(
        'BAD_CHECK_DIGIT',
        `Barcode ${barcode} has a bad check digit (expected ${expected})`,
        {
          path: ['barcodes', index],
          code: barcode,
          expected,
        },
      );
    }
  }
}

export function checkTaxCategory(ctx: ServiceContext, code: string): void {
  const row = ctx.db.orm.select().from(taxCategories).where(eq(taxCategories.code, code)).get();
  if (!row || !row.active) {
    throw new DomainError('VALIDATION', `Unknown or inactive tax category "${code}"`, {
      reason: 'UNKNOWN_TAX_CATEGORY',
      path: ['taxCategory'],
    });
  }
}

export function checkCategory(ctx: ServiceContext, id: number | null): void {
  if (id !== null && !ctx.db.orm.select().from(categories).where(eq(categories.id, id)).get()) {
    throw new DomainError('VALIDATION', `Category ${id} does not exist`, {
      reason: 'UNKNOWN_CATEGORY',
      path: ['categoryId'],
    });
  }
}

/** Replaces a product's barcodes, refusing any that another product already owns. */
export function setBarcodes(
  ctx: ServiceContext,
  productId: number,
  barcodes: readonly string[],
): void {
  const unique = [...new Set(barcodes)];
  unique.forEach(checkBarcodeShape);
  if (unique.length > 0) {
    const owners = ctx.db.orm
      .select({
        barcode: productBarcodes.barcode,
        productId: productBarcodes.productId,
        code: products.code,
      })
      .from(productBarcodes)
      .innerJoin(products, eq(products.id, productBarcodes.productId))
      .where(inArray(productBarcodes.barcode, unique))
      .all()
      .filter((o) => o.productId !== productId);
    const taken = owners[0];
    if (taken) {
      conflict(
        `Barcode ${taken.barcode} already belongs to product ${taken.code}`,
        'BARCODE_TAKEN',
        {
          path: ['barcodes', unique.indexOf(taken.barcode)],
          barcode: taken.barcode,
          productCode: taken.code,
        },
      );
    }
  }
  ctx.db.orm.delete(productBarcodes).where(eq(productBarcodes.productId, productId)).run();
  if (unique.length > 0) {
    ctx.db.orm
      .insert(productBarcodes)
      .values(unique.map((barcode) => ({ barcode, productId })))
      .run();
  }
}

function productByCode(ctx: ServiceContext, code: string) {
  return ctx.db.orm.select().from(products).where(eq(products.code, code)).get();
}

/** Creates a product; the caller holds the transaction. */
export function insertProduct(
  ctx: ServiceContext,
  input: CreateInput,
  defaultTaxCategory: string,
): Product {
  const taxCategory = input.taxCategory ?? defaultTaxCategory;
  checkTaxCategory(ctx, taxCategory);
  checkCategory(ctx, input.categoryId);
  if (productByCode(ctx, input.code))
    conflict(`Product code ${input.code} already exists`, 'DUPLICATE_CODE', { path: ['code'] });
  const now = ctx.now().toISOString();
  const { barcodes, initialStock, ...fields } = input;
  const row = ctx.db.orm
    .insert(products)
    .values({ ...fields, taxCategory, createdAt: now, updatedAt: now })
    .returning()
    .get();
  setBarcodes(ctx, row.id, barcodes);
  if (initialStock !== undefined && initialStock !== 0) {
    moveStock(ctx, {
      productId: row.id,
      quantity: initialStock,
      kind: 'INITIAL',
      reason: 'Stock inicial',
    });
  }
  const product = productById(ctx, row.id);
  writeAudit(ctx, {
    action: 'products.create',
    entity: 'product',
    entityId: row.id,
    after: product,
  });
  appendEvent(ctx, 'product.upserted', String(row.id), product);
  return product;
}

/** Updates a product; the caller holds the transaction. */
export function patchProduct(ctx: ServiceContext, input: UpdateInput): Product {
  const before = productById(ctx, input.id);
  const { id, barcodes, ...fields } = input;
  if (fields.taxCategory !== undefined) checkTaxCategory(ctx, fields.taxCategory);
  if (fields.categoryId !== undefined) checkCategory(ctx, fields.categoryId);
  if (fields.code !== undefined && fields.code !== before.code && productByCode(ctx, fields.code)) {
    conflict(`Product code ${fields.code} already exists`, 'DUPLICATE_CODE', { path: ['code'] });
  }
  ctx.db.orm
    .update(products)
    .set({ ...fields, updatedAt: ctx.now().toISOString() })
    .where(eq(products.id, id))
    .run();
  if (barcodes !== undefined) setBarcodes(ctx, id, barcodes);
  const after = productById(ctx, id);
  writeAudit(ctx, { action: 'products.update', entity: 'product', entityId: id, before, after });
  appendEvent(ctx, 'product.upserted', String(id), after);
  return after;
}

export function createProduct(ctx: ServiceContext, input: CreateInput): Product {
  const { profile } = loadStore(ctx);
  return inTransaction(ctx, () => insertProduct(ctx, input, profile.defaultTaxCategory));
}

export function updateProduct(ctx: ServiceContext, input: UpdateInput): Product {
  return inTransaction(ctx, () => patchProduct(ctx, input));
}

export function getProduct(ctx: ServiceContext, input: { id: number } | { code: string }): Product {
  if ('id' in input) return productById(ctx, input.id);
  const row = productByCode(ctx, input.code);
  if (!row)
    throw new DomainError('NOT_FOUND', `No product has code ${input.code}`, {
      entity: 'product',
      code: input.code,
    });
  return toProducts(ctx, [row])[0]!;
}

export interface ListQuery {
  readonly page: number;
  readonly pageSize: number;
  readonly categoryId?: number;
  readonly lowStock: boolean;
  readonly includeInactive: boolean;
}

export function listProducts(ctx: ServiceContext, query: ListQuery) {
  const where = and(
    query.includeInactive ? undefined : eq(products.active, true),
    query.categoryId === undefined ? undefined : eq(products.categoryId, query.categoryId),
    query.lowStock ? isLowStock : undefined,
  );
  const total =
    ctx.db.orm
      .select({ n: sql<number>`count(*)` })
      .from(products)
      .where(where)
      .get()?.n ?? 0;
  // The page is cut after sorting in the store's locale, not by ORDER BY: SQLite
  // compares bytes, so "Lácteos" would follow "Limpieza". Names and ids of a
  // shop's catalogue are small enough to sort in memory on every page.
  const locale = loadStore(ctx).settings.locale;
  const ordered = ctx.db.orm
    .select({ id: products.id, name: products.name })
    .from(products)
    .where(where)
    .all()
    .sort((a, b) => compareNames(a.name, b.name, locale) || a.id - b.id);
  const pageIds = ordered
    .slice((query.page - 1) * query.pageSize, query.page * query.pageSize)
    .map((p) => p.id);
  const byId = new Map(
    (pageIds.length === 0
      ? []
      : ctx.db.orm.select().from(products).where(inArray(products.id, pageIds)).all()
    ).map((row) => [row.id, row]),
  );
  const rows = pageIds.map((id) => byId.get(id)!);
  return { items: toProducts(ctx, rows), total, page: query.page, pageSize: query.pageSize };
}
