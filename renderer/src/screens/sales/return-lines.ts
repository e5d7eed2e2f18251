/**
 * The return dialog's picks: how much of each line may still go back, and the
 * request sales.return takes. The main process checks the same limits.
 */
import type { SaleLine } from '../../../../core/api/model';
import { fromThousandths, toThousandths } from './quantities';

/** Thousandths of a line sold and not yet returned. */
export function returnable(line: SaleLine): number {
  return Math.max(0, toThousandths(line.quantity) - toThousandths(line.returnedQuantity));
}

export type PickProblem = 'tooMany' | 'wholeUnits' | null;

export function pickProblem(line: SaleLine, thousandths: number): PickProblem {
  if (thousandths > returnable(line)) return 'tooMany';
  if (line.soldBy === 'unit' && thousandths % 1000 !== 0) return 'wholeUnits';
  return null;
}

/** Picks keyed by sale line id, in thousandths → the lines of a sales.return request. */
export function returnLines(
  picks: Readonly<Record<number, number>>,
): { saleLineId: number; quantity: number }[] {
  return Object.entries(picks)
    .filter(([, thousandths]) => thousandths > 0)
    .map(([id, thousandths]) => ({
      saleLineId: Number(id),
      quantity: fromThousandths(thousandths),
    }));
}
