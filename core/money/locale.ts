/** The locales the product ships with. Formats come from ICU, the symbols from us. */
export const LOCALES = ['es-PE', 'es-CO', 'es-AR', 'es-BO', 'es-VE', 'en-US'] as const;
export type Locale = (typeof LOCALES)[number];

export interface Separators {
  readonly decimal: string;
  readonly group: string;
}

const separatorCache = new Map<string, Separators>();

/** The decimal and grouping characters the locale uses, as ICU knows them. */
export function separatorsOf(locale: string): Separators {
  const cached = separatorCache.get(locale);
  if (cached) return cached;
  const parts = new Intl.NumberFormat(locale, { useGrouping: true }).formatToParts(1234567.5);
  const separators = {
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
  };
  separatorCache.set(locale, separators);
  return separators;
}
