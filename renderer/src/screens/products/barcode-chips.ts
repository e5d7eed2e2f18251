import { gtinCheckDigit } from '../../../../core/barcode';

/** The API's limits on a product's barcodes (core/api/areas/catalog.ts). */
export const MAX_BARCODES = 20;
const MAX_LENGTH = 64;

export type BarcodeProblem =
  | { readonly kind: 'empty' }
  | { readonly kind: 'duplicate'; readonly code: string }
  | { readonly kind: 'tooMany'; readonly max: number }
  | { readonly kind: 'invalid'; readonly code: string }
  | { readonly kind: 'checkDigit'; readonly code: string; readonly expected: number };

export type AddResult =
  | { readonly ok: true; readonly list: readonly string[] }
  | { readonly ok: false; readonly problem: BarcodeProblem; readonly list: readonly string[] };

/**
 * A retail EAN-13 (outside the in-store range 20–29) must carry its check
 * digit; core computes it. The main process checks again when it saves.
 */
function checkProblem(code: string): BarcodeProblem | null {
  if (code.length > MAX_LENGTH || /\p{Cc}/u.test(code)) return { kind: 'invalid', code };
  if (/^\d{13}$/.test(code) && !code.startsWith('2')) {
    const expected = gtinCheckDigit(code.slice(0, 12));
    if (String(expected) !== code[12]) return { kind: 'checkDigit', code, expected };
  }
  return null;
}

/**
 * Adds what was typed or scanned: one code, or several pasted at once
 * (separated by spaces, commas or "|"). Codes that pass are kept even when a
 * later one fails, so a pasted list loses nothing but its bad code.
 */
export function addBarcodes(list: readonly string[], raw: string): AddResult {
  const codes = raw
    .split(/[\s,|;]+/)
    .map((c) => c.trim())
    .filter(Boolean);
  if (codes.length === 0) return { ok: false, problem: { kind: 'empty' }, list };
  let next = [...list];
  for (const code of codes) {
    if (next.includes(code)) return { ok: false, problem: { kind: 'duplicate', code }, list: next };
    if (next.length >= MAX_BARCODES)
      return { ok: false, problem: { kind: 'tooMany', max: MAX_BARCODES }, list: next };
    const problem = checkProblem(code);
    if (problem) return { ok: false, problem, list: next };
    next = [...next, code];
  }
  return { ok: true, list: next };
}

export function removeBarcode(list: readonly string[], code: string): readonly string[] {
  return list.filter((c) => c !== code);
}
