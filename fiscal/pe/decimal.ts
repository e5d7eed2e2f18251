/**
 * Integer amounts to the decimal text UBL carries. Exact: BigInt only, so a
 * float never touches an amount on its way into the XML.
 */
import { currency } from '../../core/money/currency';
import { minorToDecimalString } from '../../core/money/format';

/** 12050 PEN → "120.50". */
export function amountText(amount: number, currencyCode: string): string {
  return minorToDecimalString(amount, currency(currencyCode).minorDigits);
}

function trimZeros(text: string, keep: number): string {
  const dot = text.indexOf('.');
  if (dot < 0) return text;
  let end = text.length;
  while (end > dot + 1 + keep && text[end - 1] === '0') end -= 1;
  return text.slice(0, end === dot + 1 ? dot : end);
}

/** Thousandths → "2", "1.25", "0.75". */
export function quantityText(thousandths: number): string {
  return trimZeros(minorToDecimalString(thousandths, 3), 0);
}

/** Basis points → "18", "10.5". */
export function percentText(basisPoints: number): string {
  return trimZeros(minorToDecimalString(basisPoints, 2), 0);
}

/**
 * numerator / denominator, in minor units of `digits` decimals, rounded half up
 * to `maxDecimals` places (UBL takes up to 10) and never fewer than `digits`.
 */
export function ratioText(
  numerator: bigint,
  denominator: bigint,
  digits: number,
  maxDecimals = 10,
): string {
  if (denominator <= 0n) throw new RangeError('ratioText needs a positive denominator');
  const extra = maxDecimals - digits;
  const scale = 10n ** BigInt(extra);
  const scaled = numerator * scale;
  const negative = scaled < 0n;
  const magnitude = negative ? -scaled : scaled;
  const rounded = (magnitude * 2n + denominator) / (denominator * 2n);
  const text = minorToDecimalString(negative ? -rounded : rounded, maxDecimals);
  return trimZeros(text, digits);
}
