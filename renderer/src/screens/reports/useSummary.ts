import { useEffect, useRef, useState } from 'react';
import type { Summary } from '../../../../core/api/model';
import { callOrToast } from '../../api/use-call';
import type { Period } from './period';

export const TOP_PRODUCTS = 10;

interface Answer {
  /** The period the last answer was for. */
  readonly key: string;
  readonly summary: Summary | null;
}

/**
 * reports.summary for a period. The previous summary stays on screen (dimmed)
 * while the next one loads; the newest request wins.
 */
export function useSummary(period: Period | null) {
  const [answer, setAnswer] = useState<Answer | null>(null);
  const asked = useRef(0);
  const from = period?.from;
  const to = period?.to;
  const key = from && to ? `${from}|${to}` : null;

  useEffect(() => {
    if (!from || !to) return;
    const ticket = ++asked.current;
    void callOrToast('reports.summary', { from, to, top: TOP_PRODUCTS }).then((result) => {
      if (ticket !== asked.current) return;
      setAnswer((previous) => ({
        key: `${from}|${to}`,
        summary: result ?? previous?.summary ?? null,
      }));
    });
  }, [from, to]);

  return { summary: answer?.summary ?? null, loading: key !== null && answer?.key !== key };
}
