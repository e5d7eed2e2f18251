import { separatorsOf } from '../../../../core/money/locale';
import { parseDecimal } from '../../../../core/money/parse';
import { currentLocale } from '../../i18n';

/**
 * A quantity typed as the store writes numbers ("1,5" in es-AR, "1.5" in
 * es-PE), read by core into thousandths and handed to the API as a number with
 * up to 3 decimals. Null when the text is not a quantity.
 */
export function parseQuantityText(
  text: string,
  options: { allowNegative?: boolean } = {},
): number | null {
  try {
    const thousandths = parseDecimal(text, currentLocale(), {
      maxFractionDigits: 3,
      allowNegative: options.allowNegative ?? false,
    });
    return Number(thousandths) / 1000;
  } catch {
    return null;
  }
}

/** How a quantity is written back into an input: the locale's decimal mark, no grouping. */
export function quantityText(value: number): string {
  return String(Math.round(value * 1000) / 1000).replace(
    '.',
    separatorsOf(currentLocale()).decimal,
  );
}
