/**
 * Reads what each document shows through the same services the API uses, so
 * a paper never disagrees with sales.get, cash.report or reports.summary.
 */
import type { CashReportFormat, SaleDocumentFormat } from '../../core/api/areas/documents';
import type { Sale } from '../../core/api/model';
import { cashHandlers } from '../services/cash/handlers';
import type { ServiceContext } from '../services/context';
import { summarize } from '../services/reports';
import { getSale } from '../services/sales/read';
import { getSaleReturn } from '../services/sales/returns';
import { loadStore } from '../services/store';
import { cpeRows, saleCpeRow } from '../services/einvoice/documents';
import type { PrintedCpe } from './content/electronic';
import type { DocumentRequest, DocumentStore } from './model';

/** A period report lists this many products (reports.summary's default). */
const TOP_PRODUCTS = 20;

export function documentStore(ctx: ServiceContext): DocumentStore {
  const { settings, profile } = loadStore(ctx);
  return {
    businessName: settings.businessName,
    taxId: settings.taxId,
    taxIdLabel: profile.taxIdLabel,
    address: settings.address,
    phone: settings.phone,
    country: settings.country,
    locale: settings.locale,
    timeZone: settings.timeZone,
    currency: settings.currency,
    roundingMode: settings.roundingMode,
    receiptFooter: settings.receiptFooter,
    paymentMethodNames: settings.paymentMethodNames,
  };
}

/**
 * The registered customer's address as it is now: the sale's snapshot keeps
 * the name and document, not the address, and a factura must print one.
 */
export function customerAddressOf(ctx: ServiceContext, sale: Sale): string {
  if (sale.customer.id === null) return '';
  const row = ctx.db.sqlite
    .prepare('SELECT address FROM customers WHERE id = ?')
    .get(sale.customer.id) as { address: string } | undefined;
  return row?.address.trim() ?? '';
}

export function saleRequest(
  ctx: ServiceContext,
  saleId: string,
  format: SaleDocumentFormat,
): DocumentRequest {
  const sale = getSale(ctx, { id: saleId });
  return {
    kind: 'sale',
    format,
    store: documentStore(ctx),
    sale,
    customerAddress: customerAddressOf(ctx, sale),
    cpe: printedCpeOf(ctx, sale.id),
  };
}

/** The stored CPE's hash and QR, when one was signed (a SIGN_FAILED row prints as before). */
export function printedCpeOf(
  ctx: ServiceContext,
  saleId: string,
  returnId?: string,
): PrintedCpe | null {
  const row = returnId
    ? cpeRows(ctx, saleId).find((r) => r.returnId === returnId)
    : saleCpeRow(ctx, saleId);
  return row?.digest && row.qrText ? { digest: row.digest, qrText: row.qrText } : null;
}

export function saleReturnRequest(
  ctx: ServiceContext,
  returnId: string,
  format: SaleDocumentFormat,
): DocumentRequest {
  const saleReturn = getSaleReturn(ctx, returnId);
  const sale = getSale(ctx, { id: saleReturn.saleId });
  return {
    kind: 'saleReturn',
    format,
    store: documentStore(ctx),
    saleReturn,
    sale,
    customerAddress: customerAddressOf(ctx, sale),
    cpe: printedCpeOf(ctx, sale.id, saleReturn.id),
  };
}

export async function cashReportRequest(
  ctx: ServiceContext,
  sessionId: string,
  format: CashReportFormat,
): Promise<DocumentRequest> {
  // cash.report's own handler: the stored Z of a closed session, or the live X of an open one.
  const report = await cashHandlers['cash.report'].run({ sessionId }, ctx);
  return { kind: 'cashReport', format, store: documentStore(ctx), report };
}

export function periodRequest(ctx: ServiceContext, from: string, to: string): DocumentRequest {
  return {
    kind: 'period',
    store: documentStore(ctx),
    summary: summarize(ctx, from, to, TOP_PRODUCTS),
    generatedAt: ctx.now().toISOString(),
  };
}
