import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Customer, Settings } from '../../../../core/api/model';
import { api } from '../../api/client';
import { useSession } from '../../state/session';
import { CustomerDialog } from './CustomerDialog';

vi.mock('../../api/client', () => ({ api: { call: vi.fn() } }));

const customers = [
  { id: 1, name: 'Ana Quispe', documentType: 'DNI', documentNumber: '45678912' },
  { id: 2, name: 'Bodega Los Andes SAC', documentType: 'RUC', documentNumber: '20512345678' },
] as unknown as Customer[];

beforeEach(() => {
  useSession.setState({ settings: { country: 'PE' } as Settings });
  vi.mocked(api.call).mockResolvedValue({ ok: true, value: customers } as never);
});
afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe('CustomerDialog (F3)', () => {
  it('picks a result with ↓ and Enter, keyboard only', async () => {
    const onPick = vi.fn();
    render(<CustomerDialog current={null} onPick={onPick} onClose={vi.fn()} />);
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(2));
    const search = screen.getByRole('textbox', { name: 'Buscar por nombre o documento' });
    await userEvent.type(search, '{ArrowDown}');
    expect(screen.getAllByRole('option')[1]!.getAttribute('aria-selected')).toBe('true');
    await userEvent.type(search, '{Enter}');
    expect(onPick).toHaveBeenCalledWith(
      expect.objectContaining({ id: 2, documentType: 'RUC', documentNumber: '20512345678' }),
    );
  });

  it('carries a typed RUC into "Registrar cliente nuevo"', async () => {
    vi.mocked(api.call).mockResolvedValue({ ok: true, value: [] } as never);
    render(<CustomerDialog current={null} onPick={vi.fn()} onClose={vi.fn()} />);
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Buscar por nombre o documento' }),
      '20601234567',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Registrar cliente nuevo' }));
    expect((screen.getByDisplayValue('20601234567') as HTMLInputElement).value).toBe('20601234567');
    expect((screen.getByRole('combobox') as HTMLSelectElement).value).toBe('RUC');
  });
});
