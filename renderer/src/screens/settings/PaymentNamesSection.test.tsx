import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Settings } from '../../../../core/api/model';
import { call } from '../../api/use-call';
import type * as UseCall from '../../api/use-call';
import { useI18n } from '../../i18n';
import { paymentLabel } from '../../i18n/payment-names';
import { useSession } from '../../state/session';
import { PaymentNamesSection } from './PaymentNamesSection';

vi.mock('../../api/use-call', async (original) => ({
  ...(await original<typeof UseCall>()),
  call: vi.fn(),
}));

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
  useI18n.setState({ language: 'es' });
  useSession.setState({ settings: null });
});

const peru = { country: 'PE', paymentMethodNames: { QR: 'Yape' } } as unknown as Settings;

describe('payment method names', () => {
  it('are what the till, sales and reports show: the store’s, or QR as Yape / Plin', () => {
    useSession.setState({ settings: { ...peru, paymentMethodNames: {} } });
    expect(paymentLabel('QR')).toBe('QR (Yape / Plin)');
    expect(paymentLabel('EFECTIVO')).toBe('Efectivo');
    useSession.setState({ settings: peru });
    expect(paymentLabel('QR')).toBe('Yape');
    useI18n.setState({ language: 'en' });
    expect(paymentLabel('EFECTIVO')).toBe('Cash');
    expect(paymentLabel('QR', { ...peru, paymentMethodNames: {} })).toBe('QR (Yape / Plin)');
  });

  it('are renamed in Settings; a cleared name goes back to the default', async () => {
    vi.mocked(call).mockImplementation(
      async (_channel, input) => ({ ...peru, ...(input as Partial<Settings>) }) as never,
    );
    render(<PaymentNamesSection settings={peru} />);
    const qr = screen.getByLabelText('Nombre de «QR (Yape / Plin)»');
    expect(qr).toHaveProperty('value', 'Yape');
    expect(qr).toHaveProperty('placeholder', 'QR (Yape / Plin)');
    await userEvent.clear(qr);
    await userEvent.type(screen.getByLabelText('Nombre de «Tarjeta»'), 'Tarjeta Visa');
    await userEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    expect(call).toHaveBeenCalledWith('settings.update', {
      paymentMethodNames: { TARJETA: 'Tarjeta Visa' },
    });
  });
});
