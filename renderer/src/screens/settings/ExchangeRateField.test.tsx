import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useI18n } from '../../i18n';
import { ExchangeRateField } from './ExchangeRateField';

beforeEach(() =>
  useI18n.getState().setStore({ locale: 'es-VE', currency: 'VES', timeZone: 'America/Caracas' }),
);
afterEach(cleanup);

function field(value: string | null = null) {
  const onChange = vi.fn();
  const onValidity = vi.fn();
  render(
    <ExchangeRateField
      label="Tipo de cambio"
      value={value}
      onChange={onChange}
      onValidity={onValidity}
    />,
  );
  return { input: screen.getByLabelText('Tipo de cambio'), onChange, onValidity };
}

describe('ExchangeRateField', () => {
  it('takes "36,50" as the rate 36.50, as every other numeric field does', async () => {
    const { input, onChange, onValidity } = field();
    await userEvent.type(input, '36,50');
    expect(onChange).toHaveBeenLastCalledWith('36.50');
    expect(onValidity).toHaveBeenLastCalledWith(true);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the saved rate with the local decimal mark, and takes "36.50" too', async () => {
    const { input, onChange } = field('36.50');
    expect(input).toHaveProperty('value', '36,50');
    await userEvent.clear(input);
    await userEvent.type(input, '37.25');
    expect(onChange).toHaveBeenLastCalledWith('37.25');
  });

  it('refuses what could be read two ways, says why and blocks saving', async () => {
    const { input, onValidity } = field();
    await userEvent.type(input, '4,150');
    expect(onValidity).toHaveBeenLastCalledWith(false);
    expect(screen.getByRole('alert').textContent).toContain('4150');
  });
});
