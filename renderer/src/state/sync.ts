import { create } from 'zustand';
import type { SyncStatus } from '../../../core/api/areas/sync';
import { api } from '../api/client';

interface SyncState {
  /** Null until the first answer (or while logged out). */
  readonly status: SyncStatus | null;
  refresh(): Promise<void>;
  set(status: SyncStatus): void;
}

/**
 * The till's sync state, shared by the header's indicator and Settings ›
 * Sincronización, so sending from one updates the other at once. A refused
 * read (logged out) just leaves the last state: the header is no place for errors.
 */
export const useSync = create<SyncState>((set) => ({
  status: null,
  async refresh() {
    const result = await api.call('sync.status', {});
    if (result.ok) set({ status: result.value });
  },
  set(status) {
    set({ status });
  },
}));
