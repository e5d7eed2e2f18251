/** Builds the server's sale rows from a till's sale.created event. */
import { and, eq } from 'drizzle-orm';
import type { SalePayload } from '../core/sync';
import type { Tx } from './db/open';
import { documentSeries, payments, saleLines, saleTaxes, sales } from './db/schema';
import type { DeviceIdentity } from './auth';

/** A business rule refused the event: it goes to review and the sequence still advances. */
export class BusinessRejection extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** The series must be this register's; a series nobody owns yet becomes its own. */
async function checkSeries(tx: Tx, device: DeviceIdentity, sale: SalePayload): Promise<void> {
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

export async function applySaleCreated(
  tx: Tx,
  device: DeviceIdentity,
  sale: SalePayload,
): Promise<void> {
  await checkSeries(tx, device, sale);
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
    status: sale.status,
    sessionId: sale.sessionId,
    customerName: sale.customer.name,
    customerDocType: sale.customer.documentType,
    customerDocNumber: sale.customer.documentNumber,
    cashierName: sale.cashier.name,
    soldAt: new Date(sale.createdAt),
    localDate: sale.localDate,
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
  });
  await tx.insert(saleLines).values(
    sale.lines.map((line) => ({
      storeId,
      saleId: sale.id,
      lineNo: line.lineNo,
      productCode: line.code,
      name: line.name,
      // Thousandths, as the till stores them, so sums stay exact integers.
      quantity: Math.round(line.quantity * 1000),
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
  if (sale.taxed.length > 0) {
    await tx.insert(saleTaxes).values(
      sale.taxed.map((t) => ({
        storeId,
        saleId: sale.id,
        rate: t.rate,
        base: t.base,
        tax: t.tax,
      })),
    );
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

/** A void keeps the sale and its number; it and its lines stop counting. */
export async function applySaleVoided(
  tx: Tx,
  device: DeviceIdentity,
  voided: { id: string; reason: string },
): Promise<void> {
  const { storeId } = device;
  const [sale] = await tx
    .select({ status: sales.status, registerId: sales.registerId })
    .from(sales)
    .where(and(eq(sales.storeId, storeId), eq(sales.saleId, voided.id)));
  if (!sale) {
    throw new BusinessRejection('SALE_NOT_FOUND', `No sale ${voided.id} to void`, {
      saleId: voided.id,
    });
  }
  if (sale.registerId !== device.registerId) {
    throw new BusinessRejection('SALE_OF_ANOTHER_REGISTER', 'A register voids only its own sales', {
      saleId: voided.id,
    });
  }
  if (sale.status === 'ANULADA') {
    throw new BusinessRejection('ALREADY_VOIDED', `Sale ${voided.id} is already void`, {
      saleId: voided.id,
    });
  }
  await tx
    .update(sales)
    .set({ status: 'ANULADA' })
    .where(and(eq(sales.storeId, storeId), eq(sales.saleId, voided.id)));
  await tx
    .update(saleLines)
    .set({ voided: true })
    .where(and(eq(saleLines.storeId, storeId), eq(saleLines.saleId, voided.id)));
}
