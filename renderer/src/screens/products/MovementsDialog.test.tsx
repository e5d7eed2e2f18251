import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { callOrToast } from '../../api/use-call';
import type * as UseCall from '../../api/use-call';
import { useI18n } from '../../i18n';
import { MovementsDialog } from './MovementsDialog';

vi.mock('../../api/use-call', async (original) => ({
  ...(await original<typeof UseCall>()),
  callOrToast: vi.fn(),
}));

const AT = '2026-12-05T21:06:00.000Z';

beforeAll(() => {
  // The machine's clock says Tokyo; every time shown must be the store's.
  process.env.TZ = 'Asia/Tokyo';
});

afterEach(() => {
  vi.clearAllMocks();
  useI18n.getState().setStore({ locale: 'es-PE', currency: 'PEN', timeZone: 'America/Lima' });
});

describe('MovementsDialog', () => {
  it("shows each movement's time in the store's zone, and follows a zone change at once", async () => {
    expect(new Date(AT).getHours()).toBe(6); // 06:06 in Tokyo
    useI18n.getState().setStore({ locale: 'es-PE', currency: 'PEN', timeZone: 'America/Lima' });
    vi.mocked(callOrToast).mockResolvedValue([
      {
        id: 1,
        productId: 7,
        kind: 'ADJUST',
        quantity: -2,
        balanceAfter: 8,
        reason: 'Conteo',
        userName: 'Rosa',
        createdAt: AT,
      },
    ] as never);
    render(<MovementsDialog product={{ id: 7, name: 'Arroz' }} onClose={vi.fn()} />);
    expect(await screen.findByText('5/12/26, 4:06 p. m.')).toBeTruthy();

    // An admin moves the store to Madrid: the open dialog follows without reopening.
    act(() =>
      useI18n.getState().setStore({ locale: 'es-PE', currency: 'PEN', timeZone: 'Europe/Madrid' }),
    );
    expect(screen.getByText('5/12/26, 10:06 p. m.')).toBeTruthy();
  });
});
