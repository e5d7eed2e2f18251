import { useCallback, useEffect, useState } from 'react';
import type { CashMovement, CashReport, CashSession } from '../../../../core/api/model';
import { callOrToast } from '../../api/use-call';

interface Loaded {
  /** undefined while loading; null when no session is open. */
  readonly session: CashSession | null | undefined;
  readonly report: CashReport | null;
  readonly movements: readonly CashMovement[];
  readonly history: readonly CashSession[];
}

export interface CashSessionState extends Loaded {
  reload(): void;
}

async function load(): Promise<Loaded | null> {
  const [current, history] = await Promise.all([
    callOrToast('cash.current', {}),
    callOrToast('cash.list', { limit: 30 }),
  ]);
  if (current === undefined) return null;
  if (current === null)
    return { session: null, report: null, movements: [], history: history ?? [] };
  const [report, movements] = await Promise.all([
    callOrToast('cash.report', {}),
    callOrToast('cash.movements', {}),
  ]);
  return {
    session: current,
    report: report ?? null,
    movements: movements ?? [],
    history: history ?? [],
  };
}

/** The register's open session with its X report and movements, and the past sessions. */
export function useCashSession(): CashSessionState {
  const [state, setState] = useState<Loaded>({
    session: undefined,
    report: null,
    movements: [],
    history: [],
  });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    void load().then((loaded) => {
      if (live && loaded) setState(loaded);
    });
    return () => {
      live = false;
    };
  }, [version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { ...state, reload };
}
