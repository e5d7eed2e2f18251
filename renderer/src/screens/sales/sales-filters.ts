import { create } from 'zustand';
import type { SaleStatus } from '../../../../core/api/model';

export interface SalesFilters {
  /** Store days, YYYY-MM-DD; empty means open-ended. */
  readonly from: string;
  readonly to: string;
  readonly status: SaleStatus | '';
  readonly cashierId: number | null;
  readonly text: string;
  readonly page: number;
}

export const PAGE_SIZE = 25;

const initial: SalesFilters = { from: '', to: '', status: '', cashierId: null, text: '', page: 1 };

interface FiltersState {
  readonly filters: SalesFilters;
  /** Changes a filter and goes back to the first page. */
  change(patch: Partial<Omit<SalesFilters, 'page'>>): void;
  goTo(page: number): void;
  reset(): void;
}

/** The history's filters outlive a visit to a sale's detail and back. */
export const useSalesFilters = create<FiltersState>((set) => ({
  filters: initial,
  change: (patch) => set((s) => ({ filters: { ...s.filters, ...patch, page: 1 } })),
  goTo: (page) => set((s) => ({ filters: { ...s.filters, page } })),
  reset: () => set({ filters: initial }),
}));

/** The sales.list input for these filters: empty ones are left out. */
export function listInput(filters: SalesFilters) {
  return {
    page: filters.page,
    pageSize: PAGE_SIZE,
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.cashierId !== null ? { cashierId: filters.cashierId } : {}),
    ...(filters.text.trim() ? { text: filters.text.trim() } : {}),
  };
}
