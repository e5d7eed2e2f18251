import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const taxCategories = sqliteTable('tax_categories', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  /** TAXED, EXEMPT or UNAFFECTED. */
  kind: text('kind').notNull(),
  /** Basis points. */
  rate: integer('rate').notNull(),
  /** JSON array of { code, name, amountPerUnit } (Peru's ICBPER). */
  fixedTaxes: text('fixed_taxes').notNull().default('[]'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
});

export const categories = sqliteTable(
  'categories',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [uniqueIndex('categories_name_nocase').on(sql`${t.name} COLLATE NOCASE`)],
);

export const products = sqliteTable(
  'products',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    categoryId: integer('category_id').references(() => categories.id),
    /** 'unit' or 'weight' (sold by the kilo, quantities in grams). */
    soldBy: text('sold_by').notNull().default('unit'),
    price: integer('price').notNull(),
    cost: integer('cost').notNull().default(0),
    taxCategory: text('tax_category')
      .notNull()
      .references(() => taxCategories.code),
    trackStock: integer('track_stock', { mode: 'boolean' }).notNull().default(true),
    /** Only with the store's 'per_product' policy: may this product go below zero? */
    allowNegative: integer('allow_negative', { mode: 'boolean' }).notNull().default(false),
    /** Thousandths. Kept equal to the sum of the product's stock movements, in the same transaction. */
    stock: integer('stock').notNull().default(0),
    minStock: integer('min_stock').notNull().default(0),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('products_category').on(t.categoryId),
    // Partial, so a sale's stock change rarely touches it: only products at or
    // below their minimum are in it. Queries must spell the same terms.
    index('products_low_stock')
      .on(t.name)
      .where(sql`${t.trackStock} = 1 AND ${t.stock} <= ${t.minStock}`),
    // Search lists codes and names that start with the typed text first.
    index('products_code_nocase').on(sql`${t.code} COLLATE NOCASE`),
    index('products_name_nocase').on(sql`${t.name} COLLATE NOCASE`),
  ],
);

/** The low-stock condition, spelled exactly as `products_low_stock` is, so queries can use it. */
export const isLowStock = sql`${products.trackStock} = 1 AND ${products.stock} <= ${products.minStock}`;

/** Many barcodes per product; a barcode belongs to one product only. */
export const productBarcodes = sqliteTable(
  'product_barcodes',
  {
    barcode: text('barcode').primaryKey(),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
  },
  (t) => [index('product_barcodes_product').on(t.productId)],
);

export const customers = sqliteTable(
  'customers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    documentType: text('document_type'),
    documentNumber: text('document_number'),
    name: text('name').notNull(),
    phone: text('phone').notNull().default(''),
    email: text('email').notNull().default(''),
    address: text('address').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('customers_document')
      .on(t.documentType, t.documentNumber)
      .where(sql`${t.documentNumber} IS NOT NULL`),
    index('customers_name').on(sql`${t.name} COLLATE NOCASE`),
  ],
);
