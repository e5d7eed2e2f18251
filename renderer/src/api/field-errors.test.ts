import { afterEach, describe, expect, it } from 'vitest';
import type { ErrorInfo } from '../../../core/errors';
import { useI18n } from '../i18n';
import { fieldErrors, reasonText } from './field-errors';

afterEach(() => useI18n.setState({ language: 'es' }));

const badDocument: ErrorInfo = {
  code: 'VALIDATION',
  message: 'bad number',
  details: { reason: 'INVALID_DOCUMENT_NUMBER', hint: '8 dígitos', path: ['documentNumber'] },
};

describe('fieldErrors', () => {
  it('puts schema issues under their fields in the UI language, "is required" as such', () => {
    expect(
      fieldErrors({
        code: 'VALIDATION',
        message: 'Invalid input',
        details: {
          issues: [
            { path: 'name', message: 'is required', code: 'too_small' },
            { path: 'amount', message: 'is required', code: 'custom' },
            { path: 'price', message: 'Too big', code: 'too_big' },
          ],
        },
      }),
    ).toEqual({ name: 'Obligatorio', amount: 'Obligatorio', price: 'Demasiado grande' });
  });

  it('says a field holds an invisible or control character', () => {
    const error: ErrorInfo = {
      code: 'VALIDATION',
      message: 'Invalid input: name: has a control, bidi or line-break character (U+202E)',
      details: {
        reason: 'CONTROL_CHARACTERS',
        field: 'name',
        character: 'U+202E',
        issues: [{ path: 'name', message: 'has…', code: 'custom', reason: 'CONTROL_CHARACTERS' }],
      },
    };
    expect(fieldErrors(error)).toEqual({
      name: 'Tiene un carácter invisible o de control; bórrelo o escríbalo de nuevo',
    });
    expect(reasonText(error)).toBe(
      'El campo name tiene un carácter invisible o de control (U+202E); bórrelo o escríbalo de nuevo.',
    );
    useI18n.setState({ language: 'en' });
    expect(fieldErrors(error)).toEqual({
      name: 'Has an invisible or control character; delete it or type it again',
    });
  });

  it("uses the screen's own sentence for a reason, with the format hint in the UI language", () => {
    expect(fieldErrors(badDocument, 'customers')).toEqual({
      documentNumber: 'Número no válido: 8 dígitos',
    });
    useI18n.setState({ language: 'en' });
    expect(fieldErrors(badDocument, 'customers')).toEqual({
      documentNumber: 'Invalid number: 8 digits',
    });
    // Without a screen, the shared sentence, its hint translated too.
    expect(fieldErrors(badDocument)).toEqual({
      documentNumber: 'Invalid document number: 8 digits.',
    });
  });

  it('marks the whole field of an item at fault, and puts the rest under the form', () => {
    const barcode: ErrorInfo = {
      code: 'CONFLICT',
      message: 'taken',
      details: { reason: 'DUPLICATE_BARCODE', path: ['barcodes', 2] },
    };
    const errors = fieldErrors(barcode, 'products');
    expect(errors['barcodes.2']).toBeTruthy();
    expect(errors.barcodes).toBe(errors['barcodes.2']);
    expect(
      fieldErrors({ code: 'FORBIDDEN', message: 'x', details: { reason: 'BAD_AUTHORIZATION' } }),
    ).toEqual({ _form: 'La clave del supervisor no es correcta.' });
  });

  it('falls back to the shared sentence when the screen has none for the reason', () => {
    const error: ErrorInfo = {
      code: 'FORBIDDEN',
      message: 'x',
      details: { reason: 'BAD_AUTHORIZATION' },
    };
    expect(reasonText(error, 'products')).toBe('La clave del supervisor no es correcta.');
  });
});
