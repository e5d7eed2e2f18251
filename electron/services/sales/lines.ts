import { DomainError } from '../../../core/errors';
import type { Actor } from '../../../core/api/model';
import { roundRatio } from '../../../core/money/rounding';
import type { TaxLineInput } from '../../../core/tax/types';
import { hasRole } from '../access';
import type { ServiceContext } from '../context';
import { productRowById, type ProductRow } from '../catalog/product-rows';
import { resolveScan } from '../catalog/scan';
import type { Store } from '../store';

export interface LineRequest {
  readonly productId?: number;
  readonly barcode?: string;
  /** Thousandths (already converted at the API boundary). */
  readonly quantity?: number;
  readonly unitPrice?: number;
  readonly discount?: number;
}

/** A line ready for the tax engine, with the product snapshot the sale keeps. */
export interface PricedLine {
  readonly productId: number;
  readonly code: string;
  readonly name: string;
  readonly soldBy: string;
  readonly categoryId: number | null;
  readonly trackStock: boolean;
  readonly allowNegative: boolean;
  readonly quantity: number;
  readonly unitPrice: number;
  readonly priceOverridden: boolean;
  readonly unitCost: number;
  readonly taxCategory: string;
  readonly discount: number;
  readonly fixedAmount?: number;
}

function lineError(index: number, field: string, reason: string, message: string): never {
  throw new DomainError('VALIDATION', `Line ${index + 1}: ${message}`, {
    reason,
    path: ['lines', index, field],
  });
}

/** Whether the acting user (or who authorized them) may set a price other than the product's. */
export function mayOverridePrice(actor: Actor, authorizer: Actor | null, store: Store): boolean {
  return (
    hasRole(actor, 'supervisor') ||
    store.settings.cashierPriceOverride ||
    (authorizer !== null && hasRole(authorizer, 'supervisor'))
  );
}

export function snapshotLine(
  row: ProductRow,
  quantity: number,
  request: LineRequest,
  index: number,
  fixedAmount?: number,
): PricedLine {
  if (row.soldBy === 'unit' && quantity % 1000 !== 0) {
    lineError(
      index,
      'quantity',
      'FRACTIONAL_UNITS',
      `${row.name} is sold by the unit; use a whole quantity`,
    );
  }
  const unitPrice = request.unitPrice ?? row.price;
  return {
    productId: row.id,
    code: row.code,
    name: row.name,
    soldBy: row.soldBy,
    categoryId: row.categoryId,
    trackStock: row.trackStock,
    allowNegative: row.allowNegative,
    quantity,
    unitPrice,
    priceOverridden: request.unitPrice !== undefined && request.unitPrice !== row.price,
    unitCost: row.cost,
    taxCategory: row.taxCategory,
    discount: request.discount ?? 0,
    ...(fixedAmount === undefined ? {} : { fixedAmount }),
  };
}

/** Resolves a requested line: by product id, or by whatever the scanner read. */
export function priceLine(
  ctx: ServiceContext,
  store: Store,
  request: LineRequest,
  index: number,
): PricedLine {
  if (request.productId !== undefined) {
    const row = productRowById(ctx, request.productId);
    if (!row.active) lineError(index, 'productId', 'PRODUCT_INACTIVE', `${row.name} is inactive`);
    return snapshotLine(row, request.quantity ?? 1000, request, index);
  }
  let scan;
  try {
    scan = resolveScan(ctx, store, request.barcode ?? '');
  } catch (error) {
    if (error instanceof DomainError) {
      throw new DomainError(error.code, `Line ${index + 1}: ${error.message}`, {
        ...error.details,
        path: ['lines', index, 'barcode'],
      });
    }
    throw error;
  }
  const labelled =
    scan.source === 'scale-weight' ||
    scan.source === 'scale-price' ||
    request.barcode?.includes('*');
  if (labelled && request.quantity !== undefined) {
    lineError(index, 'quantity', 'QUANTITY_TWICE', 'the scan already carries the quantity');
  }
  if (scan.fixedAmount !== null && request.unitPrice !== undefined) {
    lineError(index, 'unitPrice', 'PRICE_ON_LABEL', 'the scale label already fixes the price');
  }
  return snapshotLine(
    scan.row,
    request.quantity ?? scan.quantity,
    request,
    index,
    scan.fixedAmount ?? undefined,
  );
}

export function toTaxLine(line: PricedLine): TaxLineInput {
  return {
    quantity: line.quantity,
    unitPrice: line.unitPrice,
    taxCategory: line.taxCategory,
    discount: line.discount,
    ...(line.fixedAmount === undefined ? {} : { fixedAmount: line.fixedAmount }),
  };
}

/** Thousandths wanted per stock-tracked product, summed over the lines. */
/** What a line cost the shop: quantity (thousandths) × unit cost, rounded half up. */
export function lineCost(line: Pick<PricedLine, 'quantity' | 'unitCost'>): number {
  return roundRatio(BigInt(line.quantity) * BigInt(line.unitCost), 1000n, 'HALF_UP');
}

export function stockNeeds(lines: readonly PricedLine[]): Map<number, number> {
  const needs = new Map<number, number>();
  for (const line of lines) {
    if (line.trackStock)
      needs.set(line.productId, (needs.get(line.productId) ?? 0) + line.quantity);
  }
  return needs;
}
