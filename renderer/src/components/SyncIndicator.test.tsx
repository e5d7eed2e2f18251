import { render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SyncStatus } from '../../../core/api/areas/sync';
import { api } from '../api/client';
import { useI18n } from '../i18n';
import { useSync } from '../state/sync';
import { SyncIndicator } from './SyncIndicator';

vi.mock('../api/client', () => ({ api: { call: vi.fn() } }));

const base: SyncStatus = {
  phase: 'synced',
  enrolled: true,
  serverUrl: 'http://192.168.1.10:5858',
  deviceId: '00000000-0000-4000-8000-000000000001',
  storeId: '00000000-0000-4000-8000-000000000002',
  registerCode: 'CAJA1',
  series: [{ documentType: 'BOLETA', series: 'B001' }],
  enrolledAt: '2026-12-05T14:00:00.000Z',
  pending: 0,
  acknowledgedSeq: 10,
  lastAttemptAt: null,
  lastSuccessAt: '2026-12-05T15:00:00.000Z',
  offlineSince: null,
  lastError: null,
  attention: null,
  clockOffsetMs: 1000,
  clockWarning: false,
  review: [],
  lastPulledAt: null,
};

function answer(status: Partial<SyncStatus>) {
  vi.mocked(api.call).mockResolvedValue({ ok: true, value: { ...base, ...status } } as never);
}

beforeEach(() => {
  useSync.setState({ status: null });
  useI18n.setState({ language: 'es' });
  useI18n.getState().setStore({ locale: 'es-PE', currency: 'PEN', timeZone: 'America/Lima' });
});
afterEach(() => vi.clearAllMocks());

describe('SyncIndicator', () => {
  it('shows nothing on a till that does not sync', async () => {
    answer({ enrolled: false, phase: 'not-enrolled' });
    const { container } = render(<SyncIndicator />);
    await vi.waitFor(() => expect(api.call).toHaveBeenCalledWith('sync.status', {}));
    expect(container.textContent).toBe('');
  });

  it.each([
    [{ phase: 'synced' as const }, 'Sincronizado'],
    [{ phase: 'pending' as const, pending: 3 }, '3 pendientes'],
    [{ phase: 'pending' as const, pending: 1 }, '1 pendiente'],
    // 14:05 UTC is 09:05 in Lima: the store's clock, not the computer's.
    [
      { phase: 'offline' as const, pending: 2, offlineSince: '2026-12-05T14:05:00.000Z' },
      'Sin conexión desde las 9:05 a. m.',
    ],
    [{ phase: 'attention' as const, attention: 'REVOKED' }, 'Sincronización: requiere atención'],
  ])('says %j as "%s"', async (status, text) => {
    answer(status);
    render(<SyncIndicator />);
    expect((await screen.findByTestId('sync-indicator')).textContent).toContain(text);
  });

  it('warns when the clock is off, in English too', async () => {
    useI18n.setState({ language: 'en' });
    answer({ phase: 'pending', pending: 2, clockOffsetMs: -5 * 60_000, clockWarning: true });
    render(<SyncIndicator />);
    const indicator = await screen.findByTestId('sync-indicator');
    expect(indicator.textContent).toContain('2 pending');
    expect(indicator.textContent).toContain('Clock off');
    expect(screen.getByTitle(/5 min off the central server/)).toBeTruthy();
  });
});
