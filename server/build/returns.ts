/** sale.returned: a credit note for part of a sale, and the stock it brings back. */
import { and, eq, sql } from 'drizzle-orm';
import type { ReturnPayload } from '../../core/sync';
import { saleReturnLines, saleReturns, sales, stockMovements } from '../db/schema';
import { BusinessRejection, thousandths, type BuildContext } from './context';
import { moveStock } from './stock';

export async function applySaleReturned(ctx: BuildContext, credit: ReturnPayload): Promise<void> {
  const { tx, device } = ctx;
  const { storeId } = device;
  const [sale] = await tx
    .select({ status: sales.status })
    .from(sales)
    .where(and(eq(sales.storeId, storeId), eq(sales.saleId, credit.saleId)));
  if (!sale) {
    throw new BusinessRejection('SALE_NOT_FOUND', `No sale ${credit.saleId} to return`, {
      saleId: credit.saleId,
      number: credit.number,
    });
  }
  if (sale.status === 'ANULADA' || sale.status === 'ELIMINADA') {
    throw new BusinessRejection('SALE_NOT_LIVE', `Sale ${credit.saleId} is ${sale.status}`, {
      saleId: credit.saleId,
      number: credit.number,
    });
  }
  const [taken] = await tx
    .select({ returnId: saleReturns.returnId })
    .from(saleReturns)
    .where(
      and(
        eq(saleReturns.storeId, storeId),
        eq(saleReturns.documentType, credit.documentType),
        eq(saleReturns.number, credit.number),
      ),
    );
  if (taken) {
    throw new BusinessRejection(
      taken.returnId === credit.id ? 'DUPLICATE_RETURN' : 'DOCUMENT_NUMBER_TAKEN',
      `${credit.documentType} ${credit.number} was already received`,
      { number: credit.number, otherReturnId: taken.returnId, returnId: credit.id },
    );
  }
  await tx.insert(saleReturns).values({
    storeId,
    returnId: credit.id,
    saleId: credit.saleId,
    registerId: device.registerId,
    deviceId: device.deviceId,
    documentType: credit.documentType,
    number: credit.number,
    reason: credit.reason,
    refundMethod: credit.refundMethod,
    taxableBase: credit.taxableBase,
    exempt: credit.exempt,
    unaffected: credit.unaffected,
    tax: credit.tax,
    fixedTax: credit.fixedTax,
    total: credit.total,
    balanceReduced: credit.balanceReduced,
    refunded: credit.refunded,
    returnedAt: new Date(credit.createdAt),
  });
  await tx.insert(saleReturnLines).values(
    credit.lines.map((line, i) => ({
      storeId,
      returnId: credit.id,
      lineNo: i + 1,
      productCode: line.code,
      name: line.name,
      quantity: thousandths(line.quantity),
      unitPrice: line.unitPrice,
      taxRate: line.taxRate,
      base: line.base,
      tax: line.tax,
      fixedTax: line.fixedTax,
      total: line.total,
    })),
  );
  await tx
    .update(sales)
    .set({
      refunded: sql`${sales.refunded} + ${credit.total}`,
      balance: sql`${sales.balance} - ${credit.balanceReduced}`,
    })
    .where(and(eq(sales.storeId, storeId), eq(sales.saleId, credit.saleId)));
  for (const line of credit.lines) {
    // As at the till: stock comes back only where the sale took it.
    const [took] = await tx
      .select({ one: sql`1` })
      .from(stockMovements)
      .where(
        and(
          eq(stockMovements.storeId, storeId),
          eq(stockMovements.saleId, credit.saleId),
          eq(stockMovements.productCode, line.code),
          eq(stockMovements.kind, 'SALE'),
        ),
      )
      .limit(1);
    if (took) {
      await moveStock(ctx, {
        code: line.code,
        quantity: thousandths(line.quantity),
        kind: 'RETURN',
        reason: credit.reason,
        saleId: credit.saleId,
      });
    }
  }
}
