import { afterEach, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../core/errors';
import { errorMessage } from './errors';
import { t, tryT, useI18n, type Language } from './index';

afterEach(() => useI18n.setState({ language: 'es' }));

const LANGUAGES: Language[] = ['es', 'en'];

describe('errorMessage', () => {
  it.each(LANGUAGES)('has a sentence for every error code in %s', (language) => {
    useI18n.setState({ language });
    const missing = ERROR_CODES.filter((code) => tryT(`errors.codes.${code}`) === undefined);
    expect(missing).toEqual([]);
  });

  it('tells the cashier to try again when the till is BUSY, in es and en', () => {
    // What the till's payment dialog shows when a sale is refused with BUSY.
    const busy = {
      code: 'BUSY' as const,
      message: 'The till is busy with another task; nothing was saved. Try again in a few seconds',
    };
    useI18n.setState({ language: 'es' });
    expect(errorMessage(busy)).toBe(
      'La caja está ocupada con otra tarea; no se guardó nada. Inténtelo de nuevo en unos segundos.',
    );
    useI18n.setState({ language: 'en' });
    expect(errorMessage(busy)).toBe(
      'The till is busy with another task; nothing was saved. Try again in a few seconds.',
    );
  });

  it.each(LANGUAGES)(
    'names the checkbox that skips bad rows when an import is refused (%s)',
    (language) => {
      useI18n.setState({ language });
      const sentence = errorMessage({
        code: 'VALIDATION',
        message: '2 rows have errors; nothing was imported',
        details: { reason: 'IMPORT_HAS_ERRORS', canSkip: true },
      });
      expect(sentence).toContain(t('products.import.skipInvalid'));
    },
  );
});

describe('scale labels the till cannot read', () => {
  it('say where scale labels are set up, in es and en', () => {
    const noLayout = {
      code: 'UNKNOWN_LAYOUT' as const,
      message: 'No scale layout is configured for label 2500123015007',
      details: { code: '2500123015007', prefix: '25' },
    };
    const noLayouts = {
      code: 'NOT_FOUND' as const,
      message: 'No product has the code 2000123015002',
      details: { reason: 'UNKNOWN_SCALE_LABEL', code: '2000123015002' },
    };
    useI18n.setState({ language: 'es' });
    expect(errorMessage(noLayout)).toBe(
      'Ninguna etiqueta de balanza configurada empieza con 25. Configure las etiquetas de balanza en Configuración › Stock y balanza › Etiquetas de balanza.',
    );
    expect(errorMessage(noLayouts)).toContain(
      'Si es una etiqueta de balanza, configure su formato en Configuración › Stock y balanza › Etiquetas de balanza.',
    );
    useI18n.setState({ language: 'en' });
    expect(errorMessage(noLayout)).toContain('Set up scale labels in Settings › ');
  });
});
