/**
 * Names sort as a Spanish reader expects: "Lácteos" before "Limpieza", "Ñandú"
 * after "Nueces", lower case beside upper case and "Pasillo 2" before
 * "Pasillo 10". SQLite's ORDER BY compares bytes, which sends every accented
 * or lower-case name to the end, so lists of names are sorted with this instead.
 */
const collator = new Intl.Collator('es', { numeric: true });

export function compareNames(a: string, b: string): number {
  return collator.compare(a, b);
}

/** A sorted copy of a list of named things. */
export function sortByName<T extends { readonly name: string }>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => compareNames(a.name, b.name));
}
