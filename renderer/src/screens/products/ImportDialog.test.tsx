import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ImportReport } from '../../../../core/api/model';
import { CallError, call } from '../../api/use-call';
import { useI18n } from '../../i18n';
import { ImportDialog } from './ImportDialog';

vi.mock(import('../../api/use-call'), async (original) => ({
  ...(await original()),
  call: vi.fn(),
}));

const CSV = 'codigo,nombre,precio\nA1,Uno,1.00\nA2,Dos,abc\nA3,Tres,3.00\n';
/** The file's bytes as the dialog sends them: base64, never decoded in the page. */
const FILE = Buffer.from(CSV, 'utf8').toString('base64');
const preview: ImportReport = {
  dryRun: true,
  rows: 3,
  created: 2,
  updated: 0,
  unchanged: 0,
  skipped: 1,
  errors: [{ line: 3, field: 'precio', reason: 'INVALID_NUMBER', message: '"abc" is not valid' }],
  encoding: 'utf-8',
  separator: ',',
  changes: [],
  setStock: false,
};

beforeEach(() => useI18n.setState({ language: 'es' }));
afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe('ImportDialog', () => {
  it('reads the file, previews with a dry run, and imports only when told to skip bad rows', async () => {
    vi.mocked(call)
      .mockResolvedValueOnce(preview as never)
      .mockResolvedValueOnce({ ...preview, dryRun: false } as never);
    const onImported = vi.fn();
    const { container } = render(<ImportDialog onImported={onImported} onClose={vi.fn()} />);
    const input = container.querySelector<HTMLInputElement>('input[type=file]')!;
    await userEvent.upload(input, new File([CSV], 'lista.csv', { type: 'text/csv' }));

    await screen.findByText('No es un número válido.');
    expect(vi.mocked(call)).toHaveBeenCalledWith('products.import', { file: FILE, dryRun: true });
    const cells = screen.getAllByRole('cell').map((c) => c.textContent);
    expect(cells).toEqual(['3', 'precio', 'No es un número válido.']);
    expect(screen.getByTestId('import-format').textContent).toBe(
      'Archivo leído como UTF-8, columnas separadas por comas (,).',
    );

    const importButton = screen.getByRole('button', { name: 'Importar (2)' });
    expect((importButton as HTMLButtonElement).disabled).toBe(true);
    await userEvent.click(
      screen.getByRole('checkbox', {
        name: 'Importar solo las filas correctas y omitir las que tienen errores',
      }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Importar filas correctas (2)' }));
    await waitFor(() => expect(onImported).toHaveBeenCalled());
    expect(vi.mocked(call)).toHaveBeenLastCalledWith('products.import', {
      file: FILE,
      skipInvalid: true,
      dryRun: false,
    });
    expect(
      screen.getByText(
        'Importación terminada: 2 creados, 0 actualizados, 0 sin cambios, 1 omitidos.',
      ),
    ).toBeTruthy();
  });

  it('names the skip checkbox when the import itself is refused for bad rows', async () => {
    const clean: ImportReport = { ...preview, created: 3, skipped: 0, errors: [] };
    vi.mocked(call)
      .mockResolvedValueOnce(clean as never)
      .mockRejectedValueOnce(
        new CallError({
          code: 'VALIDATION',
          message: '1 rows have errors; nothing was imported',
          details: {
            reason: 'IMPORT_HAS_ERRORS',
            canSkip: true,
            report: { ...preview, dryRun: false, created: 0, skipped: 3 },
          },
        }),
      )
      .mockResolvedValueOnce(preview as never);
    const { container } = render(<ImportDialog onImported={vi.fn()} onClose={vi.fn()} />);
    const input = container.querySelector<HTMLInputElement>('input[type=file]')!;
    await userEvent.upload(input, new File([CSV], 'lista.csv', { type: 'text/csv' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Importar (3)' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'El archivo tiene filas con errores; no se importó nada. Corríjalas, o marque «Importar solo las filas correctas y omitir las que tienen errores».',
    );
    // The report is back on screen with the checkbox the sentence names.
    expect(screen.getAllByRole('cell').map((c) => c.textContent)).toEqual([
      '3',
      'precio',
      'No es un número válido.',
    ]);
    expect(
      screen.getByRole('checkbox', {
        name: 'Importar solo las filas correctas y omitir las que tienen errores',
      }),
    ).toBeTruthy();
    // Previewed again: the counts are what skipping would import now.
    expect(vi.mocked(call)).toHaveBeenLastCalledWith('products.import', {
      file: FILE,
      dryRun: true,
    });
    expect(screen.getByRole('button', { name: 'Importar (2)' })).toBeTruthy();
  });

  it('shows each change old → new and sets stock only when ticked, with a reason', async () => {
    const reimport: ImportReport = {
      ...preview,
      rows: 1,
      created: 0,
      updated: 1,
      skipped: 0,
      errors: [],
      encoding: 'windows-1252',
      separator: ';',
      changes: [
        {
          line: 2,
          code: 'AZ1',
          name: 'Azúcar rubia',
          fields: [{ field: 'price', from: 280, to: 250 }],
          stock: { from: 48, to: 96, applied: false },
        },
      ],
    };
    vi.mocked(call)
      .mockResolvedValueOnce(reimport as never)
      .mockResolvedValueOnce({ ...reimport, dryRun: false, setStock: true } as never);
    const { container } = render(<ImportDialog onImported={vi.fn()} onClose={vi.fn()} />);
    const input = container.querySelector<HTMLInputElement>('input[type=file]')!;
    await userEvent.upload(input, new File([CSV], 'viejo.csv', { type: 'text/csv' }));
    const changes = await screen.findByTestId('import-changes');
    expect(changes.textContent).toContain('Precio 2.80 → 2.50');
    expect(changes.textContent).toContain('Stock 48 → 96 (no se cambia)');
    expect(screen.getByTestId('import-format').textContent).toContain('Windows-1252');

    await userEvent.click(screen.getByRole('checkbox', { name: 'También fijar el stock' }));
    expect(changes.textContent).toContain('Stock 48 → 96 (se ajustará)');
    const reason = screen.getByLabelText('Motivo del ajuste de stock');
    expect((reason as HTMLInputElement).value).toBe('Stock del archivo viejo.csv');
    await userEvent.clear(reason);
    expect(
      (screen.getByRole('button', { name: 'Importar (1)' }) as HTMLButtonElement).disabled,
    ).toBe(true);
    await userEvent.type(reason, 'Inventario');
    await userEvent.click(screen.getByRole('button', { name: 'Importar (1)' }));
    await waitFor(() =>
      expect(vi.mocked(call)).toHaveBeenLastCalledWith('products.import', {
        file: FILE,
        skipInvalid: false,
        dryRun: false,
        setStock: true,
        stockReason: 'Inventario',
      }),
    );
  });
});
