import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { es } from '../../i18n/es';
import { DiscountDialog } from './DiscountDialog';
import { PaymentDialog } from './PaymentDialog';
import { ScanField } from './ScanField';

describe('ScanField', () => {
  it('hands over each code on Enter, in order, and clears at once', async () => {
    const onScan = vi.fn();
    render(<ScanField onScan={onScan} onCartKey={vi.fn()} />);
    const input = screen.getByTestId('scan') as HTMLInputElement;
    await userEvent.type(input, '7751001200373{Enter}3*GAS001{Enter}{Enter}ABC-1{Enter}', {
      delay: 0,
    });
    expect(onScan.mock.calls.map((c) => c[0])).toEqual(['7751001200373', '3*GAS001', '', 'ABC-1']);
    expect(input.value).toBe('');
  });

  it('acts on the cart with arrows, + / − and Delete only when the field is empty', () => {
    const onCartKey = vi.fn();
    render(<ScanField onScan={vi.fn()} onCartKey={onCartKey} />);
    const input = screen.getByTestId('scan') as HTMLInputElement;
    for (const key of ['ArrowUp', 'ArrowDown', '+', '-', 'Delete'])
      fireEvent.keyDown(input, { key });
    expect(onCartKey.mock.calls.map((c) => c[0])).toEqual([
      'up',
      'down',
      'plus',
      'minus',
      'delete',
    ]);
    input.value = 'ABC';
    fireEvent.keyDown(input, { key: '-' });
    expect(onCartKey).toHaveBeenCalledTimes(5);
  });
});

/** Peru: cash goes down to the S/ 0.10 below (DOMAIN.md, "Cash rounding"). */
const PERU = { increment: 10, direction: 'down' } as const;

/** The payment dialog for S/ 20.40 (or `due`), walk-in customer, reporting to `onComplete`. */
function renderPayment(
  onComplete: (payments: unknown) => void,
  { due = 2040, rounding = null }: { due?: number; rounding?: typeof PERU | null } = {},
) {
  render(
    <PaymentDialog
      due={due}
      cashRounding={rounding}
      hasRegisteredCustomer={false}
      busy={false}
      error={null}
      onComplete={onComplete}
      onClose={vi.fn()}
    />,
  );
}

