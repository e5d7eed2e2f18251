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
export const text = (max: number) => z.string().trim().max(max);
export const requiredText = (max: number) => z.string().trim().min(1, 'is required').max(max);
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

/** A barcode or code as scanned or typed: printable, no control characters. */
export const scannedCode = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(64)
  .regex(/^[^\p{Cc}]+$/u, 'has control characters');

export const reason = requiredText(300);
