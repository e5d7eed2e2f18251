import { sql } from 'drizzle-orm';
import {
  blob,
  check,
  index,
  integer,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import { saleReturns, sales } from './sales';

/**
 * The store's signing certificate (one row, id = 1). The .pfx and its password
 * are kept only sealed (electron/services/einvoice/sealing.ts); what Settings
 * shows is copied out in clear: subject, RUC, validity.
 */
export const einvoiceCertificate = sqliteTable(
  'einvoice_certificate',
  {
    id: integer('id').primaryKey(),
    /** How `sealed` was sealed: 'aes-256-gcm-file' or 'safe-storage'. */
    sealing: text('sealing').notNull(),
    /** The sealed JSON { pfx (base64), password }. */
    sealed: blob('sealed', { mode: 'buffer' }).notNull(),
    subject: text('subject').notNull(),
    /** The RUC the certificate names (its OU or serialNumber), '' when none. */
    ruc: text('ruc').notNull().default(''),
    notBefore: text('not_before').notNull(),
    notAfter: text('not_after').notNull(),
    loadedAt: text('loaded_at').notNull(),
    loadedBy: text('loaded_by').notNull(),
  },
  (t) => [check('einvoice_certificate_single_row', sql`${t.id} = 1`)],
);

/**
 * One signed electronic document (CPE) per sale or return: the exact signed
 * bytes (never re-serialised), its digest (the printed "hash") and where it
 * stands with SUNAT.
 */
export const cpeDocuments = sqliteTable(
  'cpe_documents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    saleId: text('sale_id')
      .notNull()
      .references(() => sales.id),
    /** Set for a credit note: the return (or void) it documents. */
    returnId: text('return_id').references(() => saleReturns.id),
    /** BOLETA, FACTURA or NOTA_CREDITO. */
    documentType: text('document_type').notNull(),
    series: text('series').notNull(),
    correlative: integer('correlative').notNull(),
    /** PENDING, SIGN_FAILED (later: SENT, ACCEPTED, OBSERVED, REJECTED). */
    state: text('state').notNull(),
    /** The signed XML as signed: the bytes that are zipped and sent. */
    xml: blob('xml', { mode: 'buffer' }),
    /** The reference's DigestValue (base64). */
    digest: text('digest'),
    /** The SUNAT QR text, digest included, for the printed representation. */
    qrText: text('qr_text'),
    /** Why signing failed, when it did. */
    failure: text('failure'),
    attempts: integer('attempts').notNull().default(0),
    cdrCode: text('cdr_code'),
    cdrMessage: text('cdr_message'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('cpe_documents_sale').on(t.saleId),
    index('cpe_documents_state').on(t.state),
    uniqueIndex('cpe_documents_number').on(t.documentType, t.series, t.correlative),
    uniqueIndex('cpe_documents_return').on(t.returnId),
  ],
);
