import { DomainError } from './errors';
import { currency as currencyOf } from './money/currency';

/**
 * Numbers in Spanish words for invoices: 295.00 PEN is
 * "DOSCIENTOS NOVENTA Y CINCO CON 00/100 SOLES".
 *
 * - "UNO" ends a number, "UN" goes before a noun or a scale word ("UN MILLÓN",
 *   "VEINTIÚN MIL"), "UNA" (and "-IENTAS") agree with a feminine noun.
 * - 100 is "CIEN" on its own and "CIENTO" before more digits.
 * - Long scale, as used in Spanish: 10⁹ is "MIL MILLONES", 10¹² "UN BILLÓN".
 */

export type Gender = 'masculine' | 'feminine';

export interface WordsOptions {
  /** Agreement with the noun being counted (default masculine). */
  readonly gender?: Gender;
  /** true when a noun follows the number: 1 → "UN"/"UNA" rather than "UNO". */
  readonly beforeNoun?: boolean;
}

const UNITS = ['', 'UNO', 'DOS', 'TRES', 'CUATRO', 'CINCO', 'SEIS', 'SIETE', 'OCHO', 'NUEVE'];
const TEN_TO_TWENTY_NINE = [
  'DIEZ',
  'ONCE',
  'DOCE',
  'TRECE',
  'CATORCE',
  'QUINCE',
  'DIECISÉIS',
  'DIECISIETE',
  'DIECIOCHO',
  'DIECINUEVE',
  'VEINTE',
  'VEINTIUNO',
  'VEINTIDÓS',
  'VEINTITRÉS',
  'VEINTICUATRO',
  'VEINTICINCO',
  'VEINTISÉIS',
  'VEINTISIETE',
  'VEINTIOCHO',
  'VEINTINUEVE',
];
const TENS = [
  '',
  '',
  '',
  'TREINTA',
  'CUARENTA',
  'CINCUENTA',
  'SESENTA',
  'SETENTA',
  'OCHENTA',
  'NOVENTA',
];
const HUNDREDS = [
  '',
  'CIENTO',
  'DOSCIENTOS',
  'TRESCIENTOS',
  'CUATROCIENTOS',
  'QUINIENTOS',
  'SEISCIENTOS',
  'SETECIENTOS',
  'OCHOCIENTOS',
  'NOVECIENTOS',
];

interface Form {
  readonly gender: Gender;
  readonly beforeNoun: boolean;
}

/** Adjusts a word ending in "UNO" to the form the context needs. */
function inflectOne(word: string, form: Form): string {
  if (!word.endsWith('UNO')) return word;
  const stem = word.slice(0, -3);
  if (form.gender === 'feminine') return `${stem}UNA`;
  if (!form.beforeNoun) return word;
  return stem === 'VEINTI' ? 'VEINTIÚN' : `${stem}UN`;
}

function belowHundred(n: number, form: Form): string {
  if (n < 10) return inflectOne(UNITS[n] ?? '', form);
  if (n < 30) return inflectOne(TEN_TO_TWENTY_NINE[n - 10] ?? '', form);
  const unit = n % 10;
  const tens = TENS[Math.floor(n / 10)] ?? '';
  return unit === 0 ? tens : `${tens} Y ${inflectOne(UNITS[unit] ?? '', form)}`;
}

function belowThousand(n: number, form: Form): string {
  if (n === 100) return 'CIEN';
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  let hundredsWord = HUNDREDS[hundreds] ?? '';
  if (form.gender === 'feminine' && hundreds >= 2) hundredsWord = hundredsWord.replace(/OS$/, 'AS');
  const restWord = rest === 0 ? '' : belowHundred(rest, form);
  return [hundredsWord, restWord].filter(Boolean).join(' ');
}

/** 0 < n < 1,000,000: "[x] MIL [y]". */
function belowMillion(n: number, form: Form): string {
  const thousands = Math.floor(n / 1000);
  const rest = n % 1000;
  const restWord = rest === 0 ? '' : belowThousand(rest, form);
  if (thousands === 0) return restWord;
  // "MIL", never "UN MIL"; otherwise the count of thousands takes the noun form.
  const thousandsWord =
    thousands === 1 ? 'MIL' : `${belowThousand(thousands, { ...form, beforeNoun: true })} MIL`;
  return [thousandsWord, restWord].filter(Boolean).join(' ');
}

const SCALES: readonly { value: bigint; singular: string; plural: string }[] = [
  { value: 10n ** 12n, singular: 'BILLÓN', plural: 'BILLONES' },
  { value: 10n ** 6n, singular: 'MILLÓN', plural: 'MILLONES' },
];

export const MAX_WORDS_NUMBER = 10n ** 18n - 1n;

/** A non-negative integer in Spanish words, up to 999,999 billones. */
export function numberToWords(value: number | bigint, options: WordsOptions = {}): string {
  const n = BigInt(value);
  if (n < 0n) return `MENOS ${numberToWords(-n, options)}`;
  if (n > MAX_WORDS_NUMBER) {
    throw new DomainError('VALIDATION', `${n} is too large to write in words`, {
      reason: 'OUT_OF_RANGE',
    });
  }
  if (n === 0n) return 'CERO';
  const form: Form = {
    gender: options.gender ?? 'masculine',
    beforeNoun: options.beforeNoun ?? false,
  };
  const words: string[] = [];
  let rest = n;
  for (const scale of SCALES) {
    const count = rest / scale.value;
    rest %= scale.value;
    if (count === 0n) continue;
    // Millón and billón are masculine nouns, whatever is being counted.
    const countWords = belowMillion(Number(count), { gender: 'masculine', beforeNoun: true });
    words.push(`${countWords} ${count === 1n ? scale.singular : scale.plural}`);
  }
  if (rest > 0n) words.push(belowMillion(Number(rest), form));
  return words.join(' ');
}

/**
 * The amount line of an invoice: amountInWords(29500, 'PEN') is
 * "DOSCIENTOS NOVENTA Y CINCO CON 00/100 SOLES". Currencies without minor
 * units omit the fraction.
 */
export function amountInWords(amount: number, currencyCode: string): string {
  const { minorDigits, nameInWords } = currencyOf(currencyCode);
  if (!Number.isSafeInteger(amount)) {
    throw new DomainError('VALIDATION', 'Amounts are integers in minor units', {
      reason: 'NOT_AN_INTEGER',
    });
  }
  const negative = amount < 0;
  const absolute = BigInt(Math.abs(amount));
  const scale = 10n ** BigInt(minorDigits);
  const whole = numberToWords(absolute / scale);
  const fraction = String(absolute % scale).padStart(minorDigits, '0');
  const text =
    minorDigits > 0
      ? `${whole} CON ${fraction}/${scale} ${nameInWords}`
      : `${whole} ${nameInWords}`;
  return negative ? `MENOS ${text}` : text;
}
