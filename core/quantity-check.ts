/**
 * When a quantity at the till deserves a second look before it lands on the
 * line. Quantities are thousandths, as everywhere in core.
 *
 * - Over the sane limit for its unit: more than 999 units of one product, or
 *   more than 100 kg of a weighed one, in one sale. A corner shop never sells
 *   that much over the counter; a typo (750 for 0,750) always does.
 * - Far above the stock: more than three times the stock on hand and at least
 *   10 units (or kg) over it, for products whose stock is tracked. A little
 *   short is common (stock counts lag); that much short is a typo or a
 *   mis-keyed product.
 *
 * Either asks the cashier to confirm; neither refuses: the sale's own rules
 * (stock, negative stock policy) still apply when it is stored.
 */
import type { SoldBy } from './api/model';

/** Thousandths: 999 units; 100 kg. */
export const QUANTITY_LIMITS: Readonly<Record<SoldBy, number>> = {
  unit: 999_000,
  weight: 100_000,
};

export const FAR_ABOVE_STOCK_FACTOR = 3;
/** Thousandths: 10 units or 10 kg. */
export const FAR_ABOVE_STOCK_MARGIN = 10_000;

export interface StockView {
  readonly soldBy: SoldBy;
  readonly trackStock: boolean;
  /** Thousandths on hand when the product was read. */
  readonly stock: number;
}

export type QuantityConcern =
  | { readonly kind: 'over-limit'; readonly limit: number }
  | { readonly kind: 'far-above-stock'; readonly stock: number };

/** Why `quantity` (the product's total in the sale) needs confirming; empty when it does not. */
export function quantityConcerns(quantity: number, product: StockView): QuantityConcern[] {
  const concerns: QuantityConcern[] = [];
  const limit = QUANTITY_LIMITS[product.soldBy];
  if (quantity > limit) concerns.push({ kind: 'over-limit', limit });
  if (
    product.trackStock &&
    quantity > FAR_ABOVE_STOCK_FACTOR * Math.max(product.stock, 0) &&
    quantity - product.stock >= FAR_ABOVE_STOCK_MARGIN
  ) {
    concerns.push({ kind: 'far-above-stock', stock: product.stock });
  }
  return concerns;
}

/** Thousandths missing to sell `quantity` from tracked stock; 0 when there is enough. */
export function stockShortage(quantity: number, product: StockView): number {
  if (!product.trackStock) return 0;
  return Math.max(0, quantity - product.stock);
}
