import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Report roll-ups: pre-aggregated copies of reports.summary's figures per
 * period, so a year is read from a few thousand rows instead of 1.5 million
 * lines. A period is a store day `YYYY-MM-DD`, a month `YYYY-MM` or a year
 * `YYYY` (settings.timeZone, like sales.local_date).
 *
 * They are a cache of the sale tables, never a source of truth:
 * - a day is rolled once it is past and no open cash session holds sales of
 *   it; a month from its days once all of them are rolled; a year from its
 *   twelve months (electron/services/rollups.ts);
 * - a change to a past sale's figures (void, money edit, delete) deletes the
 *   roll-ups of its day, month and year in the same transaction, and so does
 *   a sale inserted on a rolled day (trigger `sales_rollup_stale`, in the
 *   migration: drizzle-kit does not model triggers, so a migration that
 *   rebuilds `sales` must re-create it);
 * - whatever is not rolled is read live from the sale tables.
 *
 * No foreign keys on purpose: these rows are derived, and deleting them is
 * always safe.
 */

/** The periods whose roll-ups are complete. A period has figure rows only if it is here. */
export const rollupPeriods = sqliteTable('rollup_periods', {
  /** YYYY-MM-DD, YYYY-MM or YYYY. */
  period: text('period').primaryKey(),
  /** day, month or year. */
  kind: text('kind').notNull(),
  rolledAt: text('rolled_at').notNull(),
});

/**
 * Sales per period, hour, cashier and voided state. Voided, not the raw
 * status: a customer-only edit turns COMPLETADA into EDITADA without touching
 * any figure, and must not make a roll-up stale. Day rows also give the
 * per-day totals of a rolled month or year.
 */
export const rollupSales = sqliteTable(
  'rollup_sales',
  {
    period: text('period').notNull(),
    localHour: integer('local_hour').notNull(),
    cashierId: integer('cashier_id').notNull(),
    voided: integer('voided', { mode: 'boolean' }).notNull(),
    count: integer('count').notNull(),
    gross: integer('gross').notNull(),
    /** line_discount + order_discount. */
    discounts: integer('discounts').notNull(),
    /** taxable_base. */
    base: integer('base').notNull(),
    exempt: integer('exempt').notNull(),
    unaffected: integer('unaffected').notNull(),
    tax: integer('tax').notNull(),
    fixedTax: integer('fixed_tax').notNull(),
    igtf: integer('igtf').notNull(),
    /** Σ cash_rounding: what the cash came to under the documents' totals (≤ 0). */
    cashRounding: integer('cash_rounding').notNull().default(0),
    total: integer('total').notNull(),
    /** cost_total. */
    cost: integer('cost').notNull(),
  },
  (t) => [uniqueIndex('rollup_sales_key').on(t.period, t.localHour, t.cashierId, t.voided)],
);

/**
 * Non-voided sale lines per period and product: one row per product, in
 * product order on the covering index, so one period's top products are read
 * without grouping.
 */
export const rollupProducts = sqliteTable(
  'rollup_products',
  {
    period: text('period').notNull(),
    productId: integer('product_id').notNull(),
    /** Thousandths. */
    quantity: integer('quantity').notNull(),
    total: integer('total').notNull(),
    base: integer('base').notNull(),
    /** Σ cost_total. */
    cost: integer('cost').notNull(),
  },
  (t) => [
    index('rollup_products_report').on(t.period, t.productId, t.quantity, t.total, t.base, t.cost),
  ],
);

/** Non-voided sale lines per period and category snapshot (null: none). */
export const rollupCategories = sqliteTable(
  'rollup_categories',
  {
    period: text('period').notNull(),
    categoryId: integer('category_id'),
    /** How many lines. */
    lines: integer('lines').notNull(),
    total: integer('total').notNull(),
  },
  (t) => [index('rollup_categories_period').on(t.period)],
);

/** Non-voided sale_taxes per period and rate. */
export const rollupTaxes = sqliteTable(
  'rollup_taxes',
  {
    period: text('period').notNull(),
    rate: integer('rate').notNull(),
    base: integer('base').notNull(),
    tax: integer('tax').notNull(),
  },
  (t) => [uniqueIndex('rollup_taxes_key').on(t.period, t.rate)],
);

/** Non-voided payments per period, method and currency. */
export const rollupPayments = sqliteTable(
  'rollup_payments',
  {
    period: text('period').notNull(),
    method: text('method').notNull(),
    currency: text('currency').notNull(),
    count: integer('count').notNull(),
    amount: integer('amount').notNull(),
  },
  (t) => [uniqueIndex('rollup_payments_key').on(t.period, t.method, t.currency)],
);
