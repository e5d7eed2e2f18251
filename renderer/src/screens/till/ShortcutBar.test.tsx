import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SHORTCUTS, shortcutMap } from '../../components/shortcuts';
import { ShortcutBar } from './ShortcutBar';

/** Every screen and component of the renderer, as text (Vite reads them; the renderer has no fs). */
const SOURCES = import.meta.glob<string>(['../../**/*.tsx', '!../../**/*.test.tsx'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

describe('shortcuts', () => {
  it('shows every F-key the till answers on its bar, F10 (discount) included', () => {
    render(<ShortcutBar />);
    const keys = screen.getAllByText(/^F\d/, { selector: 'kbd' }).map((kbd) => kbd.textContent);
    expect(keys).toEqual(['F2', 'F3', 'F4 / F12', 'F6', 'F7', 'F8', 'F10', 'F9']);
    expect(screen.getByText('Descuento', { exact: false })).toBeTruthy();
    expect(screen.getByText('Buscar cliente', { exact: false })).toBeTruthy();
  });

  it('give each key one meaning: no key belongs to two actions', () => {
    const keys = Object.values(SHORTCUTS).flatMap((s) => [...s.keys]);
    expect(new Set(keys).size).toBe(keys.length);
    const map = shortcutMap({ pay: () => undefined, create: () => undefined });
    expect(Object.keys(map).sort()).toEqual(['F12', 'F4', 'Insert']);
  });

  it('are bound and shown only through the one table, on every screen', () => {
    // A hand-written F-key in a screen is how F2 came to mean "search" at the
    // till and "new" in the catalogue; screens name actions instead.
    expect(Object.keys(SOURCES).length).toBeGreaterThan(20);
    const offenders = Object.entries(SOURCES).flatMap(([path, text]) =>
      [...text.matchAll(/shortcut="F\d[^"]*"|useHotkeys\(\s*\{[^}]*\bF\d+\s*:/g)].map(
        (m) => `${path}: ${m[0]}`,
      ),
    );
    expect(offenders).toEqual([]);
  });
});
