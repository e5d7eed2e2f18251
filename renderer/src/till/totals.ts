import type { Settings, TaxCategoryInfo } from '../../../core/api/model';
import { computeTaxes } from '../../../core/tax/document';
import type { TaxDocumentResult } from '../../../core/tax/types';
import { DomainError } from '../../../core/errors';
import { taxRulesOf } from '../state/session';
import { toTaxLine, type CartLine } from './cart-lines';

export type Preview = { ok: true; totals: TaxDocumentResult } | { ok: false; reason: string };

/**
 * The cart's totals as the tax engine sees them, so the screen is instant;
 * the main process recomputes them from the lines when the sale is stored.
 */
export function previewTotals(
  lines: readonly CartLine[],
  orderDiscount: number,
  settings: Settings,
  categories: readonly TaxCategoryInfo[],
): Preview {
  try {
    const totals = computeTaxes(
      { lines: lines.map(toTaxLine), orderDiscount },
      taxRulesOf(settings, categories),
    );
    return { ok: true, totals };
  } catch (error) {
    if (error instanceof DomainError)
      return { ok: false, reason: String(error.details?.reason ?? error.code) };
    throw error;
  }
}
