import { describe, expect, it } from 'vitest';
import { defaultPaymentName, paymentName } from './payment-names';

const BASE = {
  EFECTIVO: 'Efectivo',
  TARJETA: 'Tarjeta',
  QR: 'QR / billetera',
  TRANSFERENCIA: 'Transferencia',
  CREDITO: 'Crédito',
} as const;

describe('payment method names', () => {
  it('calls QR by the wallets Peruvians name: Yape / Plin', () => {
    expect(defaultPaymentName('QR', BASE, 'PE')).toBe('QR (Yape / Plin)');
    expect(defaultPaymentName('EFECTIVO', BASE, 'PE')).toBe('Efectivo');
    expect(defaultPaymentName('QR', BASE, 'BO')).toBe('QR / billetera');
  });

  it("uses the store's own name, and the default when it is blank", () => {
    const store = {
      country: 'PE' as const,
      paymentMethodNames: { TARJETA: 'Tarjeta Visa/MC', QR: '  ', TRANSFERENCIA: '' },
    };
    expect(paymentName('TARJETA', BASE, store)).toBe('Tarjeta Visa/MC');
    expect(paymentName('QR', BASE, store)).toBe('QR (Yape / Plin)');
    expect(paymentName('TRANSFERENCIA', BASE, store)).toBe('Transferencia');
    expect(paymentName('CREDITO', BASE, store)).toBe('Crédito');
  });
});
