import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Customer, Settings } from '../../../../core/api/model';
import { CallError, call } from '../../api/use-call';
import { useI18n } from '../../i18n';
import { useSession } from '../../state/session';
import { CustomerForm } from './CustomerForm';

vi.mock(import('../../api/use-call'), async (original) => ({
  ...(await original()),
  call: vi.fn(),
}));

const badDni = new CallError({
  code: 'VALIDATION',
  message: 'DNI "123" is not valid: 8 dígitos',
  details: { reason: 'INVALID_DOCUMENT_NUMBER', path: ['documentNumber'], hint: '8 dígitos' },
});
const noName = new CallError({
  code: 'VALIDATION',
  message: 'Invalid input: name: is required',
  details: { issues: [{ path: 'name', message: 'is required', code: 'too_small' }] },
});

beforeEach(() => {
  useSession.setState({ settings: { country: 'PE' } as Settings });
  useI18n.setState({ language: 'es' });
});
afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe('CustomerForm', () => {
  it("offers the country's document types with their hints", async () => {
    render(<CustomerForm customer={null} onSaved={vi.fn()} onClose={vi.fn()} />);
    const type = screen.getByRole('combobox', { name: 'Tipo de documento' });
    expect([...(type as HTMLSelectElement).options].map((o) => o.textContent)).toEqual([
      'Sin documento',
      'DNI',
      'RUC',
      'Carné de extranjería',
      'Pasaporte',
    ]);
    expect(screen.getByText('8 dígitos')).toBeTruthy();
    await userEvent.selectOptions(type, 'RUC');
    expect(screen.getByText('11 dígitos')).toBeTruthy();
    await userEvent.selectOptions(type, '');
    expect(
      (screen.getByRole('textbox', { name: /^Número de documento/ }) as HTMLInputElement).disabled,
    ).toBe(true);
  });

  it('shows the API errors on their fields, in the UI language, and saves when fixed', async () => {
    const saved = { id: 9, name: 'Juana' } as Customer;
    vi.mocked(call)
      .mockRejectedValueOnce(noName)
      .mockRejectedValueOnce(badDni)
      .mockResolvedValueOnce(saved as never);
    const onSaved = vi.fn();
    render(<CustomerForm customer={null} onSaved={onSaved} onClose={vi.fn()} />);
    const number = screen.getByRole('textbox', { name: /^Número de documento/ });
    await userEvent.type(number, '123');
    await userEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    expect(screen.getByText('Obligatorio')).toBeTruthy();

    await userEvent.type(screen.getByRole('textbox', { name: /^Nombre o razón social/ }), 'Juana');
    await userEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    expect(screen.getByText('Número no válido: 8 dígitos')).toBeTruthy();
    expect(number.getAttribute('aria-invalid')).toBe('true');

    await userEvent.clear(number);
    await userEvent.type(number, '45871236');
    await userEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    expect(vi.mocked(call)).toHaveBeenLastCalledWith('customers.create', {
      documentType: 'DNI',
      documentNumber: '45871236',
      name: 'Juana',
      phone: '',
      email: '',
      address: '',
    });
    expect(onSaved).toHaveBeenCalledWith(saved);
  });

  it('says the same in English, hint included', async () => {
    useI18n.setState({ language: 'en' });
    vi.mocked(call).mockRejectedValueOnce(badDni);
    render(<CustomerForm customer={null} onSaved={vi.fn()} onClose={vi.fn()} />);
    await userEvent.type(screen.getByRole('textbox', { name: /^Document number/ }), '123');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByText('Invalid number: 8 digits')).toBeTruthy();
  });
});
