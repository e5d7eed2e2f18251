import { afterEach, describe, expect, it } from 'vitest';
import { NEGATIVE_STOCK_POLICIES } from '../../../../core/api/model';
import { errorMessage } from '../../i18n/errors';
import { tryT, useI18n, type Language } from '../../i18n';
import { asksForSupervisor } from './AuthorizeDialog';

afterEach(() => useI18n.setState({ language: 'es' }));

// What sales.create answers a cashier under the store's 'supervisor' policy.
const belowZero = {
  code: 'FORBIDDEN' as const,
  message: 'Selling below zero stock: a supervisor must authorize it',
  details: {
    reason: 'STOCK_BELOW_ZERO',
    items: [{ productId: 1, code: 'QUESO', name: 'Queso fresco', requested: 5, available: 2 }],
  },
};

describe('selling below zero at the till', () => {
  it("is a refusal a supervisor's PIN lifts on the spot", () => {
    expect(asksForSupervisor(belowZero)).toBe(true);
  });

  it('names what is short and that a supervisor must authorize it, in es and en', () => {
    useI18n.setState({ language: 'es' });
    expect(errorMessage(belowZero)).toBe(
      'Falta stock: Queso fresco (pide 5, hay 2). Vender bajo cero requiere la clave de un supervisor.',
    );
    useI18n.setState({ language: 'en' });
    expect(errorMessage(belowZero)).toBe(
      "Not enough stock: Queso fresco (wants 5, has 2). Selling below zero needs a supervisor's PIN.",
    );
  });

  it.each<Language>(['es', 'en'])('every stock policy has a label and a hint in %s', (language) => {
    useI18n.setState({ language });
    for (const policy of NEGATIVE_STOCK_POLICIES) {
      expect(tryT(`settings.stock.policies.${policy}.label`)).toBeTruthy();
      expect(tryT(`settings.stock.policies.${policy}.hint`)).toBeTruthy();
    }
    useI18n.setState({ language: 'es' });
    expect(tryT('settings.stock.policies.supervisor.label')).toBe(
      'Con autorización de un supervisor',
    );
  });
});
