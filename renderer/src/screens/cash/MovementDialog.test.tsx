import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../api/client';
import { CallError, call } from '../../api/use-call';
import type * as UseCall from '../../api/use-call';
import { MovementDialog } from './MovementDialog';

vi.mock('../../api/use-call', async (original) => ({
  ...(await original<typeof UseCall>()),
  call: vi.fn(),
}));

vi.mock('../../api/client', () => ({ api: { call: vi.fn() } }));

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

const options = () =>
  [...screen.getByLabelText('Concepto').querySelectorAll('option')].map((o) => o.value);

describe('MovementDialog', () => {
  it('offers the types of each direction and records with a caller-made id', async () => {
    vi.mocked(call).mockResolvedValue({ direction: 'OUT', amount: 1250 } as never);
    const onSaved = vi.fn();
    render(<MovementDialog onClose={vi.fn()} onSaved={onSaved} />);
    expect(options()).toEqual(['domicilio', 'servicio', 'mano_obra', 'otro']);

    await userEvent.click(screen.getByRole('radio', { name: /Egreso/ }));
    expect(options()).toEqual(['retiro', 'gasto', 'otro']);
    await userEvent.selectOptions(screen.getByLabelText('Concepto'), 'gasto');

    await userEvent.click(screen.getByRole('button', { name: 'Registrar' }));
    expect(screen.getByText('Escriba un monto mayor que 0.')).toBeTruthy();
    expect(call).not.toHaveBeenCalled();

    await userEvent.type(screen.getByLabelText('Monto'), '12.50');
    await userEvent.type(screen.getByLabelText(/^Descripción/), ' Bolsas ');
    await userEvent.click(screen.getByRole('button', { name: 'Registrar' }));
    expect(call).toHaveBeenCalledWith('cash.movement', {
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/),
      direction: 'OUT',
      type: 'gasto',
      amount: 1250,
      description: 'Bolsas',
    });
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
  });

  it('says in words when the drawer has not that much cash, and retries with the same id', async () => {
    vi.mocked(call).mockRejectedValue(
      new CallError({
        code: 'INVALID_STATE',
        message: 'There is not that much cash in the drawer',
        details: { reason: 'NOT_ENOUGH_CASH', expected: 500, requested: 90000 },
      }),
    );
    render(<MovementDialog onClose={vi.fn()} onSaved={vi.fn()} />);
    await userEvent.click(screen.getByRole('radio', { name: /Egreso/ }));
    await userEvent.type(screen.getByLabelText('Monto'), '900');
    await userEvent.click(screen.getByRole('button', { name: 'Registrar' }));
    expect(await screen.findByText('No hay tanto efectivo en la caja.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Registrar' }));
    const ids = vi.mocked(call).mock.calls.map((c) => (c[1] as { id: string }).id);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ids[1]);
  });

  it("asks a supervisor's name and PIN when a cash-out is over the limit, and retries with them", async () => {
    vi.mocked(api.call).mockResolvedValue({
      ok: true,
      value: [
        { id: 2, name: 'Carlos', role: 'supervisor' },
        { id: 3, name: 'Lucía', role: 'cashier' },
      ],
    } as never);
    const overLimit = new CallError({
      code: 'FORBIDDEN',
      message: 'A cash-out over 20000: a supervisor must authorize it',
      details: { reason: 'CASH_OUT_OVER_LIMIT', limit: 20000, requested: 50000 },
    });
    const badPin = new CallError({
      code: 'FORBIDDEN',
      message: 'x',
      details: { reason: 'BAD_AUTHORIZATION' },
    });
    vi.mocked(call)
      .mockRejectedValueOnce(overLimit)
      .mockRejectedValueOnce(badPin)
      .mockResolvedValueOnce({ direction: 'OUT', amount: 50000 } as never);
    const onSaved = vi.fn();
    render(<MovementDialog onClose={vi.fn()} onSaved={onSaved} />);
    await userEvent.click(screen.getByRole('radio', { name: /Egreso/ }));
    await userEvent.type(screen.getByLabelText('Monto'), '500');
    await userEvent.click(screen.getByRole('button', { name: 'Registrar' }));
    expect(
      await screen.findByText('Un egreso de más de S/ 200.00 requiere la clave de un supervisor.'),
    ).toBeTruthy();
    const supervisors = await screen.findByRole('combobox', { name: 'Supervisor' });
    await waitFor(() =>
      expect([...supervisors.querySelectorAll('option')].map((o) => o.textContent)).toEqual([
        'Elija…',
        'Carlos',
      ]),
    );
    await userEvent.selectOptions(supervisors, 'Carlos');
    const pin = screen.getByLabelText('Clave del supervisor') as HTMLInputElement;
    await userEvent.type(pin, '9999{Enter}');
    expect(await screen.findByText('La clave del supervisor no es correcta.')).toBeTruthy();
    expect(pin.value).toBe('');
    await userEvent.type(pin, '2222{Enter}');
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    const calls = vi.mocked(call).mock.calls.map((c) => c[1] as Record<string, unknown>);
    expect(calls).toHaveLength(3);
    expect(calls[0]!.authorizedBy).toBeUndefined();
    expect(calls[2]).toMatchObject({
      id: calls[0]!.id,
      amount: 50000,
      authorizedBy: { name: 'Carlos', pin: '2222' },
    });
  });
});
