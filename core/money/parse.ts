import { DomainError } from '../errors';
import { currency as currencyOf } from './currency';
import { separatorsOf, type Locale } from './locale';
import { toSafeInteger } from './rounding';
import { parseTyped, parseTypedQuantity } from './typed';

export type ParseFailure =
  | 'EMPTY'
  | 'INVALID_CHARACTER'
  | 'MULTIPLE_DECIMAL_SEPARATORS'
  | 'MISPLACED_GROUP_SEPARATOR'
  | 'TOO_MANY_DECIMALS'
  | 'NEGATIVE'
  | 'OUT_OF_RANGE';

export interface ParseDecimalOptions {
  /** How many digits may follow the decimal separator. Extra trailing zeros are accepted. */
  readonly maxFractionDigits: number;
  readonly allowNegative?: boolean;
  /** Prefixes/suffixes to ignore, such as "S/" or "PEN". */
  readonly ignore?: readonly string[];
}

function fail(reason: ParseFailure, text: string, locale: string, extra = {}): never {
  const { decimal, group } = separatorsOf(locale);
  const example = `1${group}234${decimal}50`;
  const why: Record<ParseFailure, string> = {
    EMPTY: 'it is empty',
    INVALID_CHARACTER: 'it has a character that is not a digit or separator',
    MULTIPLE_DECIMAL_SEPARATORS: `it has more than one decimal separator "${decimal}"`,
    MISPLACED_GROUP_SEPARATOR: `the thousands separator "${group}" is misplaced`,
    TOO_MANY_DECIMALS: 'it has too many decimals',
    NEGATIVE: 'it is negative',
    OUT_OF_RANGE: 'it is too large',
  };
  throw new DomainError(
    'VALIDATION',
    `"${text}" is not a valid number in ${locale}: ${why[reason]} (write it like ${example})`,
    {
      reason,
      input: text,
      locale,
      decimalSeparator: decimal,
      groupSeparator: group,
      example,
      ...extra,
    },
  );
}

/**
 * Parses what a person typed into a scaled integer: with 2 fraction digits,
 * "1.234,50" in es-CO and "1,234.50" in es-PE both give 123450n. Strict about
 * the locale's separators, so "1.5" in es-CO (where "." groups thousands) is an
 * error with an example, not a silent 15.
 */
export function parseDecimal(
  text: string,
  locale: Locale | string,
  options: ParseDecimalOptions,
): bigint {
  const { decimal, group } = separatorsOf(locale);
  let body = text.replace(/[\s\u00a0\u202f]/g, '');
  for (const affix of options.ignore ?? []) {
    if (affix && body.toUpperCase().startsWith(affix.toUpperCase()))
      body = body.slice(affix.length);
    if (affix && body.toUpperCase().endsWith(affix.toUpperCase()))
      body = body.slice(0, -affix.length);
  }
  if (body === '') fail('EMPTY', text, locale);

  let negative = false;
  if (body.startsWith('-') || body.startsWith('\u2212')) {
    negative = true;
    body = body.slice(1);
  }
  const invalid = [...body].find((ch) => !/[0-9]/.test(ch) && ch !== decimal && ch !== group);
  if (invalid !== undefined) fail('INVALID_CHARACTER', text, locale, { character: invalid });

  const pieces = body.split(decimal);
  if (pieces.length > 2) fail('MULTIPLE_DECIMAL_SEPARATORS', text, locale);
  const integerText = pieces[0] ?? '';
  const fractionText = pieces[1] ?? '';
  if (fractionText.includes(group)) fail('MISPLACED_GROUP_SEPARATOR', text, locale);
  if (
    integerText.includes(group) &&
    !new RegExp(`^\\d{1,3}(\\${group}\\d{3})+$`).test(integerText)
  ) {
    fail('MISPLACED_GROUP_SEPARATOR', text, locale);
  }
  const digits = integerText.split(group).join('');
  if (digits === '' && fractionText === '') fail('EMPTY', text, locale);

  const significantFraction = fractionText.replace(/0+$/, '');
  if (significantFraction.length > options.maxFractionDigits) {
    fail('TOO_MANY_DECIMALS', text, locale, { maxFractionDigits: options.maxFractionDigits });
  }
  if (digits.replace(/^0+/, '').length > 15) fail('OUT_OF_RANGE', text, locale);
  const scaled = BigInt(
    (digits || '0') + significantFraction.padEnd(options.maxFractionDigits, '0'),
  );
  if (negative && scaled !== 0n && !options.allowNegative) fail('NEGATIVE', text, locale);
  return negative ? -scaled : scaled;
}

/**
 * An amount typed by a person → minor units, by the typed-number rules of
 * ./typed ("1.234,50" and "1,234.50" are both 123450; "1,234" is refused as
 * ambiguous). The currency symbol or code may be typed too. Files (CSV) keep
 * the stricter locale-only parseDecimal above.
 */
export function parseAmount(
  text: string,
  currencyCode: string,
  locale: Locale | string,
  options: { allowNegative?: boolean } = {},
): number {
  const { minorDigits, symbol, code } = currencyOf(currencyCode);
  const scaled = parseTyped(text, locale, {
    maxFractionDigits: minorDigits,
    ignore: [symbol, code],
    ...options,
  });
  return toSafeInteger(scaled);
}

/** A quantity typed by a person → thousandths: "0,750" and "0.750" are both 750 in any locale. */
export function parseQuantity(text: string, locale: Locale | string): number {
  return parseTypedQuantity(text, locale);
}
