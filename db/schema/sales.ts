import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { cashSessions } from './cash';
import { customers, products } from './catalog';
import { registers, users } from './settings';

/**
 * A sale and its document. Totals are stored as computed by core's tax engine
 * at sale time, with the rules used, so a reprint years later is identical.
 */
export const sales = sqliteTable(
  'sales',
  {
    id: text('id').primaryKey(),
    registerId: integer('register_id')
      .notNull()
      .references(() => registers.id),
    sessionId: text('session_id')
      .notNull()
      .references(() => cashSessions.id),
    documentType: text('document_type').notNull(),
    series: text('series').notNull(),
    correlative: integer('correlative').notNull(),
    number: text('number').notNull(),
    /** COMPLETADA, EDITADA or ANULADA. */
    status: text('status').notNull(),
    customerId: integer('customer_id').references(() => customers.id),
    customerName: text('customer_name').notNull().default(''),
    customerDocType: text('customer_doc_type'),
    customerDocNumber: text('customer_doc_number'),
    cashierId: integer('cashier_id')
      .notNull()
      .references(() => users.id),
    cashierName: text('cashier_name').notNull(),
    createdAt: text('created_at').notNull(),
    /** The store's local calendar day and hour, fixed at sale time, for reports. */
    localDate: text('local_date').notNull(),
    localHour: integer('local_hour').notNull(),
    currency: text('currency').notNull(),
    secondaryCurrency: text('secondary_currency'),
    exchangeRate: text('exchange_rate'),
    pricesIncludeTax: integer('prices_include_tax', { mode: 'boolean' }).notNull(),
    roundingMethod: text('rounding_method').notNull(),
    gross: integer('gross').notNull(),
    lineDiscount: integer('line_discount').notNull(),
    orderDiscount: integer('order_discount').notNull(),
    taxableBase: integer('taxable_base').notNull(),
    exempt: integer('exempt').notNull(),
    unaffected: integer('unaffected').notNull(),
    tax: integer('tax').notNull(),
    fixedTax: integer('fixed_tax').notNull(),
    total: integer('total').notNull(),
    /** Venezuela's IGTF on the part paid in foreign currency; added to what is due. */
    igtf: integer('igtf').notNull().default(0),
    /**
     * Cash rounding to the smallest coin, as its own amount: negative when the
     * customer paid less (in their favour). paid + balance − cashRounding = total + igtf.
     */
    cashRounding: integer('cash_rounding').notNull().default(0),
    /** Σ payments applied (tendered − change). */
    paid: integer('paid').notNull(),
    change: integer('change').notNull(),
    /** Pending on credit. */
    balance: integer('balance').notNull(),
    /** Σ round(quantity × unit cost) over the lines, for profit. */
    costTotal: integer('cost_total').notNull(),
    /** Σ refunded by returns (credit notes). */
    refunded: integer('refunded').notNull().default(0),
    /** JSON: [{ rate, base, tax }] and [{ code, name, amount }], as the document shows them. */
    taxes: text('taxes').notNull(),
    fixedTaxes: text('fixed_taxes').notNull(),
    notes: text('notes').notNull().default(''),
    voidReason: text('void_reason'),
    voidedBy: integer('voided_by').references(() => users.id),
    voidedAt: text('voided_at'),
    editReason: text('edit_reason'),
    editedBy: integer('edited_by').references(() => users.id),
    editedAt: text('edited_at'),
    /**
     * sha256 of the sales.create request that made it (canonical JSON, without
     * who authorised it), so a replay of the id with another request is refused.
     * NULL on sales made before it was kept.
     */
    requestHash: text('request_hash'),
  },
  (t) => [
    uniqueIndex('sales_register_series_number').on(
      t.registerId,
      t.documentType,
      t.series,
      t.correlative,
    ),
    index('sales_local_date').on(t.localDate, t.status),
    // Reports on days not rolled up (today): the day/hour/cashier/status grouping streams, covered.
    index('sales_report').on(
      t.localDate,
      t.localHour,
      t.cashierId,
      t.status,
      t.gross,
      t.lineDiscount,
      t.orderDiscount,
      t.taxableBase,
      t.exempt,
      t.unaffected,
      t.tax,
      t.fixedTax,
      t.igtf,
      t.total,
      t.costTotal,
      t.cashRounding,
    ),
    index('sales_session').on(t.sessionId),
    index('sales_created').on(t.createdAt),
    index('sales_customer').on(t.customerId),
    index('sales_cashier').on(t.cashierId, t.createdAt),
    index('sales_number').on(t.number),
  ],
);

