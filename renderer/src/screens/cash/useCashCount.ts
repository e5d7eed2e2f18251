import { useMemo, useState } from 'react';
import {
  countedPieces,
  countedTotal,
  differenceOf,
  emptyCount,
  setCount,
  toneOf,
  type Count,
  type DifferenceTone,
} from './count';

export interface CashCount {
  readonly count: Count;
  readonly counted: number;
  /** null until the expected cash is known. */
  readonly difference: number | null;
  readonly tone: DifferenceTone | null;
  set(value: number, next: number): void;
  clear(): void;
  /** What cash.close takes: the pieces counted and their sum. */
  request(): { denominations: { value: number; count: number }[]; countedCash: number };
}

/** The live count of the drawer against the expected cash. */
export function useCashCount(currency: string, expected: number | null): CashCount {
  const [state, setState] = useState(() => ({ currency, count: emptyCount(currency) }));
  // A different currency (settings changed) starts a fresh count, during render.
  const count = state.currency === currency ? state.count : emptyCount(currency);
  if (state.currency !== currency) setState({ currency, count });
  const counted = useMemo(() => countedTotal(currency, count), [currency, count]);
  const difference = expected === null ? null : differenceOf(expected, counted);
  return {
    count,
    counted,
    difference,
    tone: difference === null ? null : toneOf(difference),
    set: (value, next) => setState((s) => ({ ...s, count: setCount(s.count, value, next) })),
    clear: () => setState({ currency, count: emptyCount(currency) }),
    request: () => ({ denominations: countedPieces(count), countedCash: counted }),
  };
}
