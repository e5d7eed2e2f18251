/**
 * Numbers as a person types them into a field. Shop staff in Latin America
 * write decimals with either mark, whatever the locale says ("0,750" and
 * "0.750" kg are both three quarters of a kilo in Lima), so both marks are
 * read, and what cannot be read one way only is refused with a hint, never
 * guessed. The rules, in order:
 *
 * 1. Spaces (and the no-break spaces ICU groups with) are ignored, and so is a
 *    currency symbol or code before or after the number.
 * 2. Both "." and "," present: the last one is the decimal mark and appears
 *    once; the other groups thousands before it, in threes ("1,234.50",
 *    "1.234,50", "1.234.567,8"). Anything else is refused.
 * 3. One mark, more than once: it groups thousands in threes ("1.234.567").
 * 4. One mark, once: it is the decimal mark ("0,5", "12.30", "0,750"),
 *    except in a field that takes fewer than 3 decimals when it is followed by
 *    exactly 3 digits after 1–3 digits that do not start with 0: "1,234" as a
 *    price could be 1234 or 1.234, so it is refused (AMBIGUOUS_SEPARATOR) and
 *    the hint says to write 1234. In a quantity field (3 decimals) "1,234" is
 *    1.234, since a quantity never groups fewer than four digits.
 * 5. More decimals than the field takes are refused, unless the extra ones
 *    are zeros ("0,750" as money is 0.75).
 *
 * The result is a scaled integer: minor units for money, thousandths for
 * quantities, whole numbers for counts.
 */
import { DomainError } from '../errors';
import { separatorsOf, type Locale } from './locale';

export type TypedNumberFailure =
  | 'EMPTY'
  | 'INVALID_CHARACTER'
  | 'AMBIGUOUS_SEPARATOR'
  | 'MIXED_SEPARATORS'
  | 'MISPLACED_GROUP_SEPARATOR'
  | 'TOO_MANY_DECIMALS'
  | 'NEGATIVE'
  | 'OUT_OF_RANGE';

export interface TypedNumberOptions {
  /** How many digits may follow the decimal mark: 2 for money, 3 for quantities, 0 for counts. */
  readonly maxFractionDigits: number;
  readonly allowNegative?: boolean;
  /** Prefixes/suffixes to ignore, such as "S/" or "PEN". */
  readonly ignore?: readonly string[];
}

/** An example of a valid entry in the locale, for hints: "1234.50", "0,750", "12". */
export function typedExample(locale: Locale | string, maxFractionDigits: number): string {
  const { decimal } = separatorsOf(locale);
  if (maxFractionDigits === 0) return '12';
  if (maxFractionDigits >= 3) return `0${decimal}750`;
  return `1234${decimal}${'50'.slice(0, maxFractionDigits)}`;
}

function fail(
  reason: TypedNumberFailure,
  text: string,
  locale: string,
  options: TypedNumberOptions,
  extra: Record<string, unknown> = {},
): never {
  const example = typedExample(locale, options.maxFractionDigits);
  throw new DomainError('VALIDATION', `"${text}" is not a number this field takes: ${reason}`, {
    reason,
    input: text,
    locale,
    example,
    maxFractionDigits: options.maxFractionDigits,
    ...extra,
  });
}

function stripAffixes(text: string, ignore: readonly string[]): string {
  let body = text.replace(/[\s\u00a0\u202f]/g, '');
  for (const affix of ignore) {
    const bare = affix.replace(/\s/g, '').toUpperCase();
    if (!bare) continue;
    if (body.toUpperCase().startsWith(bare)) body = body.slice(bare.length);
    if (body.toUpperCase().endsWith(bare)) body = body.slice(0, -bare.length);
  }
  return body;
}

const GROUPED = { '.': /^\d{1,3}(\.\d{3})+$/, ',': /^\d{1,3}(,\d{3})+$/ } as const;

