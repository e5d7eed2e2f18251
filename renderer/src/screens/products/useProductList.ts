import { useCallback, useEffect, useRef, useState } from 'react';
import type { Product, ProductHit } from '../../../../core/api/model';
import { callOrToast } from '../../api/use-call';

export interface ProductFilters {
  readonly text: string;
  readonly categoryId: number | null;
  readonly lowStock: boolean;
  readonly includeInactive: boolean;
  readonly page: number;
}

export type ProductRows =
  | { readonly kind: 'page'; readonly items: readonly Product[]; readonly total: number }
  | { readonly kind: 'search'; readonly items: readonly ProductHit[] };

export const PAGE_SIZE = 50;
const TYPE_AHEAD_MS = 200;

/**
 * The catalog as the list shows it: a page of products.list under the
 * filters, or, while there is search text, products.search's best matches
 * (type-ahead, newest answer wins).
 */
export function useProductList() {
  const [filters, setFilters] = useState<ProductFilters>({
    text: '',
    categoryId: null,
    lowStock: false,
    includeInactive: false,
    page: 1,
  });
  const [rows, setRows] = useState<ProductRows | null>(null);
  const [loading, setLoading] = useState(true);
  const [version, setVersion] = useState(0);
  const asked = useRef(0);

  useEffect(() => {
    const ticket = ++asked.current;
    const text = filters.text.trim();
    const run = async () => {
      setLoading(true);
      const next: ProductRows | undefined = text
        ? await callOrToast('products.search', {
            text,
            limit: 100,
            includeInactive: filters.includeInactive,
          }).then((items) => items && { kind: 'search' as const, items })
        : await callOrToast('products.list', {
            page: filters.page,
            pageSize: PAGE_SIZE,
            lowStock: filters.lowStock,
            includeInactive: filters.includeInactive,
            ...(filters.categoryId === null ? {} : { categoryId: filters.categoryId }),
          }).then(
            (page) => page && { kind: 'page' as const, items: page.items, total: page.total },
          );
      if (ticket !== asked.current) return;
      if (next) setRows(next);
      setLoading(false);
    };
    const timer = setTimeout(() => void run(), text ? TYPE_AHEAD_MS : 0);
    return () => clearTimeout(timer);
  }, [filters, version]);

  const update = useCallback(
    (change: Partial<ProductFilters>) => setFilters((f) => ({ ...f, page: 1, ...change })),
    [],
  );
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { filters, update, rows, loading, reload };
}
