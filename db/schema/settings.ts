import { sql } from 'drizzle-orm';
import { check, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * The store's settings: one row (id = 1), typed columns so a migration can
 * evolve them. Tax options start from the country profile and may be overridden.
 */
export const settings = sqliteTable(
  'settings',
  {
    id: integer('id').primaryKey(),
    country: text('country').notNull(),
    businessName: text('business_name').notNull(),
    taxId: text('tax_id').notNull(),
    address: text('address').notNull().default(''),
    phone: text('phone').notNull().default(''),
    currency: text('currency').notNull(),
    /** Venezuela: the other currency shown beside the first at a locked rate. */
    secondaryCurrency: text('secondary_currency'),
    /** Bs per USD (or the pair in use) as exact decimal text, locked onto each sale. */
    exchangeRate: text('exchange_rate'),
    igtfEnabled: integer('igtf_enabled', { mode: 'boolean' }).notNull().default(false),
    locale: text('locale').notNull(),
    language: text('language').notNull().default('es'),
    timeZone: text('time_zone').notNull(),
    pricesIncludeTax: integer('prices_include_tax', { mode: 'boolean' }).notNull(),
    roundingMethod: text('rounding_method').notNull(),
    roundingMode: text('rounding_mode').notNull(),
    taxBasis: text('tax_basis').notNull(),
    /** 'block': refuse sales without stock; 'allow': sell into negative; 'per_product'. */
    negativeStock: text('negative_stock').notNull().default('block'),
    /** JSON array of { pattern, priceDecimals } scale-label layouts. */
    scaleLayouts: text('scale_layouts').notNull().default('[]'),
    defaultDocumentType: text('default_document_type').notNull(),
    /** Cashiers may change a line's price only if this is on. */
    cashierPriceOverride: integer('cashier_price_override', { mode: 'boolean' })
      .notNull()
      .default(false),
    /** The largest line or order discount, in whole percent, a cashier gives without a supervisor. */
    discountLimit: integer('discount_limit').notNull().default(10),
    /**
     * The largest cash-out (minor units) a cashier makes without a supervisor;
     * null means the currency's default (core/money/limits.ts), so one
     * migration suits soles and pesos alike.
     */
    cashOutLimit: integer('cash_out_limit'),
    /**
     * Cash rounded to the smallest coin (core/money/cash-rounding.ts); null
     * means the country profile's default, so one migration suits every country.
     */
    cashRounding: integer('cash_rounding', { mode: 'boolean' }),
    /** Where documents.* may write PDFs besides <data dir>/documents; '' for none. */
    documentsFolder: text('documents_folder').notNull().default(''),
    receiptFooter: text('receipt_footer').notNull().default(''),
    /** JSON object: the store's own name per payment method ("Yape" for QR); absent keeps the default. */
    paymentMethodNames: text('payment_method_names').notNull().default('{}'),
    receiptFormat: text('receipt_format').notNull().default('80mm'),
    printerName: text('printer_name').notNull().default(''),
    printerHost: text('printer_host').notNull().default(''),
    printerPort: integer('printer_port').notNull().default(9100),
    autoPrint: integer('auto_print', { mode: 'boolean' }).notNull().default(false),
    openDrawerOnCash: integer('open_drawer_on_cash', { mode: 'boolean' }).notNull().default(false),
    /** New PINs need 6 digits, and a user with a shorter one must change it at the next login. */
    requireSixDigitPins: integer('require_six_digit_pins', { mode: 'boolean' })
      .notNull()
      .default(false),
    /** Peru e-invoicing (CPE): the razón social as registered with SUNAT; '' until set. */
    legalName: text('legal_name').notNull().default(''),
    /** Código de establecimiento anexo: "0000" is the fiscal address. */
    establishmentCode: text('establishment_code').notNull().default('0000'),
    /** Ubigeo of the establishment (6 digits); '' until set. */
    ubigeo: text('ubigeo').notNull().default(''),
    /** Sign a CPE for every boleta, factura and credit note (Peru only). */
    einvoicing: integer('einvoicing', { mode: 'boolean' }).notNull().default(false),
    /** The register this till sells on. */
    currentRegisterId: integer('current_register_id').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [check('settings_single_row', sql`${t.id} = 1`)],
);

/** A till: its own code, its own document series, its own cash drawer. */
export const registers = sqliteTable('registers', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  /** 1-based; feeds default series such as B001, B002. */
  number: integer('number').notNull().unique(),
  createdAt: text('created_at').notNull(),
});

/**
 * One numbering series per register, document type and corrected document type;
 * `last` is the last number used. `appliesTo` is '' for the register's series of
 * that type, or the type a credit note corrects when it has its own series (Peru:
 * a note on a factura is FC01, on a boleta BC01).
 */
export const documentSeries = sqliteTable(
  'document_series',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    registerId: integer('register_id')
      .notNull()
      .references(() => registers.id),
    documentType: text('document_type').notNull(),
    series: text('series').notNull(),
    last: integer('last').notNull().default(0),
    appliesTo: text('applies_to').notNull().default(''),
  },
  (t) => [
    uniqueIndex('document_series_register_type').on(t.registerId, t.documentType, t.appliesTo),
    uniqueIndex('document_series_type_series').on(t.documentType, t.series),
  ],
);

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    role: text('role').notNull(),
    /** scrypt: "scrypt$N$r$p$salt$hash", all base64. */
    pinHash: text('pin_hash').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    /** Wrong PINs since the last lock or good PIN; the fifth locks. */
    failedLogins: integer('failed_logins').notNull().default(0),
    /** Locks since the last good PIN: each lasts longer (1, 5, 15, then 60 minutes). */
    lockouts: integer('lockouts').notNull().default(0),
    lockedUntil: text('locked_until'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('users_name_nocase').on(sql`${t.name} COLLATE NOCASE`)],
);

/**
 * A user locked out by wrong PINs, kept until an admin has seen it: who, when,
 * how many tries. Further lockouts and tries update the open alert.
 */
export const lockAlerts = sqliteTable('lock_alerts', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id),
  userName: text('user_name').notNull(),
  firstLockedAt: text('first_locked_at').notNull(),
  lastLockedAt: text('last_locked_at').notNull(),
  lockedUntil: text('locked_until').notNull(),
  lockouts: integer('lockouts').notNull(),
  /** Refused PINs: the misses that locked and every try after, while the alert is open. */
  misses: integer('misses').notNull(),
  dismissedAt: text('dismissed_at'),
  dismissedBy: integer('dismissed_by').references(() => users.id),
});
