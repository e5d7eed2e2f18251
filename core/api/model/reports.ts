/** reports.summary and its parts. */
import type { RateTotal } from '../../tax/types';
import type { MethodTotal, TypeTotal } from './cash';

export interface NamedTotal {
  readonly id: number | null;
  readonly name: string;
  /** Sales for a cashier; sale lines for a category. */
  readonly count: number;
  readonly total: number;
}

export interface ProductTotal {
  readonly productId: number;
  readonly code: string;
  readonly name: string;
  readonly quantity: number;
  readonly total: number;
  readonly profit: number;
}

export interface DayTotal {
  readonly date: string;
  readonly count: number;
  readonly total: number;
}

export interface HourTotal {
  readonly hour: number;
  readonly count: number;
  readonly total: number;
}

/** reports.summary: a date range at a glance; voided sales are counted apart. */
export interface Summary {
  readonly from: string;
  readonly to: string;
  readonly currency: string;
  readonly sales: {
    readonly count: number;
    readonly gross: number;
    readonly discounts: number;
    readonly base: number;
    readonly exempt: number;
    readonly unaffected: number;
    readonly tax: number;
    readonly fixedTax: number;
    readonly igtf: number;
    /**
     * Cash rounded to the coin (DOMAIN.md, "Cash rounding"), ≤ 0: the documents
     * keep their totals, so Σ byMethod = total + igtf + cashRounding to the cent.
     */
    readonly cashRounding: number;
    readonly total: number;
    readonly averageTicket: number;
  };
  readonly taxes: readonly RateTotal[];
  readonly voids: { readonly count: number; readonly total: number };
  readonly returns: { readonly count: number; readonly total: number };
  readonly byMethod: readonly MethodTotal[];
  readonly byCashier: readonly NamedTotal[];
  readonly byCategory: readonly NamedTotal[];
  readonly topProducts: readonly ProductTotal[];
  readonly profit: { readonly revenue: number; readonly cost: number; readonly profit: number };
  readonly extraIncome: readonly TypeTotal[];
  readonly expenses: readonly TypeTotal[];
  readonly perDay: readonly DayTotal[];
  readonly perHour: readonly HourTotal[];
}
