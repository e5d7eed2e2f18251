/**
 * The central server's tables (PostgreSQL, also PGlite). store_id leads every
 * primary key and unique index, so every row of a store lives under one key
 * prefix: a chain can later distribute these tables by store_id with Citus
 * (which requires the distribution column in every unique constraint) and no
 * query of one store ever needs another store's shard.
 */

import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const stores = pgTable('stores', {
  storeId: uuid('store_id').primaryKey(),
  name: text('name').notNull(),
  createdAt: createdAt(),
});

export const registers = pgTable(
  'registers',
  {
    storeId: uuid('store_id')
      .notNull()
      .references(() => stores.storeId),
    registerId: uuid('register_id').notNull(),
    code: text('code').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.registerId] }), unique().on(t.storeId, t.code)],
);

/** A series belongs to exactly one register: the key has no register in it. */
export const documentSeries = pgTable(
  'document_series',
  {
    storeId: uuid('store_id').notNull(),
    documentType: text('document_type').notNull(),
    series: text('series').notNull(),
    registerId: uuid('register_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.documentType, t.series] })],
);

/** One-time codes that enrol a till as a register's device; only their hash is kept. */
export const enrolmentCodes = pgTable(
  'enrolment_codes',
  {
    storeId: uuid('store_id').notNull(),
    codeHash: text('code_hash').notNull(),
    registerId: uuid('register_id').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    usedBy: uuid('used_by'),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.codeHash] })],
);

export const devices = pgTable(
  'devices',
  {
    storeId: uuid('store_id').notNull(),
    deviceId: uuid('device_id').notNull(),
    registerId: uuid('register_id').notNull(),
    name: text('name').notNull(),
    /** SHA-256 of a 256-bit random secret: high entropy needs no slow hash. */
    secretHash: text('secret_hash').notNull(),
    /** The highest seq stored for this device; the next push starts at lastSeq + 1. */
    lastSeq: bigint('last_seq', { mode: 'number' }).notNull().default(0),
    enrolledAt: createdAt(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.deviceId] })],
);

/**
 * Every event received, as received, recorded in the transaction that applies
 * it: (device, seq) and event_id are unique, so a replay finds its row and is
 * acknowledged without being applied again.
 */
export const events = pgTable(
  'events',
  {
    storeId: uuid('store_id').notNull(),
    deviceId: uuid('device_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    eventId: uuid('event_id').notNull(),
    type: text('type').notNull(),
    aggregateId: text('aggregate_id').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    receivedAt: createdAt(),
    /** SHA-256 of the event's canonical JSON: a replay with other content is a 409. */
    contentHash: text('content_hash').notNull(),
    payload: jsonb('payload').notNull(),
    /** APPLIED, REVIEW (a business rule refused it) or RECORDED (no builder for its type yet). */
    status: text('status').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.storeId, t.deviceId, t.seq] }),
    unique('events_store_event_id').on(t.storeId, t.eventId),
  ],
);

