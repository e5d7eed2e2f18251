import { separatorsOf } from '../../../../core/money/locale';
import { parseTypedQuantity } from '../../../../core/money/typed';
import { currentLocale } from '../../i18n';
import { readTyped } from '../../i18n/typed-number';

/**
 * A quantity typed as people write numbers ("0,750" and "0.750" alike), read
 * by core's typed-number rules into thousandths and handed to the API as a
 * number with up to 3 decimals. Null when the text is not a quantity.
 */
export function parseQuantityText(
  text: string,
  options: { allowNegative?: boolean } = {},
): number | null {
  const read = readQuantityText(text, options);
  return read.ok ? read.value : null;
}

/** The same, with the sentence that says how to write it when refused. */
export function readQuantityText(
  text: string,
  options: { allowNegative?: boolean } = {},
): { ok: true; value: number } | { ok: false; hint: string } {
  const read = readTyped(() => parseTypedQuantity(text, currentLocale(), options));
  return read.ok ? { ok: true, value: read.value / 1000 } : read;
}

/** How a quantity is written back into an input: the locale's decimal mark, no grouping. */
export function quantityText(value: number): string {
  return String(Math.round(value * 1000) / 1000).replace(
    '.',
    separatorsOf(currentLocale()).decimal,
  );
}
