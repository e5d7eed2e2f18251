import { z } from 'zod';
import { COUNTRY_CODES } from '../profiles/types';
import { CURRENCY_CODES } from '../money/currency';

/**
 * Building blocks for channel inputs. Limits are generous for a shop but keep
 * every figure far inside Number.MAX_SAFE_INTEGER, so no product of two of
 * them can lose precision before it reaches the bigint arithmetic.
 */

/** 10¹² minor units: ten billion of any currency, beyond any till. */
export const MAX_AMOUNT = 1_000_000_000_000;
/** 1,000,000 units per line. */
export const MAX_QUANTITY = 1_000_000;

export const amount = z.number().int('must be an integer in minor units').min(0).max(MAX_AMOUNT);

/**
 * Quantities travel as numbers with at most 3 decimals (1.25 kg) and become
 * integer thousandths at the boundary, which is all the rest of the system sees.
 */
export const quantity = z
  .number()
  .positive('must be more than 0')
  .max(MAX_QUANTITY)
  .refine((q) => Math.abs(q * 1000 - Math.round(q * 1000)) < 1e-6, 'at most 3 decimals')
  .transform((q) => Math.round(q * 1000));

export const uuid = z.uuid();
export const id = z.number().int().positive();

/**
 * Characters no stored text may hold: they are invisible, yet they change
 * what a person reads on a screen or a receipt. The C0 and C1 controls
 * (NUL, escape sequences that drive printers and terminals) and DEL; the bidi
 * embeddings, overrides, isolates and marks (U+202A–U+202E, U+2066–U+2069,
 * U+200E/U+200F, U+061C), which can make "Arroz" sort and print as another
 * word; and the Unicode line and paragraph separators. Line breaks (LF, CR)
 * are allowed only in multi-line text.
 */
const ONE_LINE_FORBIDDEN = /[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029]/u;
const MULTI_LINE_FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- as above, less LF (U+000A) and CR (U+000D)
  /[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029]/u;

/** The first forbidden character in `value` as "U+202E", or undefined if there is none. */
export function controlCharacterIn(value: string, multiline = false): string | undefined {
  const found = (multiline ? MULTI_LINE_FORBIDDEN : ONE_LINE_FORBIDDEN).exec(value);
  if (!found) return undefined;
  return `U+${found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * A zod check for the rule above. The issue carries `reason`
 * CONTROL_CHARACTERS and the character, which validateInput passes on so the
 * UI can say which field to fix.
 */
export function noControlCharacters(multiline = false) {
  return (value: string, ctx: z.core.$RefinementCtx<string>) => {
    const character = controlCharacterIn(value, multiline);
    if (character === undefined) return;
    ctx.addIssue({
      code: 'custom',
      message: multiline
        ? `has a control or bidi character (${character})`
        : `has a control, bidi or line-break character (${character})`,
      params: { reason: 'CONTROL_CHARACTERS', character },
    });
  };
}

/** One line of text: trimmed, no control, bidi or line-break characters. */
export const text = (max: number) => z.string().trim().max(max).superRefine(noControlCharacters());
export const requiredText = (max: number) =>
  z.string().trim().min(1, 'is required').max(max).superRefine(noControlCharacters());
/** Text printed line by line (the receipt footer): LF and CR allowed, nothing else invisible. */
export const multilineText = (max: number) =>
  z.string().trim().max(max).superRefine(noControlCharacters(true));
/** A new PIN: 4 to 6 digits (6 when the store requires it; the service checks that). */
export const pin = z.string().regex(/^\d{4,6}$/, 'must be 4 to 6 digits');
/** A PIN as typed to log in or authorize: checked against the stored hash, so only bounded here. */
export const enteredPin = z.string().min(1, 'is required').max(16);
export const countryCode = z.enum(COUNTRY_CODES);
export const currencyCode = z.enum(CURRENCY_CODES as [string, ...string[]]);
/** ISO date-time with offset, or a plain date (YYYY-MM-DD) for report ranges. */
export const dateTime = z.iso.datetime({ offset: true });
export const date = z.iso.date();
export const empty = z.object({}).strict();

export const pageInput = {
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
};

/** A barcode or code as scanned or typed: printable, no control or bidi characters. */
export const scannedCode = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(64)
  .regex(/^[^\p{Cc}]+$/u, 'has control characters')
  .superRefine(noControlCharacters());

export const reason = requiredText(300);
