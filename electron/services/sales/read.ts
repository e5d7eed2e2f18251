import { and, desc, eq, gte, lte, or, sql } from 'drizzle-orm';
import { DomainError } from '../../../core/errors';
import type { Page, PaymentMethod, Sale, SaleListItem, SaleStatus } from '../../../core/api/model';
import type { DocumentType } from '../../../core/numbering';
import type { FixedTaxAmount, RateTotal, RoundingMethod, TaxKind } from '../../../core/tax/types';
import { payments, registers, saleLines, saleReturns, sales } from '../../../db/schema';
import type { ServiceContext } from '../context';
import { selectRows } from '../sql';
import { toApiQuantity } from '../catalog/product-rows';

export type SaleRow = typeof sales.$inferSelect;

/** The sale with this id, or undefined. */
export function findSaleRow(ctx: ServiceContext, id: string): SaleRow | undefined {
  return selectRows(ctx, sales, 'id = ?').get(id);
}

export function saleRowById(ctx: ServiceContext, id: string): SaleRow {
  const row = findSaleRow(ctx, id);
  if (!row) throw new DomainError('NOT_FOUND', `Sale ${id} does not exist`, { entity: 'sale', id });
  return row;
}

export type SaleLineRow = typeof saleLines.$inferSelect;
export type PaymentRow = typeof payments.$inferSelect;
export type SaleReturnRow = typeof saleReturns.$inferSelect;

/** What a sale is stored as besides its own row. */
export interface SaleParts {
  readonly registerCode: string;
  /** In line order. */
  readonly lines: readonly SaleLineRow[];
  /** In the order they were made. */
  readonly payments: readonly PaymentRow[];
  /** Oldest first. */
  readonly returns: readonly SaleReturnRow[];
}

/** A sale's stored rows, read back in the order the API shows them. */
function readSaleParts(ctx: ServiceContext, row: SaleRow): SaleParts {
  const id = row.id;
  return {
    registerCode: selectRows(ctx, registers, 'id = ?').get(row.registerId)?.code ?? '',
    lines: selectRows(ctx, saleLines, 'sale_id = ? ORDER BY line_no').all(id),
    // Payments of one sale share their instant: insertion order breaks the tie.
    payments: selectRows(ctx, payments, 'sale_id = ? ORDER BY created_at, rowid').all(id),
    returns: selectRows(ctx, saleReturns, 'sale_id = ? ORDER BY created_at, correlative').all(id),
  };
}

export function toSale(ctx: ServiceContext, row: SaleRow): Sale {
  return assembleSale(row, readSaleParts(ctx, row));
}

/**
 * The API's view of a sale from its stored rows. The one mapping: reads use it
 * on rows they read back, sales.create on the rows it has just written.
 */
export function assembleSale(row: SaleRow, parts: SaleParts): Sale {
  return {
    id: row.id,
    number: row.number,
    documentType: row.documentType as DocumentType,
    series: row.series,
    correlative: row.correlative,
    status: row.status as SaleStatus,
    registerId: row.registerId,
    registerCode: parts.registerCode,
    sessionId: row.sessionId,
    customer: {
      id: row.customerId,
      name: row.customerName,
      documentType: row.customerDocType,
      documentNumber: row.customerDocNumber,
    },
    cashier: { id: row.cashierId, name: row.cashierName },
    createdAt: row.createdAt,
    localDate: row.localDate,
    currency: row.currency,
    secondaryCurrency: row.secondaryCurrency,
    exchangeRate: row.exchangeRate,
    pricesIncludeTax: row.pricesIncludeTax,
    roundingMethod: row.roundingMethod as RoundingMethod,
    lines: parts.lines.map((l) => ({
      id: l.id,
      lineNo: l.lineNo,
      productId: l.productId,
      code: l.code,
      name: l.name,
      soldBy: l.soldBy === 'weight' ? 'weight' : 'unit',
      quantity: toApiQuantity(l.quantity),
      unitPrice: l.unitPrice,
      priceOverridden: l.priceOverridden,
      unitCost: l.unitCost,
      taxCategory: l.taxCategory,
      taxKind: l.taxKind as TaxKind,
      taxRate: l.taxRate,
      gross: l.gross,
      lineDiscount: l.lineDiscount,
      orderDiscount: l.orderDiscount,
      base: l.base,
      tax: l.tax,
      unitTax: l.unitTax,
      fixedTax: l.fixedTax,
      fixedTaxes: JSON.parse(l.fixedTaxes) as FixedTaxAmount[],
      total: l.total,
      returnedQuantity: toApiQuantity(l.returnedQuantity),
    })),
    payments: parts.payments.map((p) => ({
      id: p.id,
      method: p.method as PaymentMethod,
      currency: p.currency,
      tendered: p.tendered,
      change: p.change,
      amount: p.amount,
      bank: p.bank,
      reference: p.reference,
    })),
    gross: row.gross,
    lineDiscount: row.lineDiscount,
    orderDiscount: row.orderDiscount,
    discount: row.lineDiscount + row.orderDiscount,
    taxed: JSON.parse(row.taxes) as RateTotal[],
    taxableBase: row.taxableBase,
    exempt: row.exempt,
    unaffected: row.unaffected,
    tax: row.tax,
    fixedTaxes: JSON.parse(row.fixedTaxes) as FixedTaxAmount[],
    fixedTax: row.fixedTax,
    total: row.total,
    igtf: row.igtf,
    due: row.total + row.igtf,
    cashRounding: row.cashRounding,
    paid: row.paid,
    change: row.change,
    balance: row.balance,
    refunded: row.refunded,
    notes: row.notes,
    void: row.voidedAt
      ? { reason: row.voidReason ?? '', by: row.voidedBy, at: row.voidedAt }
      : null,
    edit: row.editedAt
      ? { reason: row.editReason ?? '', by: row.editedBy, at: row.editedAt }
      : null,
    returns: parts.returns.map((r) => ({
      id: r.id,
      number: r.number,
      total: r.total,
      reason: r.reason,
      createdAt: r.createdAt,
    })),
  };
}

