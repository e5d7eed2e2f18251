/** The till's and the sale detail's totals say what each row is, and the rows add up. */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Settings } from '../../../../core/api/model';
import { profileOf, taxRulesOf } from '../../../../core/profiles';
import { computeTaxes } from '../../../../core/tax/document';
import { useI18n } from '../../i18n';
import { useSession } from '../../state/session';
import { TotalsPanel } from '../till/TotalsPanel';
import { SaleTotals } from './SaleTotals';
import { makeSale } from './testing';

beforeEach(() => {
  useI18n.getState().setStore({ locale: 'es-PE', currency: 'PEN', timeZone: 'America/Lima' });
  useSession.setState({
    settings: { country: 'PE', pricesIncludeTax: true, currency: 'PEN' } as unknown as Settings,
  });
});
afterEach(() => {
  cleanup();
  useI18n.setState({ language: 'es' });
  useSession.setState({ settings: null });
});

/** Each shown row as [label, signed cents]. */
function rows(): [string, number][] {
  return [...document.querySelectorAll('dt, .cs-figure > span:first-child')].map((label) => {
    const value = label.nextElementSibling?.textContent ?? '';
    const cents = Number(value.replace(/[^\d]/g, ''));
    return [label.textContent!.replace(/\u00a0/g, ' '), /[−-]/.test(value) ? -cents : cents];
  });
}

describe('totals that add up', () => {
  it('the till: total before discounts − discounts = TOTAL; op. gravadas (sin IGV) + IGV = TOTAL', () => {
    const pe = profileOf('PE');
    const totals = computeTaxes(
      {
        lines: [
          { quantity: 2000, unitPrice: 1000, taxCategory: pe.defaultTaxCategory, discount: 200 },
        ],
      },
      taxRulesOf(pe),
    );
    render(<TotalsPanel totals={totals} items={2} />);
    const v = Object.fromEntries(rows());
    expect(Object.keys(v)).toEqual([
      'Total antes de descuentos',
      'Descuentos',
      'Op. gravadas (sin IGV)',
      'IGV 18 %',
    ]);
    const total = Number(screen.getByTestId('total').textContent!.replace(/[^\d]/g, ''));
    expect(total).toBe(1800);
    expect(v['Total antes de descuentos']! + v['Descuentos']!).toBe(total);
    expect(v['Op. gravadas (sin IGV)']! + v['IGV 18 %']!).toBe(total);
  });

  it('the sale detail names no bare "Subtotal"; with prices without tax the rows add up in order', () => {
    render(
      <SaleTotals
        sale={makeSale({
          pricesIncludeTax: false,
          gross: 1000,
          discount: 100,
          taxed: [{ rate: 1800, base: 900, tax: 162 }],
          exempt: 0,
          unaffected: 0,
          fixedTaxes: [],
          total: 1062,
          igtf: 0,
          due: 1062,
        })}
      />,
    );
    const shown = rows();
    expect(shown.map(([l]) => l)).not.toContain('Subtotal');
    const v = Object.fromEntries(shown);
    expect(v['Subtotal antes de descuentos (sin impuesto)']! + v['Descuentos']!).toBe(
      v['Op. gravada 18 % (sin IGV)'],
    );
    // The tax row is named as the till names it (IGV in Peru), not a bare "Impuesto".
    expect(v['Op. gravada 18 % (sin IGV)']! + v['IGV 18 %']!).toBe(v['Total']);
  });

  it('the sale detail shows the cash rounding, and the rounded total is what was settled', () => {
    render(
      <SaleTotals
        sale={makeSale({
          pricesIncludeTax: true,
          gross: 4026,
          discount: 0,
          taxed: [{ rate: 1800, base: 3412, tax: 614 }],
          exempt: 0,
          unaffected: 0,
          fixedTaxes: [],
          total: 4026,
          igtf: 0,
          due: 4026,
          cashRounding: -6,
        })}
      />,
    );
    const v = Object.fromEntries(rows());
    expect(v['Redondeo del efectivo']).toBe(-6);
    expect(v['Total']! + v['Redondeo del efectivo']!).toBe(v['Total redondeado']);
    expect(v['Total redondeado']).toBe(4020);
  });
});
