/**
 * What the API returns. Amounts are integers in minor units; quantities are
 * numbers with at most 3 decimals (1.25 kg), exactly as inputs take them;
 * instants are ISO strings in UTC; days are YYYY-MM-DD in the store's zone.
 */
import type { DocumentType } from '../numbering';
import type { CountryCode } from '../profiles/types';
import type { FixedTaxAmount, RateTotal, RoundingMethod, TaxBasis, TaxKind } from '../tax/types';
import type { RoundingMode } from '../money/rounding';

export const ROLES = ['admin', 'supervisor', 'cashier'] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  readonly id: number;
  readonly name: string;
  readonly role: Role;
}

export interface User extends Actor {
  readonly active: boolean;
  readonly createdAt: string;
}

export interface ScaleLayoutSetting {
  readonly pattern: string;
  readonly priceDecimals: number;
}

export const NEGATIVE_STOCK_POLICIES = ['block', 'allow', 'per_product'] as const;
export type NegativeStockPolicy = (typeof NEGATIVE_STOCK_POLICIES)[number];
export const RECEIPT_FORMATS = ['80mm', '58mm', 'A4'] as const;
export type ReceiptFormat = (typeof RECEIPT_FORMATS)[number];
export const LANGUAGES = ['es', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface Settings {
  readonly country: CountryCode;
  readonly businessName: string;
  readonly taxId: string;
  readonly address: string;
  readonly phone: string;
  readonly currency: string;
  readonly secondaryCurrency: string | null;
  readonly exchangeRate: string | null;
  readonly igtfEnabled: boolean;
  readonly locale: string;
  readonly language: Language;
  readonly timeZone: string;
  readonly pricesIncludeTax: boolean;
  readonly roundingMethod: RoundingMethod;
  readonly roundingMode: RoundingMode;
  readonly taxBasis: TaxBasis;
  readonly negativeStock: NegativeStockPolicy;
  readonly scaleLayouts: readonly ScaleLayoutSetting[];
  readonly defaultDocumentType: DocumentType;
  readonly cashierPriceOverride: boolean;
  readonly receiptFooter: string;
  readonly receiptFormat: ReceiptFormat;
  readonly printerName: string;
  readonly printerHost: string;
  readonly printerPort: number;
  readonly autoPrint: boolean;
  readonly openDrawerOnCash: boolean;
  readonly register: { readonly id: number; readonly code: string; readonly name: string };
}

export interface SeriesInfo {
  readonly documentType: DocumentType;
  readonly series: string;
  /** The last number used; 0 when unused. */
  readonly last: number;
}

export interface Register {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly number: number;
  readonly series: readonly SeriesInfo[];
}

export interface TaxCategoryInfo {
  readonly code: string;
  readonly name: string;
  readonly kind: TaxKind;
  readonly rate: number;
  readonly fixedTaxes: readonly { code: string; name: string; amountPerUnit: number }[];
  readonly active: boolean;
}

export interface Category {
  readonly id: number;
  readonly name: string;
  readonly active: boolean;
  readonly productCount: number;
}

export type SoldBy = 'unit' | 'weight';

export interface Product {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly categoryId: number | null;
  readonly categoryName: string | null;
  readonly soldBy: SoldBy;
  readonly price: number;
  readonly cost: number;
  readonly taxCategory: string;
  readonly trackStock: boolean;
  readonly allowNegative: boolean;
  readonly stock: number;
  readonly minStock: number;
  readonly active: boolean;
  readonly barcodes: readonly string[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface ProductHit {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly price: number;
  readonly stock: number;
  readonly soldBy: SoldBy;
  readonly trackStock: boolean;
  readonly active: boolean;
}

/** What a scan resolved to, ready to become a cart line. */
export interface ScanResult {
  readonly product: Product;
  readonly quantity: number;
  /** Set when a scale label fixed the line's amount (embedded price). */
  readonly fixedAmount: number | null;
  readonly source: 'barcode' | 'code' | 'scale-weight' | 'scale-price';
  readonly scanned: string;
}

export interface ImportIssue {
  /** 1-based line of the CSV file (the header is line 1). */
  readonly line: number;
  readonly field: string | null;
  readonly reason: string;
  readonly message: string;
}

export interface ImportReport {
  readonly dryRun: boolean;
  readonly rows: number;
  readonly created: number;
  readonly updated: number;
  readonly skipped: number;
  readonly errors: readonly ImportIssue[];
}

export interface Customer {
  readonly id: number;
  readonly documentType: string | null;
  readonly documentNumber: string | null;
  readonly name: string;
  readonly phone: string;
  readonly email: string;
  readonly address: string;
  readonly createdAt: string;
}

export const CASH_IN_TYPES = ['domicilio', 'servicio', 'mano_obra', 'otro'] as const;
export const CASH_OUT_TYPES = ['retiro', 'gasto', 'otro'] as const;
export const CASH_MOVEMENT_TYPES = [
  'domicilio',
  'servicio',
  'mano_obra',
  'otro',
  'retiro',
  'gasto',
] as const;
export type CashMovementType = (typeof CASH_MOVEMENT_TYPES)[number];

export interface CashMovement {
  readonly id: string;
  readonly sessionId: string;
  readonly direction: 'IN' | 'OUT';
  readonly type: CashMovementType;
  readonly amount: number;
  readonly description: string;
  readonly user: { readonly id: number; readonly name: string };
  readonly createdAt: string;
}

export type SessionStatus = 'ABIERTA' | 'CERRADA';

export interface CashSession {
  readonly id: string;
  readonly registerId: number;
  readonly registerCode: string;
  readonly status: SessionStatus;
  readonly openingFloat: number;
  readonly openedBy: { readonly id: number; readonly name: string };
  readonly openedAt: string;
  readonly closedBy: { readonly id: number; readonly name: string } | null;
  readonly closedAt: string | null;
  readonly expectedCash: number | null;
  readonly countedCash: number | null;
  readonly difference: number | null;
  readonly denominations: readonly { value: number; count: number }[] | null;
  readonly notes: string;
}

export interface MethodTotal {
  readonly method: PaymentMethod;
  readonly currency: string;
  readonly count: number;
  readonly amount: number;
}

export interface TypeTotal {
  readonly type: CashMovementType;
  readonly count: number;
  readonly amount: number;
}

/** The X (open session) or Z (closed) report: derived from the ledger, never typed in. */
export interface CashReport {
  readonly kind: 'X' | 'Z';
  readonly session: CashSession;
  readonly currency: string;
  readonly generatedAt: string;
  readonly sales: { readonly count: number; readonly total: number };
  readonly byMethod: readonly MethodTotal[];
  readonly taxes: readonly RateTotal[];
  readonly exempt: number;
  readonly unaffected: number;
  readonly fixedTax: number;
  readonly igtf: number;
  readonly discounts: number;
  readonly voids: { readonly count: number; readonly total: number };
  readonly returns: { readonly count: number; readonly total: number; readonly cash: number };
  readonly movementsIn: readonly TypeTotal[];
  readonly movementsOut: readonly TypeTotal[];
  readonly cash: {
    readonly float: number;
    readonly received: number;
    readonly change: number;
    readonly in: number;
    readonly out: number;
    readonly refunds: number;
    readonly expected: number;
    readonly counted: number | null;
    readonly difference: number | null;
  };
}

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

export interface Sale {
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
  readonly gross: number;
  readonly lineDiscount: number;
  readonly orderDiscount: number;
  readonly discount: number;
  readonly taxed: readonly RateTotal[];
  readonly taxableBase: number;
  readonly exempt: number;
  readonly unaffected: number;
  readonly tax: number;
  readonly fixedTaxes: readonly FixedTaxAmount[];
  readonly fixedTax: number;
  readonly total: number;
  readonly igtf: number;
  /** total + igtf: what the customer owes. */
  readonly due: number;
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
  /** The part paid back to the customer (total − balanceReduced). */
  readonly refunded: number;
  readonly createdAt: string;
  readonly user: { readonly id: number; readonly name: string };
}

export const STOCK_MOVEMENT_KINDS = [
  'INITIAL',
  'SALE',
  'EDIT',
  'VOID',
  'DELETE',
  'RETURN',
  'ADJUST',
  'IMPORT',
] as const;
export type StockMovementKind = (typeof STOCK_MOVEMENT_KINDS)[number];

export interface StockMovement {
  readonly id: number;
  readonly productId: number;
  readonly quantity: number;
  readonly kind: StockMovementKind;
  readonly reason: string;
  readonly saleId: string | null;
  readonly userId: number | null;
  readonly userName: string | null;
  readonly balanceAfter: number;
  readonly createdAt: string;
}

export interface LowStockItem {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly stock: number;
  readonly minStock: number;
}

export interface NamedTotal {
  readonly id: number | null;
  readonly name: string;
  /** Sales for a cashier; sale lines for a category. */
  readonly count: number;
  readonly total: number;
}

export interface ProductTotal {
  readonly productId: number;
  readonly code: string;
  readonly name: string;
  readonly quantity: number;
  readonly total: number;
  readonly profit: number;
}

export interface DayTotal {
  readonly date: string;
  readonly count: number;
  readonly total: number;
}

export interface HourTotal {
  readonly hour: number;
  readonly count: number;
  readonly total: number;
}

/** reports.summary: a date range at a glance; voided sales are counted apart. */
export interface Summary {
  readonly from: string;
  readonly to: string;
  readonly currency: string;
  readonly sales: {
    readonly count: number;
    readonly gross: number;
    readonly discounts: number;
    readonly base: number;
    readonly exempt: number;
    readonly unaffected: number;
    readonly tax: number;
    readonly fixedTax: number;
    readonly igtf: number;
    readonly total: number;
    readonly averageTicket: number;
  };
  readonly taxes: readonly RateTotal[];
  readonly voids: { readonly count: number; readonly total: number };
  readonly returns: { readonly count: number; readonly total: number };
  readonly byMethod: readonly MethodTotal[];
  readonly byCashier: readonly NamedTotal[];
  readonly byCategory: readonly NamedTotal[];
  readonly topProducts: readonly ProductTotal[];
  readonly profit: { readonly revenue: number; readonly cost: number; readonly profit: number };
  readonly extraIncome: readonly TypeTotal[];
  readonly expenses: readonly TypeTotal[];
  readonly perDay: readonly DayTotal[];
  readonly perHour: readonly HourTotal[];
}

export interface AuditEntry {
  readonly id: number;
  readonly at: string;
  readonly userId: number | null;
  readonly userName: string;
  readonly action: string;
  readonly outcome: 'ok' | 'denied';
  readonly entity: string;
  readonly entityId: string;
  readonly reason: string;
  readonly before: unknown;
  readonly after: unknown;
}
