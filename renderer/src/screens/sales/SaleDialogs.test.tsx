import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Actor, ProductHit, SaleReturn } from '../../../../core/api/model';
import { api } from '../../api/client';
import { CallError, call } from '../../api/use-call';
import type * as UseCall from '../../api/use-call';
import { useSession } from '../../state/session';
import { EditDialog } from './EditDialog';
import { ReturnDialog } from './ReturnDialog';
import { makeSale } from './testing';
import type { Person } from './usePeople';
import { VoidDialog } from './VoidDialog';

vi.mock('../../api/use-call', async (original) => ({
  ...(await original<typeof UseCall>()),
  call: vi.fn(),
}));
vi.mock('../../api/client', () => ({ api: { call: vi.fn() } }));

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
    cashRounding: 0,
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
    // Weighed quantities carry their unit, as on the receipt; units stay bare.
    const cheeseRow = cheese.closest('tr')!.textContent!.replace(/\u00a0/g, ' ');
    expect(cheeseRow).toContain('1.250 kg');
    expect(cheeseRow).toContain('0.500 kg');
    expect(water.closest('tr')!.textContent).not.toContain('kg');

    await userEvent.click(screen.getByRole('button', { name: 'Registrar devolución' }));
    expect(screen.getByText('Elija al menos una cantidad a devolver.')).toBeTruthy();

    await userEvent.type(water, '4');
    await userEvent.type(cheese, '1');
    await userEvent.type(screen.getByLabelText(/^Motivo de la devolución/), 'Vencido');
    await userEvent.click(screen.getByRole('button', { name: 'Registrar devolución' }));
    expect(screen.getByText('Como máximo 3.')).toBeTruthy();
    expect(screen.getByText('Como máximo 0.750 kg.')).toBeTruthy();
    expect(call).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Devolver todo Queso fresco' }));
    expect((cheese as HTMLInputElement).value).toBe('0.75');
    expect(screen.queryByText('Como máximo 0.750 kg.')).toBeNull();
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

