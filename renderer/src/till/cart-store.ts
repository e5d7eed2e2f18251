import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { ScanResult } from '../../../core/api/model';
import type { DocumentType } from '../../../core/numbering';
import {
  addScan,
  removeLine,
  setQuantity,
  stepQuantity,
  updateLine,
  type CartLine,
} from './cart-lines';
import { uuid } from '../api/uuid';

export interface CartCustomer {
  readonly id: number | null;
  readonly name: string;
  readonly documentType: string | null;
  readonly documentNumber: string | null;
}

export interface HeldCart {
  readonly id: string;
  readonly heldAt: string;
  readonly lines: readonly CartLine[];
  readonly customer: CartCustomer | null;
  readonly orderDiscount: number;
}

interface CartState {
  readonly lines: readonly CartLine[];
  readonly selected: string | null;
  readonly customer: CartCustomer | null;
  readonly documentType: DocumentType | null;
  readonly orderDiscount: number;
  /**
   * The id the next sale will be created with. Made when the cart starts and
   * kept until the sale is stored, so a retry after a network hiccup can never
   * make a second sale.
   */
  readonly saleId: string;
  readonly held: readonly HeldCart[];
  /** `anyLine`: a search pick, which adds to the product's line wherever it is. */
  applyScan(scan: ScanResult, options?: { anyLine?: boolean }): void;
  select(key: string | null): void;
  moveSelection(step: 1 | -1): void;
  remove(key: string): void;
  setQuantity(key: string, thousandths: number): void;
  step(key: string, direction: 1 | -1): void;
  updateLine(
    key: string,
    changes: Partial<Pick<CartLine, 'quantity' | 'unitPrice' | 'discount'>>,
  ): void;
  setCustomer(customer: CartCustomer | null): void;
  setDocumentType(type: DocumentType | null): void;
  setOrderDiscount(amount: number): void;
  clear(): void;
  hold(): void;
  resume(id: string): void;
  /** After the sale is stored: a fresh cart with a fresh id. */
  completed(): void;
  /**
   * The same cart under a new sale id: the old id already holds a different
   * sale (IDEMPOTENCY_MISMATCH), so charging this cart is a new sale.
   */
  renewSaleId(): void;
  /** New list prices for products (after the stored prices changed); overridden lines keep theirs. */
  reprice(prices: ReadonlyMap<number, number>): void;
}

const empty = () => ({
  lines: [] as CartLine[],
  selected: null,
  customer: null,
  documentType: null,
  orderDiscount: 0,
  saleId: uuid(),
});

/**
 * The till's cart. Persisted to localStorage on every change, so it survives
 * a reload or a crash of the window; held carts too.
 */
export const useCart = create<CartState>()(
  persist(
    (set, get) => ({
      ...empty(),
      held: [],
      applyScan(scan, options) {
        const { lines, key } = addScan(get().lines, scan, options);
        set({ lines, selected: key });
      },
      select(key) {
        set({ selected: key });
      },
      moveSelection(step) {
        const { lines, selected } = get();
        if (lines.length === 0) return;
        const index = lines.findIndex((l) => l.key === selected);
        const next =
          index < 0 ? lines.length - 1 : Math.min(lines.length - 1, Math.max(0, index + step));
        set({ selected: lines[next]!.key });
      },
      remove(key) {
        const lines = removeLine(get().lines, key);
        set({ lines, selected: lines.at(-1)?.key ?? null });
      },
      setQuantity(key, thousandths) {
        const lines = setQuantity(get().lines, key, thousandths);
        set({
          lines,
          selected: lines.some((l) => l.key === key) ? key : (lines.at(-1)?.key ?? null),
        });
      },
      step(key, direction) {
        const lines = stepQuantity(get().lines, key, direction);
        set({
          lines,
          selected: lines.some((l) => l.key === key) ? key : (lines.at(-1)?.key ?? null),
        });
      },
      updateLine(key, changes) {
        set({ lines: updateLine(get().lines, key, changes) });
      },
      setCustomer(customer) {
        set({ customer });
      },
      setDocumentType(documentType) {
        set({ documentType });
      },
      setOrderDiscount(orderDiscount) {
        set({ orderDiscount });
      },
      clear() {
        set({ ...empty(), saleId: get().saleId });
      },
      hold() {
        const { lines, customer, orderDiscount, held } = get();
        if (lines.length === 0) return;
        const parked: HeldCart = {
          id: uuid(),
          heldAt: new Date().toISOString(),
          lines,
          customer,
          orderDiscount,
        };
        set({ ...empty(), held: [...held, parked] });
      },
      resume(id) {
        const { held, lines, customer, orderDiscount } = get();
        const target = held.find((h) => h.id === id);
        if (!target) return;
        // The cart in progress is parked in its place, never thrown away.
        const rest = held.filter((h) => h.id !== id);
        const parkCurrent: HeldCart[] =
          lines.length > 0
            ? [
                {
                  id: uuid(),
                  heldAt: new Date().toISOString(),
                  lines,
                  customer,
                  orderDiscount,
                },
              ]
            : [];
        set({
          ...empty(),
          lines: target.lines,
          customer: target.customer,
          orderDiscount: target.orderDiscount,
          selected: target.lines.at(-1)?.key ?? null,
          held: [...rest, ...parkCurrent],
        });
      },
      completed() {
        set({ ...empty() });
      },
      renewSaleId() {
        set({ saleId: crypto.randomUUID() });
      },
      reprice(prices) {
        set({
          lines: get().lines.map((l) => {
            const price = prices.get(l.productId);
            if (price === undefined || l.fixedAmount !== null) return l;
            return {
              ...l,
              listPrice: price,
              unitPrice: l.unitPrice === l.listPrice ? price : l.unitPrice,
            };
          }),
        });
      },
    }),
    {
      name: 'tendero.cart',
      storage: createJSONStorage(() => localStorage),
      version: 1,
    },
  ),
);
