/**
 * Names sort as a reader of the store's language expects: "Lácteos" before
 * "Limpieza", "Ñandú" after "Nueces", lower case beside upper case and
 * "Pasillo 2" before "Pasillo 10". SQLite's ORDER BY compares bytes, which
 * sends every accented or lower-case name to the end, so lists of names are
 * sorted with Intl.Collator in the store's locale (settings.locale) instead.
 */
const collators = new Map<string, Intl.Collator>();

/** The collator of a locale ("es-PE"), made once; an unknown locale falls back to Spanish. */
function collatorOf(locale: string): Intl.Collator {
  let collator = collators.get(locale);
  if (!collator) {
    let supported = false;
    try {
      supported = Intl.Collator.supportedLocalesOf([locale]).length > 0;
    } catch {
      // A malformed tag: Spanish, as for an unknown one.
    }
    collator = new Intl.Collator(supported ? locale : 'es', { numeric: true });
    collators.set(locale, collator);
  }
  return collator;
}

export function compareNames(a: string, b: string, locale = 'es'): number {
  return collatorOf(locale).compare(a, b);
}

/** A sorted copy of a list of named things, in `locale`'s order. */
export function sortByName<T extends { readonly name: string }>(
  list: readonly T[],
  locale = 'es',
): T[] {
  const collator = collatorOf(locale);
  return [...list].sort((a, b) => collator.compare(a.name, b.name));
}
