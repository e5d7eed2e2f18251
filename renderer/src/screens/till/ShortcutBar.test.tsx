import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ShortcutBar } from './ShortcutBar';

describe('ShortcutBar', () => {
  it('shows every F-key the till answers, F10 (discount) included', () => {
    render(<ShortcutBar />);
    const keys = screen.getAllByText(/^F\d/, { selector: 'kbd' }).map((kbd) => kbd.textContent);
    // The same keys as TillScreen's useHotkeys: F2, F3, F4/F12, F6, F7, F8, F10; F9 locks.
    expect(keys).toEqual(['F2', 'F3', 'F4 / F12', 'F6', 'F7', 'F8', 'F10', 'F9']);
    expect(screen.getByText('Descuento', { exact: false })).toBeTruthy();
  });
});
