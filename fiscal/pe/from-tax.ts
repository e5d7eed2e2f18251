/**
 * From the tax engine's result (core) to the lines and totals of a document:
 * the same figures the sale stores, so the XML, the PDF and the database agree.
 */
import type { TaxDocumentResult, TaxLineResult } from '../../core/tax/types';
import type { PeLine, PeTotals, PeUnitCode } from './model';

export interface LineDescription {
  readonly code: string;
  readonly name: string;
  readonly unitCode: PeUnitCode;
}

/** Units sold by weight are kilograms; the rest are units ("NIU"). */
export function unitCodeOf(soldBy: 'unit' | 'weight'): PeUnitCode {
  return soldBy === 'weight' ? 'KGM' : 'NIU';
}

export function peLineOf(line: TaxLineResult, description: LineDescription): PeLine {
  return {
    ...description,
    quantity: line.quantity,
    unitPrice: line.unitPrice,
    kind: line.kind,
    rate: line.rate,
    gross: line.gross,
    discount: line.lineDiscount + line.orderDiscount,
    base: line.base,
    tax: line.tax,
    fixedTaxes: line.fixedTaxes.map((fixed) => ({
      code: fixed.code,
      amount: fixed.amount,
      // Per whole unit: the engine charged amountPerUnit × quantity / 1000.
      amountPerUnit: Math.round((fixed.amount * 1000) / line.quantity),
    })),
  };
}

export function peTotalsOf(result: TaxDocumentResult): PeTotals {
  return {
    taxableBase: result.taxableBase,
    exempt: result.exempt,
    unaffected: result.unaffected,
    tax: result.tax,
    fixedTax: result.fixedTax,
    total: result.total,
  };
}