/** Splits the unsigned body into integer digits and fraction digits, by the rules above. */
function split(
  body: string,
  fail: (reason: TypedNumberFailure, extra?: Record<string, unknown>) => never,
  maxFractionDigits: number,
): { integer: string; fraction: string } {
  const dots = body.split('.').length - 1;
  const commas = body.split(',').length - 1;
  if (dots === 0 && commas === 0) return { integer: body, fraction: '' };
  if (dots > 0 && commas > 0) {
    const decimal = body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    const at = body.lastIndexOf(decimal);
    const integer = body.slice(0, at);
    const fraction = body.slice(at + 1);
    if (integer.includes(decimal) || fraction.includes(group)) fail('MIXED_SEPARATORS');
    if (!GROUPED[group].test(integer)) fail('MISPLACED_GROUP_SEPARATOR');
    return { integer: integer.split(group).join(''), fraction };
  }
  const mark = dots > 0 ? '.' : ',';
  if (dots + commas > 1) {
    if (!GROUPED[mark].test(body)) fail('MISPLACED_GROUP_SEPARATOR');
    return { integer: body.split(mark).join(''), fraction: '' };
  }
  const [integer = '', fraction = ''] = body.split(mark);
  if (maxFractionDigits < 3 && fraction.length === 3 && /^[1-9]\d{0,2}$/.test(integer)) {
    fail('AMBIGUOUS_SEPARATOR', { whole: integer + fraction, mark });
  }
  return { integer, fraction };
}

/**
 * Reads a typed number into a scaled integer (`maxFractionDigits` decimals):
 * with 2, "1.234,50", "1,234.50" and "1234,5" all give 123450n. Throws a
 * VALIDATION DomainError whose details carry `reason` and an `example`.
 */
export function parseTyped(
  text: string,
  locale: Locale | string,
  options: TypedNumberOptions,
): bigint {
  const failWith = (reason: TypedNumberFailure, extra?: Record<string, unknown>): never =>
    fail(reason, text, locale, options, extra);
  let body = stripAffixes(text, options.ignore ?? []);
  if (body === '') failWith('EMPTY');
  let negative = false;
  if (body.startsWith('-') || body.startsWith('\u2212')) {
    negative = true;
    body = body.slice(1);
  }
  const invalid = [...body].find((ch) => !/[0-9.,]/.test(ch));
  if (invalid !== undefined) failWith('INVALID_CHARACTER', { character: invalid });

  const { integer, fraction } = split(body, failWith, options.maxFractionDigits);
  if (integer === '' && fraction === '') failWith('EMPTY');
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > options.maxFractionDigits) failWith('TOO_MANY_DECIMALS');
  if (integer.replace(/^0+/, '').length > 15) failWith('OUT_OF_RANGE');
  const scaled = BigInt((integer || '0') + significant.padEnd(options.maxFractionDigits, '0'));
  if (negative && scaled !== 0n && !options.allowNegative) failWith('NEGATIVE');
  return negative ? -scaled : scaled;
}

function toNumber(value: bigint, text: string, locale: string, options: TypedNumberOptions) {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)) {
    fail('OUT_OF_RANGE', text, locale, options);
  }
  return Number(value);
}

/** A quantity typed into a field: thousandths ("0,750" → 750). */
export function parseTypedQuantity(
  text: string,
  locale: Locale | string,
  options: { allowNegative?: boolean } = {},
): number {
  const opts = { maxFractionDigits: 3, ...options };
  return toNumber(parseTyped(text, locale, opts), text, locale, opts);
}

/** A whole number typed into a field (coins counted, a port): "1.000" is refused as ambiguous. */
export function parseTypedWhole(text: string, locale: Locale | string): number {
  const opts = { maxFractionDigits: 0 };
  return toNumber(parseTyped(text, locale, opts), text, locale, opts);
}

/** A percentage typed into a field, in hundredths of a percent ("12,5" → 1250). */
export function parseTypedPercent(text: string, locale: Locale | string): number {
  const opts = { maxFractionDigits: 2, ignore: ['%'] };
  return toNumber(parseTyped(text, locale, opts), text, locale, opts);
}
