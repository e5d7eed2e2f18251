import { DomainError } from './errors';
import { roundRatio } from './money/rounding';
import { parseTypedQuantity } from './money/typed';

/**
 * Barcodes as a till meets them: GTIN check digits, scale labels that carry a
 * weight or a price, and the "3*code" quantity multiplier typed before a scan.
 */

export type GtinKind = 'EAN13' | 'EAN8' | 'UPCA';

const GTIN_LENGTHS: Readonly<Record<number, GtinKind>> = { 13: 'EAN13', 12: 'UPCA', 8: 'EAN8' };

/** The GTIN family a string of digits would belong to, by its length. */
export function gtinKindOf(code: string): GtinKind | undefined {
  return /^\d+$/.test(code) ? GTIN_LENGTHS[code.length] : undefined;
}

/**
 * The mod-10 check digit of a GTIN body (all digits but the last). Weights
 * alternate 3 and 1 starting from the rightmost body digit, which is why one
 * function serves EAN-13, EAN-8 and UPC-A.
 */
export function gtinCheckDigit(body: string): number {
  if (!/^\d+$/.test(body)) {
    throw new DomainError('BAD_BARCODE', `"${body}" is not made of digits`, {
      reason: 'NOT_DIGITS',
    });
  }
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += i % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (sum % 10)) % 10;
}

export function isValidGtin(code: string): boolean {
  return (
    gtinKindOf(code) !== undefined && gtinCheckDigit(code.slice(0, -1)) === Number(code.at(-1))
  );
}

/** Throws BAD_CHECK_DIGIT (with the expected digit) when a GTIN does not check. */
export function assertValidGtin(code: string): GtinKind {
  const kind = gtinKindOf(code);
  if (!kind) {
    throw new DomainError('BAD_BARCODE', `"${code}" is not an EAN-13, EAN-8 or UPC-A code`, {
      reason: 'NOT_A_GTIN',
      code,
    });
  }
  const expected = gtinCheckDigit(code.slice(0, -1));
  if (expected !== Number(code.at(-1))) {
    throw new DomainError(
      'BAD_CHECK_DIGIT',
      `Bad check digit in ${kind} ${code}: expected ${expected}`,
      {
        code,
        kind,
        expected,
        found: Number(code.at(-1)),
      },
    );
  }
  return kind;
}

// ---------------------------------------------------------------------------
// Scale barcodes

/**
 * A store's scale label layout, written position by position (spaces ignored):
 * leading digits are the literal prefix, P the product code, W the weight in
 * grams or $ the price, X a digit to ignore, and C the check digit. 13
 * positions describe an EAN-13 label (`20 PPPPP WWWWW C`: prefix 20, product
 * 5 digits, weight 5 digits); 12 describe a UPC-A one (`2 PPPPP $$$$$ C`).
 */
export interface ScaleLayout {
  readonly pattern: string;
  readonly prefix: string;
  /** 13 for EAN-13 labels, 12 for UPC-A. */
  readonly length: 12 | 13;
  readonly product: { readonly start: number; readonly length: number };
  readonly value: {
    readonly kind: 'weight' | 'price';
    readonly start: number;
    readonly length: number;
  };
  /** Decimals in an embedded price: 2 means "01290" is 12.90. */
  readonly priceDecimals: number;
}

function invalidLayout(pattern: string, problem: string): never {
  throw new DomainError('VALIDATION', `Scale layout "${pattern}" ${problem}`, {
    reason: 'INVALID_LAYOUT',
    pattern,
  });
}

function singleRun(positions: string, letter: string, pattern: string) {
  const start = positions.indexOf(letter);
  const end = positions.lastIndexOf(letter);
  if (start < 0) return undefined;
  if (positions.slice(start, end + 1) !== letter.repeat(end - start + 1)) {
    invalidLayout(pattern, `must keep its ${letter} positions together`);
  }
  return { start, length: end - start + 1 };
}

export function parseScaleLayout(pattern: string, priceDecimals = 2): ScaleLayout {
  const positions = pattern.replace(/\s+/g, '').toUpperCase();
  if (positions.length !== 13 && positions.length !== 12) {
    invalidLayout(pattern, `has ${positions.length} positions; EAN-13 labels have 13 and UPC-A 12`);
  }
  if (/[^0-9PW$XC]/.test(positions))
    invalidLayout(pattern, 'may only use digits and P, W, $, X, C');
  if (positions.indexOf('C') !== positions.length - 1)
    invalidLayout(pattern, 'must end with one C');
  const prefix = /^\d+/.exec(positions)?.[0] ?? '';
  if (!prefix.startsWith('2'))
    invalidLayout(pattern, 'must start with the scale prefix 2 (EAN-13: 20 to 29)');
  if (/\d/.test(positions.slice(prefix.length)))
    invalidLayout(pattern, 'may only have digits at the start');
  const product = singleRun(positions, 'P', pattern);
  if (!product) invalidLayout(pattern, 'needs P positions for the product code');
  const weight = singleRun(positions, 'W', pattern);
  const price = singleRun(positions, '$', pattern);
  if ((weight && price) || (!weight && !price))
    invalidLayout(pattern, 'needs either W (weight) or $ (price)');
  if (!Number.isInteger(priceDecimals) || priceDecimals < 0 || priceDecimals > 3) {
    invalidLayout(pattern, 'has a price with an impossible number of decimals');
  }
  const value = weight
    ? { kind: 'weight' as const, ...weight }
    : { kind: 'price' as const, ...price! };
  const length = positions.length === 12 ? 12 : 13;
  return { pattern, prefix, length, product, value, priceDecimals };
}

