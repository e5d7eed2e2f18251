import { render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CashReport } from '../../../../core/api/model';
import { useI18n } from '../../i18n';
import { CashReportView } from './CashReportView';

/** A Peruvian Z with cash rounded to S/ 0.10: 40.26 paid 40.20, 4.75 paid 4.70, a refund of 20.13 paid 20.20. */
function zReport(cashRounding: CashReport['cashRounding']): CashReport {
  return {
    kind: 'Z',
    currency: 'PEN',
    generatedAt: '2026-03-06T15:30:00.000Z',
    session: {
      id: 's1',
      number: 12,
      registerId: 1,
      registerCode: 'CAJA1',
      status: 'CERRADA',
      openingFloat: 10000,
      openedBy: { id: 1, name: 'Ana' },
      openedAt: '2026-03-06T13:00:00.000Z',
      closedBy: { id: 1, name: 'Ana' },
      closedAt: '2026-03-06T15:30:00.000Z',
      expectedCash: 12470,
      countedCash: 12470,
      difference: 0,
      denominations: null,
      notes: '',
    },
    sales: { count: 3, total: 6514 },
    byMethod: [
      { method: 'EFECTIVO', currency: 'PEN', count: 2, amount: 4490 },
      { method: 'TARJETA', currency: 'PEN', count: 1, amount: 2013 },
    ],
    taxes: [],
    exempt: 0,
    unaffected: 0,
    fixedTax: 0,
    igtf: 0,
    cashRounding,
    discounts: 0,
    voids: { count: 0, total: 0 },
    returns: { count: 1, total: 2013, cash: 2020 },
    movementsIn: [],
    movementsOut: [],
    cash: {
      float: 10000,
      received: 6000,
      change: 1510,
      in: 0,
      out: 0,
      refunds: 2020,
      expected: 12470,
      counted: 12470,
      difference: 0,
    },
  };
}

beforeEach(() => {
  useI18n.getState().setStore({ locale: 'es-PE', currency: 'PEN', timeZone: 'America/Lima' });
});

describe('CashReportView: cash rounding', () => {
  it('shows what the sales and the cash refunds were rounded, in Spanish and English', () => {
    useI18n.getState().setLanguage('es');
    const { unmount } = render(<CashReportView report={zReport({ sales: -11, refunds: 7 })} />);
    expect(screen.getByText('Redondeo del efectivo')).toBeTruthy();
    expect(screen.getByTestId('z-cash-rounding').textContent).toBe('-S/\u00a00.11');
    expect(screen.getByText('Redondeo de devoluciones en efectivo')).toBeTruthy();
    expect(screen.getByTestId('z-refund-rounding').textContent).toBe('S/\u00a00.07');
    expect(screen.getByTestId('expected-cash').textContent).toBe('S/\u00a0124.70');
    unmount();

    useI18n.getState().setLanguage('en');
    render(<CashReportView report={zReport({ sales: -11, refunds: 7 })} />);
    expect(screen.getByText('Cash rounding')).toBeTruthy();
    expect(screen.getByText('Cash refund rounding')).toBeTruthy();
  });

  it('shows no rounding rows when nothing was rounded', () => {
    useI18n.getState().setLanguage('es');
    render(<CashReportView report={zReport({ sales: 0, refunds: 0 })} />);
    expect(screen.queryByTestId('z-cash-rounding')).toBeNull();
    expect(screen.queryByTestId('z-refund-rounding')).toBeNull();
  });
});
