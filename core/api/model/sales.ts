/** Sales, their lines, payments and returns; paging. */
import type { DocumentType } from '../../numbering';
import type { FixedTaxAmount, RoundingMethod, TaxDocumentResult, TaxKind } from '../../tax/types';
import type { SoldBy } from './catalog';

export const PAYMENT_METHODS = ['EFECTIVO', 'TARJETA', 'QR', 'TRANSFERENCIA', 'CREDITO'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const SALE_STATUSES = ['COMPLETADA', 'EDITADA', 'ANULADA'] as const;
export type SaleStatus = (typeof SALE_STATUSES)[number];

export interface SaleLine {
  readonly id: number;
  readonly lineNo: number;
  readonly productId: number;
  readonly code: string;
  readonly name: string;
  readonly soldBy: SoldBy;
  readonly quantity: number;
  readonly unitPrice: number;
  readonly priceOverridden: boolean;
  readonly unitCost: number;
  readonly taxCategory: string;
  readonly taxKind: TaxKind;
  readonly taxRate: number;
  readonly gross: number;
  readonly lineDiscount: number;
  readonly orderDiscount: number;
  readonly base: number;
  readonly tax: number;
  readonly unitTax: number | null;
  readonly fixedTax: number;
  readonly fixedTaxes: readonly FixedTaxAmount[];
  readonly total: number;
  readonly returnedQuantity: number;
}

export interface Payment {
  readonly id: string;
  readonly method: PaymentMethod;
  readonly currency: string;
  readonly tendered: number;
  readonly change: number;
  readonly amount: number;
  readonly bank: string | null;
  readonly reference: string | null;
}

export interface SaleReturnSummary {
  readonly id: string;
  readonly number: string;
  readonly total: number;
  readonly reason: string;
  readonly createdAt: string;
}

/** A sale with its document totals, as the tax engine computed them when it was made. */
export interface Sale extends Omit<TaxDocumentResult, 'lines'> {
  readonly id: string;
  readonly number: string;
  readonly documentType: DocumentType;
  readonly series: string;
  readonly correlative: number;
  readonly status: SaleStatus;
  readonly registerId: number;
  readonly registerCode: string;
  readonly sessionId: string;
  readonly customer: {
    readonly id: number | null;
    readonly name: string;
    readonly documentType: string | null;
    readonly documentNumber: string | null;
  };
  readonly cashier: { readonly id: number; readonly name: string };
  readonly createdAt: string;
  readonly localDate: string;
  readonly currency: string;
  readonly secondaryCurrency: string | null;
  readonly exchangeRate: string | null;
  readonly pricesIncludeTax: boolean;
  readonly roundingMethod: RoundingMethod;
  readonly lines: readonly SaleLine[];
  readonly payments: readonly Payment[];
  readonly igtf: number;
  /** total + igtf: what the customer owes. */
  readonly due: number;
  /**
   * Cash rounded to the coin, its own amount beside the document's total
   * (negative: the customer paid less). paid + balance − cashRounding = due.
   */
  readonly cashRounding: number;
  readonly paid: number;
  readonly change: number;
  readonly balance: number;
  readonly refunded: number;
  readonly notes: string;
  readonly void: {
    readonly reason: string;
    readonly by: number | null;
    readonly at: string;
  } | null;
  readonly edit: {
    readonly reason: string;
    readonly by: number | null;
    readonly at: string;
  } | null;
  readonly returns: readonly SaleReturnSummary[];
}

export interface SaleListItem {
  readonly id: string;
  readonly number: string;
  readonly documentType: DocumentType;
  readonly status: SaleStatus;
  readonly customerName: string;
  readonly cashier: { readonly id: number; readonly name: string };
  readonly createdAt: string;
  readonly total: number;
  readonly lineCount: number;
  /** Its credit notes (returns), oldest first, so the list can print them. */
  readonly creditNotes: readonly { readonly id: string; readonly number: string }[];
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

export interface SaleReturnLine {
  readonly saleLineId: number;
  readonly productId: number;
  readonly code: string;
  readonly name: string;
  readonly quantity: number;
  readonly unitPrice: number;
  readonly taxRate: number;
  readonly base: number;
  readonly tax: number;
  readonly fixedTax: number;
  readonly total: number;
}

export interface SaleReturn {
  readonly id: string;
  readonly saleId: string;
  readonly saleNumber: string;
  readonly number: string;
  readonly documentType: DocumentType;
  readonly reason: string;
  readonly refundMethod: PaymentMethod;
  readonly lines: readonly SaleReturnLine[];
  readonly taxableBase: number;
  readonly exempt: number;
  readonly unaffected: number;
  readonly tax: number;
  readonly fixedTax: number;
  readonly total: number;
  /** The part that cancelled what a credit sale still owed. */
  readonly balanceReduced: number;
  /** The part paid back to the customer (total − balanceReduced + cashRounding). */
  readonly refunded: number;
  /** A cash refund rounded up to the coin: what the customer got over the document's share. */
  readonly cashRounding: number;
  readonly createdAt: string;
  readonly user: { readonly id: number; readonly name: string };
}