describe('EditDialog', () => {
  const bag: ProductHit = {
    id: 9,
    code: 'BOLSA',
    name: 'Bolsa plástica',
    price: 20,
    stock: 100_000,
    soldBy: 'unit',
    trackStock: true,
    active: true,
  };

  async function addBag() {
    await userEvent.click(screen.getByRole('button', { name: 'Agregar producto' }));
    await userEvent.type(screen.getByPlaceholderText('Nombre o código (mín. 2 letras)'), 'bol');
    await screen.findByRole('option', { name: /Bolsa plástica/ });
    await userEvent.keyboard('{Enter}');
  }

  it('adds a searched product, once per pick, and sends it by product id', async () => {
    useSession.setState({ actor: supervisor });
    vi.mocked(api.call).mockResolvedValue({ ok: true, value: [bag] } as never);
    vi.mocked(call).mockResolvedValue(sale as never);
    const onDone = vi.fn();
    render(<EditDialog sale={sale} onClose={vi.fn()} onDone={onDone} />);

    await addBag();
    expect(api.call).toHaveBeenCalledWith('products.search', { text: 'bol', limit: 20 });
    const bagQuantity = screen.getByLabelText(/Bolsa plástica/) as HTMLInputElement;
    expect(bagQuantity.value).toBe('1');
    expect(document.activeElement).toBe(bagQuantity);
    await addBag();
    expect(screen.getAllByLabelText(/Bolsa plástica/)).toHaveLength(1);
    expect(bagQuantity.value).toBe('2');

    await userEvent.type(screen.getByLabelText('Motivo del cambio'), 'Se llevó bolsas');
    await userEvent.click(screen.getByRole('button', { name: 'Guardar cambios' }));
    expect(call).toHaveBeenCalledWith('sales.update', {
      id: sale.id,
      reason: 'Se llevó bolsas',
      lines: [
        { lineId: 1, quantity: 3 },
        { lineId: 2, quantity: 1.25 },
        { productId: 9, quantity: 2 },
      ],
    });
    await waitFor(() => expect(onDone).toHaveBeenCalled());
  });

  it('refuses a bad quantity on an added product and sends nothing', async () => {
    useSession.setState({ actor: supervisor });
    vi.mocked(api.call).mockResolvedValue({ ok: true, value: [bag] } as never);
    render(<EditDialog sale={sale} onClose={vi.fn()} onDone={vi.fn()} />);
    await addBag();
    const bagQuantity = screen.getByLabelText(/Bolsa plástica/);
    await userEvent.clear(bagQuantity);
    await userEvent.type(bagQuantity, 'dos');
    await userEvent.type(screen.getByLabelText('Motivo del cambio'), 'r');
    await userEvent.click(screen.getByRole('button', { name: 'Guardar cambios' }));
    expect(bagQuantity.getAttribute('aria-invalid')).toBe('true');
    expect(call).not.toHaveBeenCalled();
  });

  it('offers no product changes on a sale with returns, only the rest', () => {
    // A nota de venta: a boleta's customer is locked for a cashier anyway (below).
    const returned = makeSale({
      documentType: 'TICKET',
      returns: [
        {
          id: 'r',
          number: 'BC01-00000001',
          total: 1050,
          reason: 'Vencido',
          createdAt: sale.createdAt,
        },
      ],
    });
    render(<EditDialog sale={returned} onClose={vi.fn()} onDone={vi.fn()} />);
    expect(screen.getByText(/Esta venta tiene devoluciones/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Agregar producto' })).toBeNull();
    expect((screen.getByLabelText(/Agua Cielo/) as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByLabelText('Nombre del cliente') as HTMLInputElement).disabled).toBe(false);
  });

  it("asks a supervisor when the API refuses a cashier's edit, and sends it again with them", async () => {
    vi.mocked(api.call).mockResolvedValue({ ok: true, value: people } as never);
    vi.mocked(call)
      .mockRejectedValueOnce(
        new CallError({
          code: 'FORBIDDEN',
          message: 'x',
          details: { reason: 'EDIT_OTHERS_SALE', cashier: 'Rosa' },
        }),
      )
      .mockResolvedValueOnce(sale as never);
    const onDone = vi.fn();
    // A nota de venta: an issued boleta's customer is locked for a cashier (below).
    const ticket = makeSale({ documentType: 'TICKET' });
    render(<EditDialog sale={ticket} onClose={vi.fn()} onDone={onDone} />);
    await userEvent.clear(screen.getByLabelText('Nombre del cliente'));
    await userEvent.type(screen.getByLabelText('Nombre del cliente'), 'Juan');
    await userEvent.type(screen.getByLabelText('Motivo del cambio'), 'Nombre');
    await userEvent.click(screen.getByRole('button', { name: 'Guardar cambios' }));
    expect(
      await screen.findByText('Editar la venta de Rosa requiere la clave de un supervisor.'),
    ).toBeTruthy();
    const supervisors = screen.getByRole('combobox', { name: 'Supervisor' });
    await waitFor(() => expect(supervisors.querySelectorAll('option')).toHaveLength(3));
    await userEvent.selectOptions(supervisors, 'Carlos');
    await userEvent.type(screen.getByLabelText('Clave del supervisor'), '2222{Enter}');
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const [first, second] = vi.mocked(call).mock.calls.map((c) => c[1] as Record<string, unknown>);
    expect(first!.authorizedBy).toBeUndefined();
    expect(second).toEqual({ ...first, authorizedBy: { name: 'Carlos', pin: '2222' } });
  });

  it("locks an issued boleta's customer and payments for a cashier, saying the fix is a credit note", () => {
    const boleta = makeSale({ documentType: 'BOLETA' });
    render(<EditDialog sale={boleta} onClose={vi.fn()} onDone={vi.fn()} />);
    expect(screen.getByRole('note').textContent).toBe(
      `Boleta ${boleta.number} ya se emitió: su cliente y sus pagos no se cambian. Para corregirlos, haga una devolución (nota de crédito, con un supervisor) y una venta nueva.`,
    );
    expect((screen.getByLabelText('Nombre del cliente') as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByRole('group', { name: 'Pagos' }) as HTMLFieldSetElement).disabled).toBe(
      true,
    );
    cleanup();
    useSession.setState({ actor: supervisor });
    render(<EditDialog sale={boleta} onClose={vi.fn()} onDone={vi.fn()} />);
    expect(screen.queryByRole('note')).toBeNull();
    expect((screen.getByLabelText('Nombre del cliente') as HTMLInputElement).disabled).toBe(false);
  });
});
