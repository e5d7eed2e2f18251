import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useI18n } from '.';
import { Pager as SalesPager } from '../screens/sales/Pager';
import { waitText } from './errors';

afterEach(() => useI18n.setState({ language: 'es' }));

const noop = () => undefined;

describe('counts read as plurals', () => {
  it('say "1 venta" and "2 ventas" on the sales list', () => {
    const { rerender } = render(<SalesPager page={1} total={1} pageSize={50} onPage={noop} />);
    expect(screen.getByText('1 venta')).toBeTruthy();
    rerender(<SalesPager page={1} total={2} pageSize={50} onPage={noop} />);
    expect(screen.getByText('2 ventas')).toBeTruthy();
    rerender(<SalesPager page={1} total={0} pageSize={50} onPage={noop} />);
    expect(screen.getByText('0 ventas')).toBeTruthy();
  });

  it('say "1 sale" in English', () => {
    useI18n.setState({ language: 'en' });
    render(<SalesPager page={1} total={1} pageSize={50} onPage={noop} />);
    expect(screen.getByText('1 sale')).toBeTruthy();
  });

  it('say "1 segundo" for a PIN lock about to end', () => {
    expect(waitText(1)).toBe('1 segundo');
    expect(waitText(30)).toBe('30 segundos');
    expect(waitText(60)).toBe('1 minuto');
    expect(waitText(300)).toBe('5 minutos');
  });
});
