import { afterEach, describe, expect, it } from 'vitest';
import { PROFILES } from '../../../core/profiles';
import { useI18n } from '.';
import { hintText } from './hint-text';

afterEach(() => useI18n.setState({ language: 'es' }));

describe("the profiles' format hints", () => {
  it('stay as written in Spanish', () => {
    expect(hintText('6 a 10 dígitos')).toBe('6 a 10 dígitos');
  });

  it('read in English when the UI is in English', () => {
    useI18n.setState({ language: 'en' });
    expect(hintText('8 dígitos')).toBe('8 digits');
    expect(hintText('7 u 8 dígitos')).toBe('7 or 8 digits');
    expect(hintText('5 a 12 caracteres')).toBe('5 to 12 characters');
    expect(hintText('ej. 4567891 o 4567891-1B')).toBe('e.g. 4567891 or 4567891-1B');
    expect(hintText('11 dígitos, empieza con 10 o 20')).toBe('11 digits, starts with 10 or 20');
    expect(hintText('6 a 10 dígitos y dígito de verificación, ej. 900123456-7')).toBe(
      '6 to 10 digits and check digit, e.g. 900123456-7',
    );
    expect(hintText('3 a 20 letras, dígitos o guiones')).toBe('3 to 20 letters, digits or hyphens');
  });

  it('leave no Spanish word behind for any profile', () => {
    useI18n.setState({ language: 'en' });
    const hints = Object.values(PROFILES).flatMap((p) => [
      p.taxIdHint,
      ...p.customerDocumentTypes.map((d) => d.hint),
    ]);
    for (const hint of hints) {
      expect(hintText(hint)).not.toMatch(
        /dígito|caracter|letras|guiones|empieza|\bej\.|\s(a|o|u|y)\s/,
      );
    }
  });
});
