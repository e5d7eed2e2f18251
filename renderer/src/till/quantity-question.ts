/**
 * Whether a quantity about to land on the cart needs the cashier's
 * confirmation (core's rules in quantity-check), asked once as the product's
 * total in the sale crosses a line, not again on every later scan.
 */
import type { ScanResult, SoldBy } from '../../../core/api/model';
import { quantityConcerns, type StockView } from '../../../core/quantity-check';
import { productQuantity, type CartLine } from './cart-lines';

export interface QuantityQuestion {
  readonly name: string;
  readonly soldBy: SoldBy;
  /** Thousandths being added (a scan) or set (F8). */
  readonly quantity: number;
  /** Thousandths of the product the sale would then hold. */
  readonly total: number;
  readonly concerns: ReturnType<typeof quantityConcerns>;
}

/** The question for a product going from `before` to `after` thousandths in the sale, or null. */
export function questionFor(
  product: { name: string } & StockView,
  quantity: number,
  before: number,
  after: number,
): QuantityQuestion | null {
  const already = new Set(quantityConcerns(before, product).map((c) => c.kind));
  const concerns = quantityConcerns(after, product).filter((c) => !already.has(c.kind));
  if (concerns.length === 0) return null;
  return { name: product.name, soldBy: product.soldBy, quantity, total: after, concerns };
}

/** The question a scan raises against the cart as it stands. */
export function questionForScan(
  lines: readonly CartLine[],
  scan: ScanResult,
): QuantityQuestion | null {
  const { product } = scan;
  const quantity = Math.round(scan.quantity * 1000);
  const before = productQuantity(lines, product.id);
  const view = {
    name: product.name,
    soldBy: product.soldBy,
    trackStock: product.trackStock,
    stock: Math.round(product.stock * 1000),
  };
  return questionFor(view, quantity, before, before + quantity);
}
