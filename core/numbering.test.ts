import { describe, expect, it } from 'vitest';
import { DomainError } from './errors';
import { formatDocumentNumber, nextCorrelative, validateSeries } from './numbering';
import { PROFILES, documentTypeOf } from './profiles';

describe('document numbers', () => {
  it.each([
    [{ kind: 'PE' } as const, 'B001', 123, 'B001-00000123'],
    [{ kind: 'PE' } as const, 'F001', 99_999_999, 'F001-99999999'],
    [{ kind: 'AR' } as const, '00001', 84, '00001-00000084'],
    [{ kind: 'AR', typePrefix: 'PRES' } as const, '00001', 84, 'PRES-00001-00000084'],
    [{ kind: 'CO' } as const, 'POS', 1_000_123, 'POS1000123'],
    [{ kind: 'CO' } as const, '', 15, '15'],
    [{ kind: 'GENERIC', width: 8 } as const, 'T001', 7, 'T001-00000007'],
  ])('%o %s %d → %s', (format, series, correlative, text) => {
    expect(formatDocumentNumber(format, series, correlative)).toBe(text);
  });

  it.each([
    [{ kind: 'PE' } as const, 'B01'],
    [{ kind: 'PE' } as const, 'b001'],
    [{ kind: 'AR' } as const, '0001'],
    [{ kind: 'CO' } as const, 'POS12'],
  ])('refuses series that do not fit: %o %s', (format, series) => {
    expect(() => validateSeries(format, series)).toThrow(/is not valid here/);
  });

  it('refuses to overflow a series instead of wrapping around', () => {
    try {
      nextCorrelative({ kind: 'PE' }, 'B001', 99_999_999);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).details).toMatchObject({ reason: 'SERIES_EXHAUSTED' });
    }
    expect(nextCorrelative({ kind: 'PE' }, 'B001', 0)).toBe(1);
    expect(() => formatDocumentNumber({ kind: 'PE' }, 'B001', 0)).toThrow(/outside/);
  });

  it('gives each register its own default series per document type', () => {
    const boleta = documentTypeOf(PROFILES.PE, 'BOLETA');
    expect([boleta.defaultSeries(1), boleta.defaultSeries(12)]).toEqual(['B001', 'B012']);
    const ticket = documentTypeOf(PROFILES.CO, 'TICKET');
    expect([ticket.defaultSeries(1), ticket.defaultSeries(2)]).toEqual(['POS', 'POSB']);
    const presupuesto = documentTypeOf(PROFILES.AR, 'TICKET');
    expect(formatDocumentNumber(presupuesto.numbering, presupuesto.defaultSeries(1), 84)).toBe(
      'PRES-00001-00000084',
    );
    expect(() => documentTypeOf(PROFILES.CO, 'BOLETA')).toThrow(/no document type/);
  });

  it('has valid default series for every profile and document type', () => {
    for (const profile of Object.values(PROFILES)) {
      for (const spec of profile.documentTypes) {
        for (const register of [1, 2, 9, 30]) {
          expect(() => validateSeries(spec.numbering, spec.defaultSeries(register))).not.toThrow();
        }
      }
    }
  });
});
