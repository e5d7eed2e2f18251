/**
 * Quantities travel through the API as numbers with up to 3 decimals; the
 * screen compares them as integer thousandths so 0.1 + 0.2 never bites.
 */
import { parseTypedQuantity } from '../../../../core/money/typed';
import { readTyped } from '../../i18n/typed-number';

export function toThousandths(quantity: number): number {
  return Math.round(quantity * 1000);
}

export function fromThousandths(thousandths: number): number {
  return thousandths / 1000;
}

export type ParsedQuantity =
  | { readonly ok: true; readonly thousandths: number }
  | { readonly ok: false; readonly hint: string };

/** What a quantity field holds, read as the locale writes it; empty is 0. */
export function readQuantity(text: string, locale: string): ParsedQuantity {
  if (text.trim() === '') return { ok: true, thousandths: 0 };
  const read = readTyped(() => parseTypedQuantity(text, locale));
  return read.ok ? { ok: true, thousandths: read.value } : read;
}
