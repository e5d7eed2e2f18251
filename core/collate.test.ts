import { describe, expect, it } from 'vitest';
import { compareNames, sortByName } from './collate';

const names = (list: string[], locale?: string) =>
  sortByName(
    list.map((name) => ({ name })),
    locale,
  ).map((n) => n.name);

describe('sorting names', () => {
  it('puts "Lácteos" before "Limpieza" and ñ after n, in the store\'s locale', () => {
    const list = ['Limpieza', 'Ñandú', 'lácteos', 'Nueces', 'Abarrotes', 'Ácido'];
    expect(names(list, 'es-PE')).toEqual([
      'Abarrotes',
      'Ácido',
      'lácteos',
      'Limpieza',
      'Nueces',
      'Ñandú',
    ]);
    // What SQLite's ORDER BY gives, for contrast: bytes put accents and lower case last.
    expect([...list].sort()).not.toEqual(names(list, 'es-PE'));
  });

  it('reads numbers as numbers and falls back to Spanish for an unknown locale', () => {
    expect(names(['Pasillo 10', 'Pasillo 2'], 'es-CO')).toEqual(['Pasillo 2', 'Pasillo 10']);
    expect(compareNames('Lácteos', 'Limpieza', 'xx-invalid')).toBeLessThan(0);
  });
});
