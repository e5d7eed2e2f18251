import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Actor, SaleReturn } from '../../../../core/api/model';
import { CallError, call } from '../../api/use-call';
import type * as UseCall from '../../api/use-call';
import { useSession } from '../../state/session';
import { ReturnDialog } from './ReturnDialog';
import { makeSale } from './testing';
import type { Person } from './usePeople';
import { VoidDialog } from './VoidDialog';

vi.mock('../../api/use-call', async (original) => ({
  ...(await original<typeof UseCall>()),
  call: vi.fn(),
}));

const people: Person[] = [
  { id: 1, name: 'Rosa', role: 'admin', active: true },
  { id: 2, name: 'Carlos', role: 'supervisor', active: true },
  { id: 3, name: 'Lucía', role: 'cashier', active: true },
];
const cashier: Actor = { id: 3, name: 'Lucía', role: 'cashier' };
const supervisor: Actor = { id: 2, name: 'Carlos', role: 'supervisor' };
const sale = makeSale();

beforeEach(() => useSession.setState({ actor: cashier }));
afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe('VoidDialog', () => {
  it('asks a cashier for a supervisor and their PIN in the same step', async () => {
    vi.mocked(call).mockResolvedValue({ ...sale, status: 'ANULADA' } as never);
    const onDone = vi.fn();
    render(<VoidDialog sale={sale} people={people} onClose={vi.fn()} onDone={onDone} />);
    const supervisors = screen.getByRole('combobox', { name: 'Supervisor' });
    expect([...supervisors.querySelectorAll('option')].map((o) => o.textContent)).toEqual([
      'Elija…',
      'Rosa',
      'Carlos',
    ]);

    await userEvent.click(screen.getByRole('button', { name: 'Anular venta' }));
    expect(screen.getByText('Escriba el motivo.')).toBeTruthy();
    expect(screen.getByText(/Elija al supervisor/)).toBeTruthy();
    expect(call).not.toHaveBeenCalled();

    await userEvent.type(screen.getByLabelText(/^Motivo de la anulación/), 'Cliente desistió');
    await userEvent.selectOptions(supervisors, 'Carlos');
    await userEvent.type(screen.getByLabelText('Clave del supervisor'), '2222{Enter}');
    expect(call).toHaveBeenCalledWith('sales.void', {
      id: sale.id,
      reason: 'Cliente desistió',
      authorizedBy: { name: 'Carlos', pin: '2222' },
    });
    await waitFor(() => expect(onDone).toHaveBeenCalled());
  });

  it('shows a refused PIN as a sentence and clears the PIN', async () => {
    vi.mocked(call).mockRejectedValue(
      new CallError({ code: 'FORBIDDEN', message: 'x', details: { reason: 'BAD_AUTHORIZATION' } }),
    );
    render(<VoidDialog sale={sale} people={people} onClose={vi.fn()} onDone={vi.fn()} />);
    await userEvent.type(screen.getByLabelText(/^Motivo de la anulación/), 'Error');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Supervisor' }), 'Carlos');
    const pin = screen.getByLabelText('Clave del supervisor') as HTMLInputElement;
    await userEvent.type(pin, '9999{Enter}');
    expect(await screen.findByText('La clave del supervisor no es correcta.')).toBeTruthy();
    expect(pin.value).toBe('');
  });

  it('lets a supervisor void with just a reason', async () => {
    useSession.setState({ actor: supervisor });
    vi.mocked(call).mockResolvedValue(sale as never);
    render(<VoidDialog sale={sale} people={people} onClose={vi.fn()} onDone={vi.fn()} />);
    expect(screen.queryByLabelText('Clave del supervisor')).toBeNull();
    await userEvent.type(screen.getByLabelText(/^Motivo de la anulación/), 'Duplicada{Enter}');
    expect(call).toHaveBeenCalledWith('sales.void', { id: sale.id, reason: 'Duplicada' });
  });
});

