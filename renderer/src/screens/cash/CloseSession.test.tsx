import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CashReport } from '../../../../core/api/model';
import { call, callOrToast } from '../../api/use-call';
import type * as UseCall from '../../api/use-call';
import { CloseSession } from './CloseSession';

vi.mock('../../api/use-call', async (original) => ({
  ...(await original<typeof UseCall>()),
  call: vi.fn(),
  callOrToast: vi.fn(),
}));

const x = { kind: 'X', cash: { expected: 18790 } } as unknown as CashReport;
const z = { kind: 'Z', cash: { expected: 18790, counted: 20160, difference: 1370 } };

beforeEach(() => {
  vi.mocked(callOrToast).mockResolvedValue(x);
  vi.mocked(call).mockResolvedValue(z as never);
});
afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

const field = (label: string) => screen.getByLabelText(`Cantidad de S/ ${label}`);
/** The − / + buttons are named with the amount, whose symbol is followed by a no-break space. */
const piece = (which: string, amount: string) =>
  new RegExp(`^Uno ${which} de S/\\s${amount.replace('.', '\\.')}$`);
const tone = () =>
  screen.getByTestId('count-difference').querySelector('[data-tone]')?.getAttribute('data-tone');
const text = (id: string) => screen.getByTestId(id).textContent?.replace(/\u00a0/g, ' ');

describe('CloseSession', () => {
  it('shows expected vs counted live, coloured by the difference', async () => {
    render(<CloseSession currency="PEN" onBack={vi.fn()} onClosed={vi.fn()} />);
    await waitFor(() => expect(text('count-expected')).toBe('S/ 187.90'));
    expect(text('count-difference')).toContain('Falta S/ 187.90');
    expect(tone()).toBe('short');

    for (const amount of ['100.00', '50.00', '20.00', '10.00', '5.00', '2.00', '0.50'])
      await userEvent.type(field(amount), '1');
    expect(text('count-counted')).toBe('S/ 187.50');
    expect(text('count-difference')).toContain('Falta S/ 0.40');

    await userEvent.click(screen.getByRole('button', { name: piece('más', '0.20') }));
    for (let i = 0; i < 3; i++)
      await userEvent.click(screen.getByRole('button', { name: piece('más', '0.10') }));
    expect(text('count-counted')).toBe('S/ 188.00');
    expect(text('count-difference')).toContain('Sobra S/ 0.10');
    expect(tone()).toBe('over');

    await userEvent.click(screen.getByRole('button', { name: piece('menos', '0.10') }));
    expect(text('count-counted')).toBe('S/ 187.90');
    expect(text('count-difference')).toContain('Cuadra');
    expect(tone()).toBe('even');

    await userEvent.click(screen.getByRole('button', { name: 'Limpiar conteo' }));
    expect(text('count-counted')).toBe('S/ 0.00');
  });

  it('moves on with Enter, then closes with the pieces and their sum', async () => {
    const onClosed = vi.fn();
    render(<CloseSession currency="PEN" onBack={vi.fn()} onClosed={onClosed} />);
    await waitFor(() => expect(text('count-expected')).toBe('S/ 187.90'));
    const first = field('200.00');
    expect(document.activeElement).toBe(first);
    await userEvent.type(first, '{Enter}');
    expect(document.activeElement).toBe(field('100.00'));
    await userEvent.type(field('100.00'), '2{Enter}');
    fireEvent.change(field('0.10'), { target: { value: '16' } });
    await userEvent.type(field('0.10'), '{Enter}');
    const submit = screen.getByRole('button', { name: 'Cerrar turno' });
    expect(document.activeElement).toBe(submit);
    await userEvent.click(submit);
    // S/ 201.60 counted against S/ 187.90: asked once, then closed.
    const ask = await screen.findByRole('dialog', { name: '¿Cerrar el turno con diferencia?' });
    expect(call).not.toHaveBeenCalled();
    await userEvent.click(within(ask).getByRole('button', { name: 'Cerrar con diferencia' }));
    expect(call).toHaveBeenCalledWith('cash.close', {
      denominations: [
        { value: 10000, count: 2 },
        { value: 10, count: 16 },
      ],
      countedCash: 20160,
    });
    await waitFor(() => expect(onClosed).toHaveBeenCalledWith(z));
  });

  it('asks before closing with a difference; going back to the count closes nothing', async () => {
    const onClosed = vi.fn();
    render(<CloseSession currency="PEN" onBack={vi.fn()} onClosed={onClosed} />);
    await waitFor(() => expect(text('count-expected')).toBe('S/ 187.90'));
    await userEvent.type(field('100.00'), '1');
    await userEvent.type(screen.getByLabelText('Observaciones (opcional)'), 'Pagó un proveedor');
    await userEvent.click(screen.getByRole('button', { name: 'Cerrar turno' }));
    const ask = await screen.findByRole('dialog', { name: '¿Cerrar el turno con diferencia?' });
    expect(ask.textContent?.replace(/\u00a0/g, ' ')).toContain(
      'Se esperaba S/ 187.90 y se contó S/ 100.00.',
    );
    expect(within(ask).getByTestId('confirm-difference').textContent).toMatch(/Falta S\/\s87\.90/);
    // The safe choice has the focus: Enter goes back to the count.
    const recount = within(ask).getByRole('button', { name: 'Volver al conteo' });
    expect(document.activeElement).toBe(recount);
    await userEvent.keyboard('{Enter}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(call).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Cerrar turno' }));
    await userEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', {
        name: 'Cerrar con diferencia',
      }),
    );
    expect(call).toHaveBeenCalledWith('cash.close', {
      denominations: [{ value: 10000, count: 1 }],
      countedCash: 10000,
      notes: 'Pagó un proveedor',
    });
    await waitFor(() => expect(onClosed).toHaveBeenCalled());
  });

  it('closes a balanced count at once', async () => {
    render(<CloseSession currency="PEN" onBack={vi.fn()} onClosed={vi.fn()} />);
    await waitFor(() => expect(text('count-expected')).toBe('S/ 187.90'));
    for (const amount of ['100.00', '50.00', '20.00', '10.00', '5.00', '2.00', '0.50', '0.20'])
      await userEvent.type(field(amount), '1');
    fireEvent.change(field('0.10'), { target: { value: '2' } });
    expect(text('count-difference')).toContain('Cuadra');
    await userEvent.click(screen.getByRole('button', { name: 'Cerrar turno' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(call).toHaveBeenCalledTimes(1);
  });
});
