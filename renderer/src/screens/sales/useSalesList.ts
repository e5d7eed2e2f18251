import { useEffect, useState } from 'react';
import type { Page, SaleListItem } from '../../../../core/api/model';
import { callOrToast } from '../../api/use-call';
import { listInput, type SalesFilters } from './sales-filters';

/**
 * sales.list for the filters, newest first. Typing in the search box waits a
 * moment so each keystroke does not ask the API.
 */
export function useSalesList(filters: SalesFilters): {
  page: Page<SaleListItem> | null;
  loading: boolean;
} {
  const [state, setState] = useState<{ key: string; page: Page<SaleListItem> | null }>({
    key: '',
    page: null,
  });
  const input = listInput(filters);
  const key = JSON.stringify(input);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      void callOrToast('sales.list', JSON.parse(key) as typeof input).then((page) => {
        if (live && page) setState({ key, page });
      });
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key]);
  return { page: state.page, loading: state.key !== key };
}