describe('ReturnDialog', () => {
  const credit: SaleReturn = {
    id: 'r',
    saleId: sale.id,
    saleNumber: sale.number,
    number: 'BC01-00000001',
    documentType: 'NOTA_CREDITO',
    reason: 'Vencido',
    refundMethod: 'EFECTIVO',
    lines: [],
    taxableBase: 890,
    exempt: 0,
    unaffected: 0,
    tax: 160,
    fixedTax: 0,
    total: 1050,
    balanceReduced: 0,
    refunded: 1050,
    createdAt: sale.createdAt,
    user: { id: 3, name: 'Lucía' },
  };

  it('limits each line to what is left and sends thousandths as quantities', async () => {
    useSession.setState({ actor: supervisor });
    vi.mocked(call).mockResolvedValue(credit as never);
    const onDone = vi.fn();
    render(<ReturnDialog sale={sale} people={people} onClose={vi.fn()} onDone={onDone} />);
    const water = screen.getByLabelText('Cantidad a devolver de Agua Cielo 2.5 L');
    const cheese = screen.getByLabelText('Cantidad a devolver de Queso fresco');

    await userEvent.click(screen.getByRole('button', { name: 'Registrar devolución' }));
    expect(screen.getByText('Elija al menos una cantidad a devolver.')).toBeTruthy();

    await userEvent.type(water, '4');
    await userEvent.type(cheese, '1');
    await userEvent.type(screen.getByLabelText(/^Motivo de la devolución/), 'Vencido');
    await userEvent.click(screen.getByRole('button', { name: 'Registrar devolución' }));
    expect(screen.getByText('Como máximo 3.')).toBeTruthy();
    expect(screen.getByText('Como máximo 0.75.')).toBeTruthy();
    expect(call).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Devolver todo Queso fresco' }));
    expect((cheese as HTMLInputElement).value).toBe('0.75');
    expect(screen.queryByText('Como máximo 0.75.')).toBeNull();
    await userEvent.clear(water);
    await userEvent.type(water, '1.5');
    await userEvent.click(screen.getByRole('button', { name: 'Registrar devolución' }));
    expect(screen.getByText('Este producto se vende por unidad entera.')).toBeTruthy();

    await userEvent.clear(water);
    await userEvent.type(water, '2');
    await userEvent.selectOptions(screen.getByLabelText('Devolver el dinero en'), 'TARJETA');
    await userEvent.click(screen.getByRole('button', { name: 'Registrar devolución' }));
    expect(call).toHaveBeenCalledWith('sales.return', {
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      saleId: sale.id,
      reason: 'Vencido',
      refundMethod: 'TARJETA',
      lines: [
        { saleLineId: 1, quantity: 2 },
        { saleLineId: 2, quantity: 0.75 },
      ],
    });
    const done = await screen.findByRole('status');
    expect(done.textContent?.replace(/\u00a0/g, ' ')).toBe(
      'Nota de crédito BC01-00000001 por S/ 10.50.Devolver al cliente: S/ 10.50 (Efectivo).',
    );
    expect(onDone).toHaveBeenCalled();
  });

  it('needs a supervisor when a cashier returns, and offers no refund on credit', async () => {
    render(<ReturnDialog sale={sale} people={people} onClose={vi.fn()} onDone={vi.fn()} />);
    const methods = screen.getByLabelText('Devolver el dinero en');
    expect([...methods.querySelectorAll('option')].map((o) => o.getAttribute('value'))).toEqual([
      'EFECTIVO',
      'TARJETA',
      'QR',
      'TRANSFERENCIA',
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Devolver todo Agua Cielo 2.5 L' }));
    await userEvent.type(screen.getByLabelText(/^Motivo de la devolución/), 'Vencido');
    await userEvent.click(screen.getByRole('button', { name: 'Registrar devolución' }));
    expect(screen.getByText(/Elija al supervisor/)).toBeTruthy();
    expect(call).not.toHaveBeenCalled();
  });
});
