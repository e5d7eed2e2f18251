import { currency as currencyOf } from './currency';
import type { Locale } from './locale';

const formatterCache = new Map<string, Intl.NumberFormat>();

function fixedFormatter(locale: string, minDigits: number, maxDigits: number): Intl.NumberFormat {
  const key = `${locale}|${minDigits}|${maxDigits}`;
  let formatter = formatterCache.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      minimumFractionDigits: minDigits,
      maximumFractionDigits: maxDigits,
      useGrouping: true,
    });
    formatterCache.set(key, formatter);
  }
  return formatter;
}

/**
 * 12345 with 2 digits → "123.45"; −5 → "-0.05". Pure string work, so the
 * value reaches Intl as an exact decimal string and never as a float.
 */
export function minorToDecimalString(amount: number | bigint, digits: number): string {
  const value = BigInt(amount);
  const negative = value < 0n;
  const digitsText = (negative ? -value : value).toString().padStart(digits + 1, '0');
  const integerPart = digitsText.slice(0, digitsText.length - digits);
  const fraction = digits > 0 ? `.${digitsText.slice(digitsText.length - digits)}` : '';
  return `${negative ? '-' : ''}${integerPart}${fraction}`;
}

function formatDecimal(decimal: string, locale: string, minDigits: number, maxDigits: number) {
  // Intl accepts exact decimal strings (ECMA-402 "StringNumericLiteral").
  return fixedFormatter(locale, minDigits, maxDigits).format(decimal as `${number}`);
}

/** At home a currency drops its qualifier: US$ is plain $ in en-US. */
const HOME_SYMBOLS: Readonly<Record<string, string>> = { 'en-US|USD': '$' };

export interface FormatMoneyOptions {
  /** Show the currency symbol (default true). */
  readonly symbol?: boolean;
}

/**
 * A money amount for display: formatMoney(123450, 'PEN', 'es-PE') is
 * "S/ 1,234.50"; in es-CO, COP gives "$ 1.234,50". The space after the symbol
 * is a no-break space so the symbol never wraps away from its amount.
 */
export function formatMoney(
  amount: number,
  currencyCode: string,
  locale: Locale | string,
  options: FormatMoneyOptions = {},
): string {
  const { minorDigits, symbol: defaultSymbol } = currencyOf(currencyCode);
  const symbol = HOME_SYMBOLS[`${locale}|${currencyCode}`] ?? defaultSymbol;
  const negative = amount < 0;
  const number = formatDecimal(
    minorToDecimalString(negative ? -amount : amount, minorDigits),
    locale,
    minorDigits,
    minorDigits,
  );
  if (options.symbol === false) return negative ? `-${number}` : number;
  // English writes "$1,234.50" but "S/ 1,234.50"; Spanish always spaces the symbol.
  const gap = locale.startsWith('en') && symbol === '$' ? '' : '\u00a0';
  return `${negative ? '-' : ''}${symbol}${gap}${number}`;
}

/** A quantity in thousandths for display: 1500 → "1,5" in es-AR, "1.5" in es-PE; 2000 → "2". */
export function formatQuantity(thousandths: number, locale: Locale | string): string {
  return formatDecimal(minorToDecimalString(thousandths, 3), locale, 0, 3);
}

/** A rate in basis points for display: 1800 → "18 %", 1050 → "10,5 %" (es-AR). */
export function formatRate(basisPoints: number, locale: Locale | string): string {
  const number = formatDecimal(minorToDecimalString(basisPoints, 2), locale, 0, 2);
  return locale.startsWith('en') ? `${number}%` : `${number}\u00a0%`;
}

/**
 * A line's quantity as the till and the receipts show it: weighed goods with
 * their 3 decimals and the unit ("0.750 kg" in es-PE, "0,750 kg" in es-AR),
 * so nobody reads 0.75 as 75, except whole kilos ("2 kg", never "750.000 kg",
 * which reads as 750 thousand); goods sold by the unit bare ("3").
 */
export function formatLineQuantity(
  thousandths: number,
  soldBy: 'unit' | 'weight',
  locale: Locale | string,
): string {
  if (soldBy === 'unit') return formatQuantity(thousandths, locale);
  const decimals = thousandths % 1000 === 0 ? 0 : 3;
  return `${formatDecimal(minorToDecimalString(thousandths, 3), locale, decimals, 3)}\u00a0kg`;
}
