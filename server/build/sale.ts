/** Sales from a till's events: created, voided, deleted. Edits are in sale-edit.ts. */
import { and, eq } from 'drizzle-orm';
import type { SalePayload } from '../../core/sync';
import { documentSeries, payments, saleLines, saleReturns, sales, saleTaxes } from '../db/schema';
import { BusinessRejection, thousandths, type BuildContext } from './context';
import { learnProductId, moveStock, restoreSaleStock, untrackedCodes } from './stock';

/** The series must be this register's; a series nobody owns yet becomes its own. */
async function checkSeries(ctx: BuildContext, sale: SalePayload): Promise<void> {
  const { tx, device } = ctx;
  const [owner] = await tx
    .select({ registerId: documentSeries.registerId })
    .from(documentSeries)
    .where(
      and(
        eq(documentSeries.storeId, device.storeId),
        eq(documentSeries.documentType, sale.documentType),
        eq(documentSeries.series, sale.series),
      ),
    );
  if (!owner) {
    await tx.insert(documentSeries).values({
      storeId: device.storeId,
      registerId: device.registerId,
      documentType: sale.documentType,
      series: sale.series,
    });
  } else if (owner.registerId !== device.registerId) {
    throw new BusinessRejection(
      'SERIES_NOT_OWNED',
      `Series ${sale.series} belongs to another register`,
      { documentType: sale.documentType, series: sale.series },
    );
  }
}

/** The money columns of a sale row, as the till computed them. */
export function saleFigures(sale: SalePayload) {
  return {
    status: sale.status,
    customerName: sale.customer.name,
    customerDocType: sale.customer.documentType,
    customerDocNumber: sale.customer.documentNumber,
    currency: sale.currency,
    taxableBase: sale.taxableBase,
    exempt: sale.exempt,
    unaffected: sale.unaffected,
    tax: sale.tax,
    fixedTax: sale.fixedTax,
    discount: sale.discount,
    total: sale.total,
    igtf: sale.igtf,
    paid: sale.paid,
    change: sale.change,
    balance: sale.balance,
  };
}

/** Lines, taxes and payments of a sale (a new one, or an edit that replaced them). */
export async function insertSaleParts(ctx: BuildContext, sale: SalePayload): Promise<void> {
  const { tx } = ctx;
  const { storeId } = ctx.device;
  await tx.insert(saleLines).values(
    sale.lines.map((line) => ({
      storeId,
      saleId: sale.id,
      lineNo: line.lineNo,
      productCode: line.code,
      name: line.name,
      // Thousandths, as the till stores them, so sums stay exact integers.
      quantity: thousandths(line.quantity),
      unitPrice: line.unitPrice,
      taxCategory: line.taxCategory,
      taxKind: line.taxKind,
      taxRate: line.taxRate,
      gross: line.gross,
      discount: line.lineDiscount + line.orderDiscount,
      base: line.base,
      tax: line.tax,
      fixedTax: line.fixedTax,
      total: line.total,
    })),
  );
  for (const line of sale.lines) await learnProductId(ctx, line.productId, line.code);
  if (sale.taxed.length > 0) {
    await tx
      .insert(saleTaxes)
      .values(sale.taxed.map((t) => ({ storeId, saleId: sale.id, rate: t.rate, ...pick(t) })));
  }
  if (sale.payments.length > 0) {
    await tx.insert(payments).values(
      sale.payments.map((p) => ({
        storeId,
        paymentId: p.id,
        saleId: sale.id,
        method: p.method,
        currency: p.currency,
        tendered: p.tendered,
        change: p.change,
        amount: p.amount,
        bank: p.bank,
        reference: p.reference,
      })),
    );
  }
}

function pick(t: { base: number; tax: number }) {
  return { base: t.base, tax: t.tax };
}

/** Quantity sold per product code, in thousandths, leaving out products that do not track stock. */
export async function soldByCode(ctx: BuildContext, sale: SalePayload) {
  const untracked = await untrackedCodes(
    ctx,
    sale.lines.map((l) => l.code),
  );
  const sold = new Map<string, number>();
  for (const line of sale.lines) {
    if (untracked.has(line.code)) continue;
    sold.set(line.code, (sold.get(line.code) ?? 0) + thousandths(line.quantity));
  }
  return sold;
}