export const saleLines = sqliteTable(
  'sale_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    saleId: text('sale_id')
      .notNull()
      .references(() => sales.id, { onDelete: 'cascade' }),
    lineNo: integer('line_no').notNull(),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    /** Snapshots: the product as it was when sold. */
    code: text('code').notNull(),
    name: text('name').notNull(),
    soldBy: text('sold_by').notNull(),
    categoryId: integer('category_id'),
    quantity: integer('quantity').notNull(),
    unitPrice: integer('unit_price').notNull(),
    priceOverridden: integer('price_overridden', { mode: 'boolean' }).notNull().default(false),
    unitCost: integer('unit_cost').notNull(),
    taxCategory: text('tax_category').notNull(),
    taxKind: text('tax_kind').notNull(),
    taxRate: integer('tax_rate').notNull(),
    gross: integer('gross').notNull(),
    lineDiscount: integer('line_discount').notNull(),
    orderDiscount: integer('order_discount').notNull(),
    base: integer('base').notNull(),
    tax: integer('tax').notNull(),
    unitTax: integer('unit_tax'),
    fixedTax: integer('fixed_tax').notNull(),
    fixedTaxes: text('fixed_taxes').notNull().default('[]'),
    total: integer('total').notNull(),
    /** round(quantity × unit cost), for profit. */
    costTotal: integer('cost_total').notNull(),
    returnedQuantity: integer('returned_quantity').notNull().default(0),
    /** Copies of the sale's day and voided state, so reports read one covering index. */
    localDate: text('local_date').notNull(),
    voided: integer('voided', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    uniqueIndex('sale_lines_sale_line').on(t.saleId, t.lineNo),
    // Covering for reports, which read closed days from the roll-ups and only the
    // open days from here. `id` second keeps each new line at the end of its day,
    // so a sale writes one page of this index rather than one per product.
    index('sale_lines_report_by_date')
      .on(t.localDate, t.id, t.productId, t.categoryId, t.quantity, t.total, t.base, t.costTotal)
      .where(sql`${t.voided} = 0`),
  ],
);

/** One row per tax rate per sale, so reports never scan the lines for taxes. */
export const saleTaxes = sqliteTable(
  'sale_taxes',
  {
    saleId: text('sale_id')
      .notNull()
      .references(() => sales.id, { onDelete: 'cascade' }),
    rate: integer('rate').notNull(),
    base: integer('base').notNull(),
    tax: integer('tax').notNull(),
    localDate: text('local_date').notNull(),
    voided: integer('voided', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    uniqueIndex('sale_taxes_sale_rate').on(t.saleId, t.rate),
    index('sale_taxes_report')
      .on(t.localDate, t.rate, t.base, t.tax)
      .where(sql`${t.voided} = 0`),
  ],
);

export const payments = sqliteTable(
  'payments',
  {
    id: text('id').primaryKey(),
    saleId: text('sale_id')
      .notNull()
      .references(() => sales.id, { onDelete: 'cascade' }),
    /** EFECTIVO, TARJETA, QR, TRANSFERENCIA or CREDITO. */
    method: text('method').notNull(),
    /** What was handed over, in the payment's currency. */
    tendered: integer('tendered').notNull(),
    /** Change given back from this payment (cash only). */
    change: integer('change').notNull().default(0),
    /** Applied to the sale, in the sale's currency. */
    amount: integer('amount').notNull(),
    currency: text('currency').notNull(),
    bank: text('bank'),
    reference: text('reference'),
    createdAt: text('created_at').notNull(),
    localDate: text('local_date').notNull(),
    voided: integer('voided', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    index('payments_sale').on(t.saleId),
    index('payments_report')
      .on(t.localDate, t.method, t.currency, t.amount)
      .where(sql`${t.voided} = 0`),
  ],
);

/** A return: a numbered credit note against a sale. */
export const saleReturns = sqliteTable(
  'sale_returns',
  {
    id: text('id').primaryKey(),
    saleId: text('sale_id')
      .notNull()
      .references(() => sales.id),
    registerId: integer('register_id')
      .notNull()
      .references(() => registers.id),
    sessionId: text('session_id')
      .notNull()
      .references(() => cashSessions.id),
    documentType: text('document_type').notNull(),
    series: text('series').notNull(),
    correlative: integer('correlative').notNull(),
    number: text('number').notNull(),
    reason: text('reason').notNull(),
    refundMethod: text('refund_method').notNull(),
    /** What the return took off a credit sale's pending balance (nothing was paid for it). */
    balanceReduced: integer('balance_reduced').notNull().default(0),
    /** What was paid back: total − balanceReduced + cashRounding. */
    refunded: integer('refunded').notNull().default(0),
    /** A cash refund rounded up to the coin: positive when the customer got more back. */
    cashRounding: integer('cash_rounding').notNull().default(0),
    taxableBase: integer('taxable_base').notNull(),
    exempt: integer('exempt').notNull(),
    unaffected: integer('unaffected').notNull(),
    tax: integer('tax').notNull(),
    fixedTax: integer('fixed_tax').notNull(),
    total: integer('total').notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull(),
    localDate: text('local_date').notNull(),
  },
  (t) => [
    index('sale_returns_sale').on(t.saleId),
    index('sale_returns_session').on(t.sessionId),
    index('sale_returns_date').on(t.localDate),
    uniqueIndex('sale_returns_number').on(t.registerId, t.documentType, t.series, t.correlative),
  ],
);

export const saleReturnLines = sqliteTable(
  'sale_return_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    returnId: text('return_id')
      .notNull()
      .references(() => saleReturns.id, { onDelete: 'cascade' }),
    saleLineId: integer('sale_line_id').notNull(),
    productId: integer('product_id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    quantity: integer('quantity').notNull(),
    unitPrice: integer('unit_price').notNull(),
    taxRate: integer('tax_rate').notNull(),
    taxKind: text('tax_kind').notNull(),
    base: integer('base').notNull(),
    tax: integer('tax').notNull(),
    fixedTax: integer('fixed_tax').notNull(),
    total: integer('total').notNull(),
  },
  (t) => [index('sale_return_lines_return').on(t.returnId)],
);