/** Could this be a scale label? EAN-13 in the restricted range 20–29, or UPC-A number system 2. */
export function isScaleCandidate(code: string): boolean {
  return /^2\d{11,12}$/.test(code) || /^02\d{11}$/.test(code);
}

export type ScaleReading =
  | { readonly kind: 'weight'; readonly productCode: string; readonly grams: number }
  | {
      readonly kind: 'price';
      readonly productCode: string;
      readonly price: number;
      readonly priceDecimals: number;
    };

/**
 * Reads a scale label with the first layout whose prefix it carries.
 * Throws BAD_CHECK_DIGIT for a misread label and UNKNOWN_LAYOUT when no
 * configured layout claims its prefix.
 */
export function decodeScaleBarcode(code: string, layouts: readonly ScaleLayout[]): ScaleReading {
  if (!isScaleCandidate(code)) {
    throw new DomainError(
      'BAD_BARCODE',
      `"${code}" is not a scale label (EAN-13 from 20, or UPC-A from 2)`,
      {
        reason: 'NOT_A_SCALE_LABEL',
        code,
      },
    );
  }
  assertValidGtin(code);
  // Scanners often send a UPC-A label as EAN-13 with a leading 0.
  const label = code.length === 13 && code.startsWith('0') ? code.slice(1) : code;
  const layout = layouts.find((l) => l.length === label.length && label.startsWith(l.prefix));
  if (!layout) {
    throw new DomainError('UNKNOWN_LAYOUT', `No scale layout is configured for label ${label}`, {
      code,
      prefix: label.slice(0, label.length === 13 ? 2 : 1),
    });
  }
  const productCode = label.slice(
    layout.product.start,
    layout.product.start + layout.product.length,
  );
  const value = Number(label.slice(layout.value.start, layout.value.start + layout.value.length));
  return layout.value.kind === 'weight'
    ? { kind: 'weight', productCode, grams: value }
    : { kind: 'price', productCode, price: value, priceDecimals: layout.priceDecimals };
}

/**
 * A label's embedded price in the store currency's minor units: the label
 * keeps its own decimals (`priceDecimals`), the currency may have more or
 * fewer. Fewer rounds HALF_UP, exactly.
 */
export function labelPriceInMinor(
  price: number,
  priceDecimals: number,
  minorDigits: number,
): number {
  const shift = minorDigits - priceDecimals;
  return shift >= 0
    ? price * 10 ** shift
    : roundRatio(BigInt(price), 10n ** BigInt(-shift), 'HALF_UP', 'label price');
}

// ---------------------------------------------------------------------------
// The "N*code" multiplier

export interface ScanInput {
  /** Thousandths; 1000 when no multiplier was typed. */
  readonly quantity: number;
  readonly code: string;
  readonly multiplied: boolean;
}

/** The largest multiplier a till accepts: 99,999 units (a typo guard, not a business rule). */
export const MAX_SCAN_QUANTITY = 99_999_000;

/**
 * Splits what the scan field received: "3*7501234567890" is 3 units of that code,
 * "1,25*PAN01" 1.25 of PAN01; a bare code is one unit.
 */
export function parseScanInput(raw: string, maxQuantity = MAX_SCAN_QUANTITY): ScanInput {
  const text = raw.trim();
  const star = text.indexOf('*');
  if (star < 0) {
    if (text === '')
      throw new DomainError('BAD_BARCODE', 'Nothing was scanned', { reason: 'EMPTY_CODE' });
    return { quantity: 1000, code: text, multiplied: false };
  }
  const quantityText = text.slice(0, star).trim();
  const code = text.slice(star + 1).trim();
  if (code === '' || code.includes('*')) {
    throw new DomainError('BAD_BARCODE', `"${raw}" needs one code after "*"`, {
      reason: 'EMPTY_CODE',
      input: raw,
    });
  }
  // The same typed-number rules as every quantity field: "0,750*X" and "0.750*X" are 0.75.
  let quantity: number;
  try {
    quantity = parseTypedQuantity(quantityText, 'es-PE');
  } catch (error) {
    const reason = error instanceof DomainError ? error.details?.reason : undefined;
    if (reason !== 'TOO_MANY_DECIMALS' && reason !== 'OUT_OF_RANGE') {
      throw new DomainError('BAD_BARCODE', `"${quantityText}" before "*" is not a quantity`, {
        reason: 'INVALID_QUANTITY',
        input: raw,
      });
    }
    quantity = Number.POSITIVE_INFINITY;
  }
  if (quantity <= 0 || quantity > maxQuantity) {
    throw new DomainError(
      'QUANTITY_OUT_OF_RANGE',
      `Quantity ${quantityText} is out of range: use more than 0, at most ${maxQuantity / 1000}, and up to 3 decimals`,
      { input: raw, min: 0.001, max: maxQuantity / 1000 },
    );
  }
  return { quantity, code, multiplied: true };
}