describe('PaymentDialog', () => {
  it('shows the change for the cash handed over and completes with the payments', async () => {
    const onComplete = vi.fn();
    renderPayment(onComplete);
    expect(screen.getByTestId('pay-due').textContent).toContain('20.40');
    const tendered = screen.getByLabelText('Recibido');
    await userEvent.clear(tendered);
    await userEvent.type(tendered, '50');
    expect(screen.getByTestId('pay-change').textContent).toContain('29.60');
    await userEvent.click(screen.getByTestId('complete-sale'));
    expect(onComplete).toHaveBeenCalledWith([{ method: 'EFECTIVO', amount: 5000 }]);
  });

  it('splits QR and cash and refuses credit without a registered customer', async () => {
    const onComplete = vi.fn();
    renderPayment(onComplete);
    const cash = screen.getByLabelText('Recibido');
    await userEvent.clear(cash);
    await userEvent.type(cash, '10');
    expect(screen.getByText('Falta')).toBeTruthy();
    await userEvent.click(screen.getByText('+ Agregar otra forma de pago'));
    expect(screen.getByTestId('pay-change').textContent).toContain('0.00');
    await userEvent.click(screen.getByTestId('complete-sale'));
    expect(onComplete).toHaveBeenCalledWith([
      { method: 'EFECTIVO', amount: 1000 },
      { method: 'QR', amount: 1040 },
    ]);

    const credits = screen.getAllByRole('radio', { name: 'Crédito' });
    await userEvent.click(credits[1]!);
    expect(screen.getByText(/elija un cliente registrado/)).toBeTruthy();
    expect((screen.getByTestId('complete-sale') as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('PaymentDialog with cash rounding', () => {
  it('offers S/ 40.20 for S/ 40.26 in cash, with the rounding line, and records what it offered', async () => {
    const onComplete = vi.fn();
    renderPayment(onComplete, { due: 4026, rounding: PERU });
    expect(screen.getByTestId('pay-due').textContent).toContain('40.26');
    expect(screen.getByTestId('pay-rounding').textContent).toContain('-S/\u00a00.06');
    expect(screen.getByTestId('pay-settle').textContent).toContain('40.20');
    expect((screen.getByLabelText('Recibido') as HTMLInputElement).value).toBe('40.20');
    expect(screen.getByRole('button', { name: /^Exacto/ }).textContent).toContain('40.20');
    expect(screen.getByTestId('pay-change').textContent).toContain('0.00');

    const tendered = screen.getByLabelText('Recibido');
    await userEvent.clear(tendered);
    await userEvent.type(tendered, '40');
    expect(screen.getByText('Falta').nextSibling?.textContent).toContain('0.20');
    await userEvent.clear(tendered);
    await userEvent.type(tendered, '50');
    expect(screen.getByTestId('pay-change').textContent).toContain('9.80');
    await userEvent.click(screen.getByTestId('complete-sale'));
    expect(onComplete).toHaveBeenCalledWith([{ method: 'EFECTIVO', amount: 5000 }]);
  });

  it('charges a card the exact amount, with no rounding line', async () => {
    const onComplete = vi.fn();
    renderPayment(onComplete, { due: 4026, rounding: PERU });
    await userEvent.click(screen.getByRole('radio', { name: es.common.paymentMethods.TARJETA }));
    expect(screen.queryByTestId('pay-rounding')).toBeNull();
    expect(screen.getByLabelText('Monto')).toHaveProperty('value', '40.26');
    await userEvent.click(screen.getByTestId('complete-sale'));
    expect(onComplete).toHaveBeenCalledWith([{ method: 'TARJETA', amount: 4026 }]);
  });

  it('rounds only the cash part of a mixed payment', async () => {
    const onComplete = vi.fn();
    renderPayment(onComplete, { due: 4026, rounding: PERU });
    const cash = screen.getByLabelText('Recibido');
    await userEvent.clear(cash);
    await userEvent.type(cash, '20');
    await userEvent.click(screen.getByText('+ Agregar otra forma de pago'));
    // The QR takes the exact rest: nothing left to round.
    expect(screen.getByLabelText('Monto')).toHaveProperty('value', '20.26');
    expect(screen.queryByTestId('pay-rounding')).toBeNull();
    const qr = screen.getByLabelText('Monto');
    await userEvent.clear(qr);
    await userEvent.type(qr, '20');
    // S/ 20.26 left for the cash: it goes down to S/ 20.20.
    expect(screen.getByTestId('pay-rounding').textContent).toContain('0.06');
    expect(screen.getAllByRole('button', { name: /^Exacto/ })[0]!.textContent).toContain('20.20');
  });

  it('shows no rounding where the store does not round', () => {
    renderPayment(vi.fn(), { due: 4026 });
    expect(screen.queryByTestId('pay-rounding')).toBeNull();
    expect((screen.getByLabelText('Recibido') as HTMLInputElement).value).toBe('40.26');
  });
});

describe('Enter in the till’s text fields', () => {
  it('completes a transfer from its bank and reference fields', async () => {
    const onComplete = vi.fn();
    renderPayment(onComplete);
    await userEvent.click(
      screen.getByRole('radio', { name: es.common.paymentMethods.TRANSFERENCIA }),
    );
    await userEvent.type(screen.getByLabelText(es.till.pay.bank), 'BCP');
    await userEvent.type(screen.getByLabelText(es.till.pay.reference), 'OP-123{Enter}');
    expect(onComplete).toHaveBeenCalledWith([
      expect.objectContaining({
        method: 'TRANSFERENCIA',
        amount: 2040,
        bank: 'BCP',
        reference: 'OP-123',
      }),
    ]);
  });

  it('applies a discount typed as a percentage', async () => {
    const onApply = vi.fn();
    render(<DiscountDialog current={0} orderAmount={2000} onApply={onApply} onClose={vi.fn()} />);
    await userEvent.type(screen.getByLabelText(es.till.discount.percent), '10{Enter}');
    expect(onApply).toHaveBeenCalledWith(200);
  });
});
