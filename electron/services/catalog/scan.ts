import { eq, or } from 'drizzle-orm';
import { selectRows } from '../sql';
import { DomainError } from '../../../core/errors';
import type { ScanResult } from '../../../core/api/model';
import {
  decodeScaleBarcode,
  gtinCheckDigit,
  gtinKindOf,
  isScaleCandidate,
  labelPriceInMinor,
  MAX_SCAN_QUANTITY,
  parseScanInput,
  type ScaleReading,
} from '../../../core/barcode';
import { currency as currencyOf } from '../../../core/money/currency';
import { roundRatio } from '../../../core/money/rounding';
import { products } from '../../../db/schema';
import type { ServiceContext } from '../context';
import type { Store } from '../store';
import { toProducts, type ProductRow, toApiQuantity } from './product-rows';

/**
 * What the till understands a scan to be, in order: the "N*" multiplier, an
 * exact barcode, an exact product code, the same UPC-A with or without its
 * leading 0, then a scale label. Misreads are told
 * apart from unknown codes: a GTIN with a bad check digit says so.
 */
export interface ResolvedScan {
  readonly row: ProductRow;
  /** Thousandths. */
  readonly quantity: number;
  readonly fixedAmount: number | null;
  readonly source: ScanResult['source'];
}

function byBarcode(ctx: ServiceContext, code: string): ProductRow | undefined {
  return selectRows(
    ctx,
    products,
    'id = (SELECT product_id FROM product_barcodes WHERE barcode = ?)',
  ).get(code);
}

/**
 * The other spelling of a UPC-A code: scanners send it as 12 digits or as the
 * EAN-13 with a leading 0, whichever way the product was registered.
 */
function upcTwin(code: string): string | undefined {
  if (/^0\d{12}$/.test(code)) return code.slice(1);
  if (/^\d{12}$/.test(code)) return `0${code}`;
  return undefined;
}

function byCode(ctx: ServiceContext, code: string): ProductRow | undefined {
  return selectRows(ctx, products, 'code = ?').get(code);
}

/** The product a scale label's P digits point at: its code or barcode, with or without leading zeros. */
function byScaleCode(ctx: ServiceContext, digits: string): ProductRow | undefined {
  const bare = digits.replace(/^0+(?=\d)/, '');
  return (
    ctx.db.orm
      .select()
      .from(products)
      .where(or(eq(products.code, digits), eq(products.code, bare)))
      .get() ?? byBarcode(ctx, digits)
  );
}

function mustBeActive(row: ProductRow, scanned: string): ProductRow {
  if (!row.active) {
    throw new DomainError('INVALID_STATE', `Product ${row.code} is inactive`, {
      reason: 'PRODUCT_INACTIVE',
      code: scanned,
    });
  }
  return row;
}

function scaleLine(
  ctx: ServiceContext,
  store: Store,
  reading: ScaleReading,
  multiplier: number,
  scanned: string,
): ResolvedScan {
  const row = byScaleCode(ctx, reading.productCode);
  if (!row) {
    throw new DomainError('NOT_FOUND', `No product has scale code ${reading.productCode}`, {
      reason: 'UNKNOWN_SCALE_PRODUCT',
      code: scanned,
      productCode: reading.productCode,
    });
  }
  mustBeActive(row, scanned);
  if (reading.kind === 'weight') {
    // A label printed with an empty pan (or multiplied down to nothing) must not become a 0 kg line.
    const quantity = perThousand(reading.grams, multiplier);
    if (quantity <= 0 || quantity > MAX_SCAN_QUANTITY) {
      throw new DomainError(
        'QUANTITY_OUT_OF_RANGE',
        `The scale label ${scanned} carries ${reading.grams} g: weigh again`,
        { code: scanned, grams: reading.grams, min: 0.001, max: MAX_SCAN_QUANTITY / 1000 },
      );
    }
    return { row, quantity, fixedAmount: null, source: 'scale-weight' };
  }
  const labelAmount = labelPriceInMinor(
    reading.price,
    reading.priceDecimals,
    currencyOf(store.settings.currency).minorDigits,
  );
  // A weighed product's price label also says how much it weighs, at its price per kg.
  const weight =
    row.soldBy === 'weight' && row.price > 0
      ? roundRatio(BigInt(labelAmount) * 1000n, BigInt(row.price), 'HALF_UP')
      : 1000;
  return {
    row,
    quantity: Math.max(1, perThousand(weight, multiplier)),
    fixedAmount: perThousand(labelAmount, multiplier),
    source: 'scale-price',
  };
}

/** value × thousandths / 1000, rounded half up, exactly: the "N*" multiplier applied. */
function perThousand(value: number, thousandths: number): number {
  return roundRatio(BigInt(value) * BigInt(thousandths), 1000n, 'HALF_UP');
}

export function resolveScan(ctx: ServiceContext, store: Store, scanned: string): ResolvedScan {
  const { quantity, code } = parseScanInput(scanned);
  const direct = byBarcode(ctx, code);
  if (direct)
    return { row: mustBeActive(direct, scanned), quantity, fixedAmount: null, source: 'barcode' };
  const coded = byCode(ctx, code);
  if (coded)
    return { row: mustBeActive(coded, scanned), quantity, fixedAmount: null, source: 'code' };
  const twin = upcTwin(code);
  const twinned = twin === undefined ? undefined : byBarcode(ctx, twin);
  if (twinned)
    return { row: mustBeActive(twinned, scanned), quantity, fixedAmount: null, source: 'barcode' };
  if (isScaleCandidate(code) && store.layouts.length > 0) {
    return scaleLine(ctx, store, decodeScaleBarcode(code, store.layouts), quantity, scanned);
  }
  const kind = gtinKindOf(code);
  if (kind && String(gtinCheckDigit(code.slice(0, -1))) !== code.at(-1)) {
    throw new DomainError(
      'BAD_CHECK_DIGIT',
      `Bad check digit in ${code}: probably a misread, scan again`,
      {
        code,
        kind,
        expected: gtinCheckDigit(code.slice(0, -1)),
      },
    );
  }
  // A scale-range code with no layout to read it: the till says where layouts are set up.
  const scaleLabel = isScaleCandidate(code) && store.layouts.length === 0;
  throw new DomainError('NOT_FOUND', `No product has the code ${code}`, {
    reason: scaleLabel ? 'UNKNOWN_SCALE_LABEL' : 'UNKNOWN_BARCODE',
    code,
  });
}

export function scanToResult(ctx: ServiceContext, store: Store, scanned: string): ScanResult {
  const resolved = resolveScan(ctx, store, scanned);
  return {
    product: toProducts(ctx, [resolved.row])[0]!,
    quantity: toApiQuantity(resolved.quantity),
    fixedAmount: resolved.fixedAmount,
    source: resolved.source,
    scanned,
  };
}
