import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useI18n } from '../../i18n';
import { PeriodPicker, type PeriodChoice } from './PeriodPicker';

afterEach(() => act(() => useI18n.setState({ language: 'es' })));

/** The picker as the reports screen holds it, with every change recorded. */
function Harness({ onChange }: { onChange(choice: PeriodChoice): void }) {
  const [choice, setChoice] = useState<PeriodChoice>({
    preset: 'custom',
    from: '2026-12-01',
    to: '2026-12-05',
  });
  return (
    <PeriodPicker
      value={choice}
      invalid={choice.from > choice.to}
      onChange={(next) => {
        onChange(next);
        setChoice(next);
      }}
    />
  );
}

describe('PeriodPicker custom range', () => {
  it('shows and takes dd/mm/aaaa in Spanish; the value stays ISO', async () => {
    const onChange = vi.fn();
    render(<Harness onChange={onChange} />);
    const from = screen.getByLabelText('Desde');
    const to = screen.getByLabelText('Hasta');
    expect(from.getAttribute('type')).not.toBe('date');
    expect((from as HTMLInputElement).value).toBe('01/12/2026');
    expect((to as HTMLInputElement).value).toBe('05/12/2026');
    expect(from.getAttribute('placeholder')).toBe('dd/mm/aaaa');

    await userEvent.clear(from);
    await userEvent.type(from, '15/11/2026');
    expect(onChange).toHaveBeenLastCalledWith({
      preset: 'custom',
      from: '2026-11-15',
      to: '2026-12-05',
    });

    // ↑/↓ move a day; the numeric pad's 8 digits are a day too.
    await userEvent.keyboard('{ArrowUp}');
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ from: '2026-11-16' }));
    expect((from as HTMLInputElement).value).toBe('16/11/2026');
    await userEvent.clear(to);
    await userEvent.type(to, '20112026');
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ to: '2026-11-20' }));
  });

  it('refuses a day that does not exist in words, and keeps the last good one', async () => {
    const onChange = vi.fn();
    render(<Harness onChange={onChange} />);
    const from = screen.getByLabelText('Desde');
    await userEvent.clear(from);
    await userEvent.type(from, '31/02/2026');
    await userEvent.tab();
    expect(screen.getByRole('alert').textContent).toBe(
      'Fecha no válida; escríbala así: 20/11/2026',
    );
    expect(from.getAttribute('aria-invalid')).toBe('true');
    expect(onChange).not.toHaveBeenCalledWith(expect.objectContaining({ from: '2026-03-03' }));
    expect(
      onChange.mock.calls.every(([c]) => /^\d{4}-\d{2}-\d{2}$/.test(c.from) || c.from === ''),
    ).toBe(true);

    // A backwards range is told apart from a bad day.
    await userEvent.clear(from);
    await userEvent.type(from, '09/12/2026{Enter}');
    expect(screen.getByRole('alert').textContent).toBe(
      'La fecha «desde» debe ser anterior o igual a «hasta».',
    );
  });

  it('follows the UI language, not the browser: mm/dd/yyyy in English', () => {
    act(() => useI18n.setState({ language: 'en' }));
    render(<Harness onChange={vi.fn()} />);
    const from = screen.getByLabelText('From') as HTMLInputElement;
    expect(from.value).toBe('12/01/2026');
    expect(from.placeholder).toBe('mm/dd/yyyy');
  });
});
