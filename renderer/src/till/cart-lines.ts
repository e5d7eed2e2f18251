/**
 * The cart's lines as pure data and pure changes: the till screen sends
 * intents, these functions decide what the cart becomes. Quantities are
 * integer thousandths, as in core; the API gets decimals at the boundary.
 */
import type { ScanResult, SoldBy } from '../../../core/api/model';
import type { StockView } from '../../../core/quantity-check';
import type { TaxLineInput } from '../../../core/tax/types';

export interface CartLine {
  /** Stable key for React and for editing; not sent to the API. */
  readonly key: string;
  readonly productId: number;
  readonly code: string;
  readonly name: string;
  readonly soldBy: SoldBy;
  readonly taxCategory: string;
  /** Thousandths. */
  readonly quantity: number;
  /** The product's price when added. */
  readonly listPrice: number;
  /** The price charged: listPrice unless overridden. */
  readonly unitPrice: number;
  readonly discount: number;
  /** A scale label's embedded amount: the line is sold as labelled. */
  readonly fixedAmount: number | null;
  /** What was scanned (a scale label is sent back as scanned so the main process reads it again). */
  readonly barcode: string | null;
  /**
   * The product's stock when it was last read (thousandths) and whether it is
   * tracked, so a shortage shows on the line as it is added. Optional: carts
   * persisted before these existed have neither.
   */
  readonly trackStock?: boolean;
  readonly stock?: number;
}

let counter = 0;
function newKey(): string {
  counter += 1;
  return `${Date.now().toString(36)}-${counter}`;
}

/** Lines that a repeated scan may add to rather than duplicate. */
function mergeable(line: CartLine, scan: ScanResult): boolean {
  return (
    line.productId === scan.product.id &&
    line.fixedAmount === null &&
    scan.fixedAmount === null &&
    scan.source !== 'scale-weight' &&
    line.unitPrice === line.listPrice &&
    line.discount === 0
  );
}

function stockOf(scan: ScanResult): Pick<CartLine, 'trackStock' | 'stock'> {
  return {
    trackStock: scan.product.trackStock,
    stock: Math.round(scan.product.stock * 1000),
  };
}

/** The line a scan would add to: the last one for a scan; for a search pick, any line of the product. */
function mergeTarget(
  lines: readonly CartLine[],
  scan: ScanResult,
  anyLine: boolean,
): CartLine | undefined {
  if (!anyLine) {
    const last = lines.at(-1);
    return last && mergeable(last, scan) ? last : undefined;
  }
  return lines.findLast((l) => mergeable(l, scan));
}

/**
 * A scan adds a line, or adds its quantity to the same product's last line
 * (never to a weighed label, an overridden price or a discounted line). A
 * product picked from the search is deliberate, not a burst of scans: it adds
 * to the product's line wherever it is (`anyLine`).
 */
export function addScan(
  lines: readonly CartLine[],
  scan: ScanResult,
  options: { anyLine?: boolean } = {},
): { lines: CartLine[]; key: string } {
  const quantity = Math.round(scan.quantity * 1000);
  const target = mergeTarget(lines, scan, options.anyLine ?? false);
  if (target) {
    const merged = { ...target, quantity: target.quantity + quantity, ...stockOf(scan) };
    return { lines: lines.map((l) => (l === target ? merged : l)), key: target.key };
  }
  const fromLabel = scan.source === 'scale-weight' || scan.source === 'scale-price';
  const line: CartLine = {
    key: newKey(),
    productId: scan.product.id,
    code: scan.product.code,
    name: scan.product.name,
    soldBy: scan.product.soldBy,
    taxCategory: scan.product.taxCategory,
    quantity,
    listPrice: scan.product.price,
    unitPrice: scan.product.price,
    discount: 0,
    fixedAmount: scan.fixedAmount,
    barcode: fromLabel ? scan.scanned : null,
    ...stockOf(scan),
  };
  return { lines: [...lines, line], key: line.key };
}

/** Thousandths of a product in the cart, over all its lines. */
export function productQuantity(lines: readonly CartLine[], productId: number): number {
  return lines.reduce((sum, l) => (l.productId === productId ? sum + l.quantity : sum), 0);
}

/** The product's stock as the cart last read it, or null when the line predates that. */
export function stockViewOf(
  line: Pick<CartLine, 'soldBy' | 'trackStock' | 'stock'>,
): StockView | null {
  if (line.trackStock === undefined || line.stock === undefined) return null;
  return { soldBy: line.soldBy, trackStock: line.trackStock, stock: line.stock };
}

export function setQuantity(lines: readonly CartLine[], key: string, quantity: number): CartLine[] {
  if (quantity <= 0) return removeLine(lines, key);
  return lines.map((l) => (l.key === key && l.fixedAmount === null ? { ...l, quantity } : l));
}

/** One unit up or down (a gram for weighed goods would be useless; a kilo is too much: 0.1 kg). */
export function stepQuantity(
  lines: readonly CartLine[],
  key: string,
  direction: 1 | -1,
): CartLine[] {
  const line = lines.find((l) => l.key === key);
  if (!line) return [...lines];
  const step = line.soldBy === 'weight' ? 100 : 1000;
  return setQuantity(lines, key, line.quantity + direction * step);
}

export function removeLine(lines: readonly CartLine[], key: string): CartLine[] {
  return lines.filter((l) => l.key !== key);
}

export function updateLine(
  lines: readonly CartLine[],
  key: string,
  changes: Partial<Pick<CartLine, 'quantity' | 'unitPrice' | 'discount'>>,
): CartLine[] {
  return lines.map((l) => (l.key === key ? { ...l, ...changes } : l));
}

/** What the tax engine previews; the main process recomputes when it stores. */
export function toTaxLine(line: CartLine): TaxLineInput {
  return {
    quantity: line.quantity,
    unitPrice: line.unitPrice,
    taxCategory: line.taxCategory,
    discount: line.discount,
    ...(line.fixedAmount === null ? {} : { fixedAmount: line.fixedAmount }),
  };
}

/** A cart line as sales.create takes it: labels go back as scanned, the rest by product id. */
export function toSaleLine(line: CartLine) {
  const base = line.barcode
    ? { barcode: line.barcode }
    : { productId: line.productId, quantity: line.quantity / 1000 };
  return {
    ...base,
    ...(line.unitPrice !== line.listPrice ? { unitPrice: line.unitPrice } : {}),
    ...(line.discount > 0 ? { discount: line.discount } : {}),
  };
}
