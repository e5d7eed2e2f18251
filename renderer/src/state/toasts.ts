import { create } from 'zustand';

export type ToastKind = 'info' | 'success' | 'error' | 'warning';

export interface Toast {
  readonly id: number;
  readonly kind: ToastKind;
  readonly text: string;
}

interface ToastState {
  readonly toasts: readonly Toast[];
  push(kind: ToastKind, text: string, ms?: number): void;
  dismiss(id: number): void;
}

let next = 1;

/**
 * Non-blocking messages: they never take focus, so a scanner typing into the
 * till keeps landing in the scan field while a message is on screen.
 */
export const useToasts = create<ToastState>((set, get) => ({
  toasts: [],
  push(kind, text, ms = kind === 'error' ? 6000 : 3500) {
    const id = next++;
    set({ toasts: [...get().toasts.slice(-2), { id, kind, text }] });
    setTimeout(() => get().dismiss(id), ms);
  },
  dismiss(id) {
    set({ toasts: get().toasts.filter((t) => t.id !== id) });
  },
}));
