import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callOrToast } from '../../api/use-call';
import type * as UseCall from '../../api/use-call';
import { useI18n } from '../../i18n';
import { BackupsSection } from './BackupsSection';

vi.mock('../../api/use-call', async (original) => ({
  ...(await original<typeof UseCall>()),
  callOrToast: vi.fn(),
}));

afterEach(() => vi.clearAllMocks());

describe('BackupsSection', () => {
  it("shows the folder the till reports for this database, not the platforms' defaults", async () => {
    useI18n.getState().setStore({ locale: 'es-PE', currency: 'PEN', timeZone: 'America/Lima' });
    vi.mocked(callOrToast).mockResolvedValue({
      folder: '/srv/tiendas/backups',
      database: '/srv/tiendas/tienda-2.sqlite',
      count: 3,
      latest: {
        file: '/srv/tiendas/backups/tienda-2-2026-12-05.sqlite',
        at: '2026-12-05T21:06:00.000Z',
      },
    } as never);
    render(<BackupsSection />);
    expect(await screen.findByText('/srv/tiendas/backups')).toBeTruthy();
    expect(callOrToast).toHaveBeenCalledWith('settings.backups', {});
    expect(screen.getByText('/srv/tiendas/tienda-2.sqlite')).toBeTruthy();
    expect(screen.getByText(/5\/12\/26, 4:06 p\. m\. · tienda-2-2026-12-05\.sqlite/)).toBeTruthy();
    expect(screen.getByText('3 copias automáticas en la carpeta')).toBeTruthy();
    expect(document.body.textContent).not.toContain('%APPDATA%');
    expect(document.body.textContent).not.toContain('~/.config/Tendero');
  });

  it('says when there is no copy yet', async () => {
    vi.mocked(callOrToast).mockResolvedValue({
      folder: 'C:\\Tiendas\\backups',
      database: 'C:\\Tiendas\\tienda.sqlite',
      count: 0,
      latest: null,
    } as never);
    render(<BackupsSection />);
    expect(await screen.findByText('C:\\Tiendas\\backups')).toBeTruthy();
    expect(screen.getByText(/Todavía no hay copias automáticas/)).toBeTruthy();
  });
});