export function getSale(ctx: ServiceContext, input: { id: string } | { number: string }): Sale {
  if ('id' in input) return toSale(ctx, saleRowById(ctx, input.id));
  const row = ctx.db.orm.select().from(sales).where(eq(sales.number, input.number)).get();
  if (!row)
    throw new DomainError('NOT_FOUND', `No sale has number ${input.number}`, {
      entity: 'sale',
      number: input.number,
    });
  return toSale(ctx, row);
}

export interface SaleQuery {
  readonly page: number;
  readonly pageSize: number;
  readonly from?: string;
  readonly to?: string;
  readonly status?: SaleStatus;
  readonly customerId?: number;
  readonly cashierId?: number;
  readonly text?: string;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Newest first; `from`/`to` are the store's days, inclusive. */
export function listSales(ctx: ServiceContext, query: SaleQuery): Page<SaleListItem> {
  const text = query.text?.trim();
  const pattern = text ? `%${escapeLike(text)}%` : undefined;
  const where = and(
    query.from ? gte(sales.localDate, query.from) : undefined,
    query.to ? lte(sales.localDate, query.to) : undefined,
    query.status ? eq(sales.status, query.status) : undefined,
    query.customerId ? eq(sales.customerId, query.customerId) : undefined,
    query.cashierId ? eq(sales.cashierId, query.cashierId) : undefined,
    pattern
      ? or(
          sql`${sales.number} LIKE ${pattern} ESCAPE '\\'`,
          sql`${sales.customerName} LIKE ${pattern} ESCAPE '\\'`,
          sql`${sales.customerDocNumber} LIKE ${pattern} ESCAPE '\\'`,
          sql`${sales.notes} LIKE ${pattern} ESCAPE '\\'`,
          // A credit note's number finds the sale it modifies.
          sql`EXISTS (SELECT 1 FROM sale_returns AS sr WHERE sr.sale_id = "sales"."id" AND sr.number LIKE ${pattern} ESCAPE '\\')`,
        )
      : undefined,
  );
  const total =
    ctx.db.orm
      .select({ n: sql<number>`count(*)` })
      .from(sales)
      .where(where)
      .get()?.n ?? 0;
  const rows = ctx.db.orm
    .select({
      id: sales.id,
      number: sales.number,
      documentType: sales.documentType,
      status: sales.status,
      customerName: sales.customerName,
      cashierId: sales.cashierId,
      cashierName: sales.cashierName,
      createdAt: sales.createdAt,
      total: sales.total,
      // Qualified by hand: drizzle leaves columns of a single-table query bare, and a
      // bare "id" inside the subquery would be sale_lines.id.
      lineCount: sql<number>`(SELECT COUNT(*) FROM sale_lines AS sl WHERE sl.sale_id = "sales"."id")`,
      creditNotes: sql<string>`(SELECT json_group_array(json_object('id', r.id, 'number', r.number)) FROM (SELECT id, number FROM sale_returns AS sr WHERE sr.sale_id = "sales"."id" ORDER BY sr.created_at, sr.correlative) AS r)`,
    })
    .from(sales)
    .where(where)
    .orderBy(desc(sales.createdAt), desc(sales.correlative))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .all();
  return {
    items: rows.map((r) => ({
      id: r.id,
      number: r.number,
      documentType: r.documentType as DocumentType,
      status: r.status as SaleStatus,
      customerName: r.customerName,
      cashier: { id: r.cashierId, name: r.cashierName },
      createdAt: r.createdAt,
      total: r.total,
      lineCount: r.lineCount,
      creditNotes: JSON.parse(r.creditNotes) as SaleListItem['creditNotes'],
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