export async function applySaleCreated(ctx: BuildContext, sale: SalePayload): Promise<void> {
  const { tx, device } = ctx;
  await checkSeries(ctx, sale);
  const { storeId } = device;
  const [sameId] = await tx
    .select({ number: sales.number })
    .from(sales)
    .where(and(eq(sales.storeId, storeId), eq(sales.saleId, sale.id)));
  if (sameId) {
    throw new BusinessRejection('DUPLICATE_SALE', `Sale ${sale.id} was already received`, {
      saleId: sale.id,
      number: sameId.number,
    });
  }
  const [sameNumber] = await tx
    .select({ saleId: sales.saleId })
    .from(sales)
    .where(
      and(
        eq(sales.storeId, storeId),
        eq(sales.documentType, sale.documentType),
        eq(sales.series, sale.series),
        eq(sales.correlative, sale.correlative),
      ),
    );
  if (sameNumber) {
    throw new BusinessRejection(
      'DOCUMENT_NUMBER_TAKEN',
      `${sale.documentType} ${sale.number} was already used by another sale`,
      { number: sale.number, otherSaleId: sameNumber.saleId, saleId: sale.id },
    );
  }
  await tx.insert(sales).values({
    storeId,
    saleId: sale.id,
    registerId: device.registerId,
    deviceId: device.deviceId,
    documentType: sale.documentType,
    series: sale.series,
    correlative: sale.correlative,
    number: sale.number,
    sessionId: sale.sessionId,
    cashierName: sale.cashier.name,
    soldAt: new Date(sale.createdAt),
    localDate: sale.localDate,
    ...saleFigures(sale),
  });
  await insertSaleParts(ctx, sale);
  for (const [code, quantity] of await soldByCode(ctx, sale)) {
    await moveStock(ctx, { code, quantity: -quantity, kind: 'SALE', saleId: sale.id });
  }
}

/** The sale a later event is about: it must exist, be this register's and not be void or deleted. */
export async function ownLiveSale(ctx: BuildContext, saleId: string, doing: string) {
  const { storeId } = ctx.device;
  const [sale] = await ctx.tx
    .select()
    .from(sales)
    .where(and(eq(sales.storeId, storeId), eq(sales.saleId, saleId)));
  if (!sale) {
    throw new BusinessRejection('SALE_NOT_FOUND', `No sale ${saleId} to ${doing}`, { saleId });
  }
  if (sale.registerId !== ctx.device.registerId) {
    throw new BusinessRejection(
      'SALE_OF_ANOTHER_REGISTER',
      `A register may ${doing} only its own sales`,
      { saleId },
    );
  }
  if (sale.status === 'ANULADA') {
    throw new BusinessRejection('ALREADY_VOIDED', `Sale ${saleId} is void`, { saleId });
  }
  if (sale.status === 'ELIMINADA') {
    throw new BusinessRejection('SALE_DELETED', `Sale ${saleId} was deleted`, { saleId });
  }
  return sale;
}

async function markSale(
  ctx: BuildContext,
  saleId: string,
  status: 'ANULADA' | 'ELIMINADA',
  reason: string,
  at: Date,
) {
  const { storeId } = ctx.device;
  await ctx.tx
    .update(sales)
    .set({ status, statusReason: reason, statusChangedAt: at })
    .where(and(eq(sales.storeId, storeId), eq(sales.saleId, saleId)));
  await ctx.tx
    .update(saleLines)
    .set({ voided: true })
    .where(and(eq(saleLines.storeId, storeId), eq(saleLines.saleId, saleId)));
}

/** A void keeps the sale and its number; it and its lines stop counting, its stock comes back. */
export async function applySaleVoided(
  ctx: BuildContext,
  voided: { id: string; reason: string; at?: string | undefined },
): Promise<void> {
  await ownLiveSale(ctx, voided.id, 'void');
  await markSale(
    ctx,
    voided.id,
    'ANULADA',
    voided.reason,
    voided.at ? new Date(voided.at) : ctx.occurredAt,
  );
  await restoreSaleStock(ctx, voided.id, 'VOID', voided.reason);
}

/**
 * The till deleted the sale (admin only, never one with returns). Nothing is
 * lost here: the row stays, marked ELIMINADA, and stops counting; its number
 * stays taken; its stock comes back unless a void already brought it back.
 */
export async function applySaleDeleted(
  ctx: BuildContext,
  deleted: { id: string; reason: string },
): Promise<void> {
  const { storeId } = ctx.device;
  const [sale] = await ctx.tx
    .select({ status: sales.status, registerId: sales.registerId })
    .from(sales)
    .where(and(eq(sales.storeId, storeId), eq(sales.saleId, deleted.id)));
  // A void sale may be deleted too; only its status differs.
  if (sale?.status !== 'ANULADA') await ownLiveSale(ctx, deleted.id, 'delete');
  else if (sale.registerId !== ctx.device.registerId) await ownLiveSale(ctx, deleted.id, 'delete');
  const [credit] = await ctx.tx
    .select({ number: saleReturns.number })
    .from(saleReturns)
    .where(and(eq(saleReturns.storeId, storeId), eq(saleReturns.saleId, deleted.id)))
    .limit(1);
  if (credit) {
    throw new BusinessRejection('HAS_RETURNS', `The sale has credit note ${credit.number}`, {
      saleId: deleted.id,
    });
  }
  await markSale(ctx, deleted.id, 'ELIMINADA', deleted.reason, ctx.occurredAt);
  await restoreSaleStock(ctx, deleted.id, 'DELETE', deleted.reason);
}
