import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SyncStatus } from '../../../../core/api/areas/sync';
import { api } from '../../api/client';
import { call, CallError } from '../../api/use-call';
import type * as UseCall from '../../api/use-call';
import { useI18n } from '../../i18n';
import { useSync } from '../../state/sync';
import { useToasts } from '../../state/toasts';
import { SyncSection } from './SyncSection';

vi.mock('../../api/client', () => ({ api: { call: vi.fn() } }));
vi.mock('../../api/use-call', async (original) => ({
  ...(await original<typeof UseCall>()),
  call: vi.fn(),
}));

const notEnrolled = {
  phase: 'not-enrolled',
  enrolled: false,
  serverUrl: null,
  deviceId: null,
  storeId: null,
  registerCode: null,
  series: [],
  enrolledAt: null,
  pending: 12,
  acknowledgedSeq: 0,
  lastAttemptAt: null,
  lastSuccessAt: null,
  offlineSince: null,
  lastError: null,
  attention: null,
  clockOffsetMs: null,
  clockWarning: false,
  review: [],
  lastPulledAt: null,
} satisfies SyncStatus;

beforeEach(() => {
  useSync.setState({ status: null });
  useI18n.setState({ language: 'es' });
  useI18n.getState().setStore({ locale: 'es-PE', currency: 'PEN', timeZone: 'America/Lima' });
});
afterEach(() => vi.clearAllMocks());

describe('SyncSection', () => {
  it('enrols with the address and the code, and says in Spanish why a code is refused', async () => {
    vi.mocked(api.call).mockResolvedValue({ ok: true, value: notEnrolled } as never);
    vi.mocked(call).mockRejectedValue(
      new CallError({
        code: 'VALIDATION',
        message: 'The enrolment code is wrong, expired or already used',
        details: { reason: 'ENROLMENT_CODE_INVALID' },
      }),
    );
    render(<SyncSection />);
    expect(await screen.findByText(/todavía no está inscrita/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Dirección del servidor'), {
      target: { value: 'http://192.168.1.10:5858' },
    });
    fireEvent.change(screen.getByLabelText('Código de inscripción'), {
      target: { value: 'k7qm-2xrp-9tda' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Inscribir esta caja' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'El código de inscripción es incorrecto',
    );
    expect(call).toHaveBeenCalledWith('sync.enroll', {
      serverUrl: 'http://192.168.1.10:5858',
      code: 'K7QM-2XRP-9TDA',
      replace: false,
    });
  });

  it('shows a revoked till what to do, with its pending count and the form for a new code', async () => {
    const revoked: SyncStatus = {
      ...notEnrolled,
      phase: 'attention',
      enrolled: true,
      serverUrl: 'http://192.168.1.10:5858',
      registerCode: 'CAJA1',
      series: [{ documentType: 'BOLETA', series: 'B001' }],
      enrolledAt: '2026-12-05T14:00:00.000Z',
      pending: 7,
      attention: 'REVOKED',
      lastError: {
        code: 'REVOKED',
        message: 'This device was revoked',
        at: '2026-12-05T15:00:00.000Z',
      },
    };
    vi.mocked(api.call).mockResolvedValue({ ok: true, value: revoked } as never);
    render(<SyncSection />);
    expect((await screen.findByRole('alert')).textContent).toContain(
      'El servidor revocó esta caja',
    );
    expect(screen.getByTestId('sync-pending').textContent).toBe('7');
    expect(screen.getByText('Inscribir de nuevo con otro código')).toBeTruthy();
  });

  it('shows when the catalogue was last received and says what sync now brought down', async () => {
    const synced: SyncStatus = {
      ...notEnrolled,
      phase: 'synced',
      enrolled: true,
      serverUrl: 'http://192.168.1.10:5858',
      registerCode: 'CAJA1',
      enrolledAt: '2026-12-05T14:00:00.000Z',
      pending: 0,
      lastSuccessAt: '2026-12-05T15:00:00.000Z',
      lastPulledAt: '2026-12-05T15:30:00.000Z',
    };
    vi.mocked(api.call).mockResolvedValue({ ok: true, value: synced } as never);
    vi.mocked(call).mockResolvedValue({
      sent: 0,
      acknowledged: 0,
      replayed: 0,
      rejected: 0,
      pulled: { applied: 3, deactivated: 0, keptLocal: 0, skipped: 0 },
      status: synced,
    } as never);
    useToasts.setState({ toasts: [] });
    render(<SyncSection />);
    expect((await screen.findByTestId('sync-last-pulled')).textContent).toBe(
      '5/12/26, 10:30 a. m.',
    );
    expect(screen.getByText('Catálogo recibido')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Enviar ahora' }));
    await vi.waitFor(() =>
      expect(useToasts.getState().toasts.map((t) => t.text)).toEqual([
        '3 productos actualizados desde el servidor.',
      ]),
    );
    expect(call).toHaveBeenCalledWith('sync.pushNow', {});
  });
});
