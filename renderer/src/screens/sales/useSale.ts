import { useCallback, useEffect, useState } from 'react';
import type { Sale } from '../../../../core/api/model';
import type { ErrorInfo } from '../../../../core/errors';
import { api } from '../../api/client';

/** One sale by id, reloadable after a void, an edit or a return. */
export function useSale(id: string): {
  sale: Sale | null;
  error: ErrorInfo | null;
  reload(): void;
  replace(sale: Sale): void;
} {
  const [state, setState] = useState<{ id: string; sale: Sale | null; error: ErrorInfo | null }>({
    id,
    sale: null,
    error: null,
  });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    void api.call('sales.get', { id }).then((result) => {
      if (!live) return;
      setState(
        result.ok
          ? { id, sale: result.value, error: null }
          : { id, sale: null, error: result.error },
      );
    });
    return () => {
      live = false;
    };
  }, [id, version]);
  const current = state.id === id ? state : { sale: null, error: null };
  return {
    sale: current.sale,
    error: current.error,
    reload: useCallback(() => setVersion((v) => v + 1), []),
    replace: useCallback((sale: Sale) => setState({ id: sale.id, sale, error: null }), []),
  };
}
