import { describe, expect, it } from 'vitest';
import { formErrors } from './form-errors';

describe('formErrors', () => {
  it('marks schema issues under their fields, never in English, and says so under the form', () => {
    const errors = formErrors(
      {
        code: 'VALIDATION',
        message: 'Invalid input: reason: is required',
        details: { issues: [{ path: 'reason', message: 'is required', code: 'too_small' }] },
      },
      ['reason'],
    );
    expect(errors._form).toBe('Revise los datos marcados.');
    expect(errors.reason).toBeTruthy();
    expect(errors.reason).not.toContain('is required');
  });

  it('puts a domain error without a shown field under the form, as a sentence', () => {
    const errors = formErrors(
      { code: 'FORBIDDEN', message: 'nope', details: { reason: 'BAD_AUTHORIZATION' } },
      ['reason'],
    );
    expect(errors).toEqual({ _form: 'La clave del supervisor no es correcta.' });
  });

  it('keeps a domain error on its field when the form shows it', () => {
    const errors = formErrors(
      {
        code: 'INVALID_STATE',
        message: 'no cash',
        details: { reason: 'NOT_ENOUGH_CASH', path: ['amount'] },
      },
      ['amount'],
    );
    expect(errors).toEqual({ amount: 'No hay tanto efectivo en la caja.' });
  });
});