/** Events a business rule refused: kept, sequenced, and waiting for a person. */
export const reviewItems = pgTable(
  'review_items',
  {
    storeId: uuid('store_id').notNull(),
    eventId: uuid('event_id').notNull(),
    deviceId: uuid('device_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    type: text('type').notNull(),
    code: text('code').notNull(),
    message: text('message').notNull(),
    details: jsonb('details'),
    createdAt: createdAt(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolution: text('resolution'),
  },
  (t) => [
    primaryKey({ columns: [t.storeId, t.eventId] }),
    index('review_items_open').on(t.storeId, t.resolvedAt),
  ],
);

export const sales = pgTable(
  'sales',
  {
    storeId: uuid('store_id').notNull(),
    saleId: uuid('sale_id').notNull(),
    registerId: uuid('register_id').notNull(),
    deviceId: uuid('device_id').notNull(),
    documentType: text('document_type').notNull(),
    series: text('series').notNull(),
    correlative: integer('correlative').notNull(),
    number: text('number').notNull(),
    status: text('status').notNull(),
    sessionId: text('session_id').notNull(),
    customerName: text('customer_name').notNull(),
    customerDocType: text('customer_doc_type'),
    customerDocNumber: text('customer_doc_number'),
    cashierName: text('cashier_name').notNull(),
    /** The till's time of sale: a late offline sale counts on the day it was made. */
    soldAt: timestamp('sold_at', { withTimezone: true }).notNull(),
    localDate: text('local_date').notNull(),
    currency: text('currency').notNull(),
    taxableBase: bigint('taxable_base', { mode: 'number' }).notNull(),
    exempt: bigint('exempt', { mode: 'number' }).notNull(),
    unaffected: bigint('unaffected', { mode: 'number' }).notNull(),
    tax: bigint('tax', { mode: 'number' }).notNull(),
    fixedTax: bigint('fixed_tax', { mode: 'number' }).notNull(),
    discount: bigint('discount', { mode: 'number' }).notNull(),
    total: bigint('total', { mode: 'number' }).notNull(),
    igtf: bigint('igtf', { mode: 'number' }).notNull(),
    paid: bigint('paid', { mode: 'number' }).notNull(),
    change: bigint('change', { mode: 'number' }).notNull(),
    balance: bigint('balance', { mode: 'number' }).notNull(),
    receivedAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.storeId, t.saleId] }),
    unique('sales_store_document_number').on(t.storeId, t.documentType, t.series, t.correlative),
    index('sales_store_local_date').on(t.storeId, t.localDate),
  ],
);

export const saleLines = pgTable(
  'sale_lines',
  {
    storeId: uuid('store_id').notNull(),
    saleId: uuid('sale_id').notNull(),
    lineNo: integer('line_no').notNull(),
    productCode: text('product_code').notNull(),
    name: text('name').notNull(),
    /** Thousandths, as on the till. */
    quantity: bigint('quantity', { mode: 'number' }).notNull(),
    unitPrice: bigint('unit_price', { mode: 'number' }).notNull(),
    taxCategory: text('tax_category').notNull(),
    taxKind: text('tax_kind').notNull(),
    taxRate: integer('tax_rate').notNull(),
    gross: bigint('gross', { mode: 'number' }).notNull(),
    discount: bigint('discount', { mode: 'number' }).notNull(),
    base: bigint('base', { mode: 'number' }).notNull(),
    tax: bigint('tax', { mode: 'number' }).notNull(),
    fixedTax: bigint('fixed_tax', { mode: 'number' }).notNull(),
    total: bigint('total', { mode: 'number' }).notNull(),
    voided: boolean('voided').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.saleId, t.lineNo] })],
);

/** IGV/IVA per rate of a sale, as the till's tax engine computed it. */
export const saleTaxes = pgTable(
  'sale_taxes',
  {
    storeId: uuid('store_id').notNull(),
    saleId: uuid('sale_id').notNull(),
    rate: integer('rate').notNull(),
    base: bigint('base', { mode: 'number' }).notNull(),
    tax: bigint('tax', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.saleId, t.rate] })],
);

export const payments = pgTable(
  'payments',
  {
    storeId: uuid('store_id').notNull(),
    paymentId: text('payment_id').notNull(),
    saleId: uuid('sale_id').notNull(),
    method: text('method').notNull(),
    currency: text('currency').notNull(),
    tendered: bigint('tendered', { mode: 'number' }).notNull(),
    change: bigint('change', { mode: 'number' }).notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    bank: text('bank'),
    reference: text('reference'),
  },
  (t) => [
    primaryKey({ columns: [t.storeId, t.paymentId] }),
    index('payments_store_sale').on(t.storeId, t.saleId),
  ],
);

/** Tables in the order a test empties them (TRUNCATE takes them all at once). */
export const ALL_TABLES = [
  'stores',
  'registers',
  'document_series',
  'enrolment_codes',
  'devices',
  'events',
  'review_items',
  'sales',
  'sale_lines',
  'sale_taxes',
  'payments',
] as const;
