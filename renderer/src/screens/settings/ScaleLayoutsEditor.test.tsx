import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScaleLayoutSetting } from '../../../../core/api/model';
import { useI18n } from '../../i18n';
import { ScaleLayoutsEditor } from './ScaleLayoutsEditor';

function Harness({ initial }: { initial: ScaleLayoutSetting[] }) {
  const [layouts, setLayouts] = useState<readonly ScaleLayoutSetting[]>(initial);
  return <ScaleLayoutsEditor value={layouts} onChange={setLayouts} />;
}

const text = (el: Element) => el.textContent?.replace(/\u00a0/g, ' ');

beforeEach(() => useI18n.setState({ language: 'es', storeLocale: 'es-PE', currency: 'PEN' }));
afterEach(cleanup);

describe('ScaleLayoutsEditor', () => {
  it('explains each layout live with a decoded sample label', async () => {
    render(<Harness initial={[{ pattern: '20 PPPPP WWWWW C', priceDecimals: 2 }]} />);
    const row = screen.getAllByRole('listitem')[0]!;
    expect(text(row)).toContain(
      'EAN-13: prefijo 20, producto de 5 dígitos, peso en gramos (5 dígitos).',
    );
    expect(text(row)).toContain('Ejemplo: 2012345012509 → producto 12345, peso 1.25 kg');

    const pattern = screen.getByRole('textbox', { name: 'Formato 1' });
    await userEvent.clear(pattern);
    await userEvent.type(pattern, '2 PPPPP $$$$$ C');
    expect(text(row)).toContain('producto 12345, precio S/ 12.90');

    await userEvent.type(pattern, 'C');
    expect(screen.getByRole('alert').textContent).toBe(
      'Debe terminar con una sola C (dígito verificador).',
    );
    await userEvent.type(pattern, 'C');
    expect(screen.getByRole('alert').textContent).toBe(
      'Tiene 14 posiciones: EAN-13 lleva 13 y UPC-A 12.',
    );
  });

  it('adds and removes layouts, and tries a real label against them', async () => {
    render(<Harness initial={[]} />);
    expect(screen.getByText('No hay formatos de etiqueta.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Agregar formato' }));
    expect(screen.getAllByRole('listitem')).toHaveLength(1);

    const label = screen.getByRole('textbox', { name: 'Probar una etiqueta' });
    await userEvent.type(label, '2000123004501');
    expect(text(screen.getByRole('status'))).toBe('producto 00123, peso 0.45 kg');
    await userEvent.clear(label);
    await userEvent.type(label, '2000123004500');
    expect(screen.getByRole('status').textContent).toBe(
      'El dígito verificador no coincide (debería ser 1).',
    );

    await userEvent.clear(label);
    await userEvent.type(label, '2000123004501');
    await userEvent.click(screen.getByRole('button', { name: 'Quitar el formato 1' }));
    expect(screen.queryAllByRole('listitem')).toHaveLength(0);
    expect(screen.getByRole('status').textContent).toBe(
      'Ningún formato corresponde a esta etiqueta.',
    );
  });
});
