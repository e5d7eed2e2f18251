import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BarcodeChips } from './BarcodeChips';

function Harness({ onSubmit }: { onSubmit(): void }) {
  const [codes, setCodes] = useState<readonly string[]>(['7501234567893']);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <BarcodeChips value={codes} onChange={setCodes} />
      <output data-testid="codes">{codes.join(',')}</output>
    </form>
  );
}

afterEach(cleanup);

describe('BarcodeChips', () => {
  it('adds a scanned code on Enter without submitting the form, and removes with ×', async () => {
    const submit = vi.fn();
    render(<Harness onSubmit={submit} />);
    const box = screen.getByRole('textbox', { name: 'Códigos de barras' });
    await userEvent.type(box, '7750885012348{Enter}');
    expect(submit).not.toHaveBeenCalled();
    expect(screen.getByTestId('codes').textContent).toBe('7501234567893,7750885012348');
    expect((box as HTMLInputElement).value).toBe('');
    expect(screen.getAllByRole('listitem')).toHaveLength(2);

    await userEvent.click(screen.getByRole('button', { name: 'Quitar el código 7501234567893' }));
    expect(screen.getByTestId('codes').textContent).toBe('7750885012348');
  });

  it('explains a misread code and keeps it in the box to fix', async () => {
    render(<Harness onSubmit={vi.fn()} />);
    const box = screen.getByRole('textbox', { name: 'Códigos de barras' });
    await userEvent.type(box, '7750885012341{Enter}');
    expect(screen.getByRole('alert').textContent).toBe(
      'El código 7750885012341 tiene mal el dígito verificador (debería terminar en 8).',
    );
    expect((box as HTMLInputElement).value).toBe('7750885012341');
    await userEvent.type(box, '{Enter}');
    expect(screen.getByTestId('codes').textContent).toBe('7501234567893');

    await userEvent.clear(box);
    await userEvent.type(box, '7501234567893{Enter}');
    expect(screen.getByRole('alert').textContent).toBe(
      'El código 7501234567893 ya está en la lista.',
    );
  });
});
