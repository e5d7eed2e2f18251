import type { RoundingMode } from '../money/rounding';

/**
 * How a tax category treats a sale:
 * - TAXED: IGV/IVA at `rate` (a rate of 0 is zero-rated but still "gravado");
 * - EXEMPT: exonerado / exento, shown apart;
 * - UNAFFECTED: inafecto / excluido / no gravado, shown apart.
 */
export type TaxKind = 'TAXED' | 'EXEMPT' | 'UNAFFECTED';

/** A tax charged per unit sold, outside the base and the IGV/IVA (Peru's ICBPER). */
export interface FixedUnitTax {
  readonly code: string;
  readonly name: string;
  /** Minor units per whole unit sold. */
  readonly amountPerUnit: number;
}

export interface TaxCategory {
  readonly code: string;
  readonly name: string;
  readonly kind: TaxKind;
  /** Basis points: 1800 is 18 %. Zero for EXEMPT and UNAFFECTED. */
  readonly rate: number;
  readonly fixedTaxes?: readonly FixedUnitTax[];
}

/**
 * - unit: tax one unit, round, multiply by quantity (Colombia "prices without IVA").
 * - line: compute each line from its total and round once; the document sums lines.
 * - document: sum exact amounts per rate and round once per rate.
 */
export const ROUNDING_METHODS = ['unit', 'line', 'document'] as const;
export type RoundingMethod = (typeof ROUNDING_METHODS)[number];

/**
 * - net: the rate applies to the base (IGV, IVA in most countries).
 * - gross: the rate applies to the tax-included amount (Bolivia's 13 %).
 */
export type TaxBasis = 'net' | 'gross';

/** Everything the engine needs to know about the store's tax setup. */
export interface TaxRules {
  readonly pricesIncludeTax: boolean;
  readonly roundingMethod: RoundingMethod;
  readonly roundingMode: RoundingMode;
  readonly taxBasis: TaxBasis;
  readonly categories: readonly TaxCategory[];
}

export interface TaxLineInput {
  /** Thousandths: 1000 is one unit, 1250 is 1.25 kg. */
  readonly quantity: number;
  /** Minor units, tax-included or not per `TaxRules.pricesIncludeTax`. */
  readonly unitPrice: number;
  readonly taxCategory: string;
  /** Minor units off this line, in the same basis as the price. */
  readonly discount?: number;
  /**
   * The line's amount when a label already fixes it (a scale label with an
   * embedded price): used instead of quantity × unit price, which then only
   * describe the line.
   */
  readonly fixedAmount?: number;
}

export interface TaxDocumentInput {
  readonly lines: readonly TaxLineInput[];
  /** Minor units off the whole order, spread over the lines by largest remainder. */
  readonly orderDiscount?: number;
}

export interface FixedTaxAmount {
  readonly code: string;
  readonly name: string;
  readonly amount: number;
}

export interface TaxLineResult {
  readonly quantity: number;
  readonly unitPrice: number;
  readonly taxCategory: string;
  readonly kind: TaxKind;
  readonly rate: number;
  /** quantity × unit price, rounded once, before discounts (price basis). */
  readonly gross: number;
  readonly lineDiscount: number;
  /** This line's share of the order discount. */
  readonly orderDiscount: number;
  /** gross − discounts (price basis). */
  readonly amount: number;
  /** Taxable base for TAXED lines; the exempt or unaffected amount otherwise. */
  readonly base: number;
  readonly tax: number;
  /** Only under the `unit` method: the rounded tax of one unit. */
  readonly unitTax?: number;
  readonly fixedTaxes: readonly FixedTaxAmount[];
  readonly fixedTax: number;
  /** base + tax + fixedTax. */
  readonly total: number;
}

export interface RateTotal {
  readonly rate: number;
  readonly base: number;
  readonly tax: number;
}

export interface TaxDocumentResult {
  readonly lines: readonly TaxLineResult[];
  readonly gross: number;
  readonly lineDiscount: number;
  readonly orderDiscount: number;
  /** lineDiscount + orderDiscount. */
  readonly discount: number;
  /** TAXED bases and taxes per rate, highest rate first. */
  readonly taxed: readonly RateTotal[];
  /** Σ taxed bases: "op. gravadas", "neto gravado". */
  readonly taxableBase: number;
  readonly exempt: number;
  readonly unaffected: number;
  /** Σ IGV/IVA. */
  readonly tax: number;
  readonly fixedTaxes: readonly FixedTaxAmount[];
  readonly fixedTax: number;
  /** taxableBase + exempt + unaffected + tax + fixedTax. */
  readonly total: number;
}
