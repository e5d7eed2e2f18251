/**
 * Builders for tax tests (STYLE.md: builders with overrides). Pure, so they
 * can serve tests anywhere, but nothing in the product imports them.
 */
import { PROFILES, taxRulesOf, type CountryCode } from '../profiles';
import type { TaxLineInput, TaxRules } from './types';

export function rulesFor(country: CountryCode, overrides: Partial<TaxRules> = {}): TaxRules {
  return taxRulesOf(PROFILES[country], overrides);
}

export function makeLine(
  overrides: Partial<TaxLineInput> & Pick<TaxLineInput, 'taxCategory'>,
): TaxLineInput {
  return { quantity: 1000, unitPrice: 100, ...overrides };
}

/** n whole units at a price in minor units. */
export function units(
  n: number,
  unitPrice: number,
  taxCategory: string,
  discount?: number,
): TaxLineInput {
  return discount === undefined
    ? { quantity: n * 1000, unitPrice, taxCategory }
    : { quantity: n * 1000, unitPrice, taxCategory, discount };
}
