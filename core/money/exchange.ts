import { DomainError } from '../errors';
import { currency as currencyOf } from './currency';
import type { Locale } from './locale';
import { divRound, toSafeInteger, type RoundingMode } from './rounding';
import { parseTyped } from './typed';

/**
 * An exchange rate locked on a sale: how many units of `to` one unit of `from`
 * buys, kept as the exact decimal text the store typed ("36.50" Bs per USD)
 * so that re-reading a sale years later converts exactly as it did that day.
 */
export interface ExchangeRate {
  readonly from: string;
  readonly to: string;
  readonly rate: string;
}

const RATE_PATTERN = /^\d{1,9}(\.\d{1,8})?$/;

export function validateRate(rate: string): void {
  if (!RATE_PATTERN.test(rate) || /^0+(\.0+)?$/.test(rate)) {
    throw new DomainError(
      'VALIDATION',
      `Exchange rate "${rate}" must be a positive decimal with "." and at most 8 decimals, like 36.50`,
      { reason: 'INVALID_EXCHANGE_RATE', rate },
    );
  }
}

/** A rate keeps up to this many decimals (RATE_PATTERN). */
const RATE_DECIMALS = 8;

/**
 * A rate as the store types it, read by the typed-number rules (either mark
 * is the decimal mark: "36,50" and "36.50" are the same rate), into the exact
 * text a sale locks: "36.50". "1,234" could be a thousand or one, so it is
 * refused as a price would be, with the same hint. Zero is left for
 * validateRate to refuse.
 */
export function parseTypedRate(text: string, locale: Locale | string): string {
  const body = text.trim();
  if (/^[1-9]\d{0,2}[.,]\d{3}$/.test(body)) parseTyped(body, locale, { maxFractionDigits: 2 });
  const scaled = parseTyped(body, locale, { maxFractionDigits: RATE_DECIMALS })
    .toString()
    .padStart(RATE_DECIMALS + 1, '0');
  const whole = scaled.slice(0, -RATE_DECIMALS).replace(/^0+(?=\d)/, '');
  const fraction = scaled.slice(-RATE_DECIMALS).replace(/0+$/, '').padEnd(2, '0');
  return `${whole}.${fraction}`;
}

/** "36.50" → 3650 / 100, exactly. */
function rateAsFraction(rate: string): { numerator: bigint; denominator: bigint } {
  validateRate(rate);
  const [whole = '0', fraction = ''] = rate.split('.');
  return { numerator: BigInt(whole + fraction), denominator: 10n ** BigInt(fraction.length) };
}

/** Converts an amount in `from` minor units to `to` minor units, rounding once. */
export function convertAmount(amount: number, rate: ExchangeRate, mode: RoundingMode): number {
  const from = currencyOf(rate.from);
  const to = currencyOf(rate.to);
  const { numerator, denominator } = rateAsFraction(rate.rate);
  const digitShift = to.minorDigits - from.minorDigits;
  const scaledNumerator = BigInt(amount) * numerator * 10n ** BigInt(Math.max(digitShift, 0));
  const scaledDenominator = denominator * 10n ** BigInt(Math.max(-digitShift, 0));
  return toSafeInteger(divRound(scaledNumerator, scaledDenominator, mode), 'converted amount');
}

/** The reverse of convertAmount: an amount in `to` minor units back into `from`. */
export function convertBack(amount: number, rate: ExchangeRate, mode: RoundingMode): number {
  const from = currencyOf(rate.from);
  const to = currencyOf(rate.to);
  const { numerator, denominator } = rateAsFraction(rate.rate);
  const digitShift = from.minorDigits - to.minorDigits;
  const scaledNumerator = BigInt(amount) * denominator * 10n ** BigInt(Math.max(digitShift, 0));
  const scaledDenominator = numerator * 10n ** BigInt(Math.max(-digitShift, 0));
  return toSafeInteger(divRound(scaledNumerator, scaledDenominator, mode), 'converted amount');
}
