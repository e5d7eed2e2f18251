import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Settings } from '../../../../core/api/model';
import { call } from '../../api/use-call';
import type * as UseCall from '../../api/use-call';
import { useI18n } from '../../i18n';
import { useSession } from '../../state/session';
import { TaxSection } from './TaxSection';

vi.mock('../../api/use-call', async (original) => ({
  ...(await original<typeof UseCall>()),
  call: vi.fn(),
}));

/** The tax section's own settings, for a store of `country` selling in `currency`. */
function settingsOf(
  country: string,
  currency: string,
  locale: string,
  cashRounding: boolean,
): Settings {
  return {
    country,
    currency,
    locale,
    timeZone: 'America/Lima',
    pricesIncludeTax: true,
    roundingMethod: 'line',
    roundingMode: 'HALF_UP',
    defaultDocumentType: 'BOLETA',
    cashierPriceOverride: false,
    exchangeRate: null,
    igtfEnabled: false,
    cashRounding,
  } as unknown as Settings;
}

function show(settings: Settings) {
  useSession.setState({ settings, taxCategories: [] });
  render(<TaxSection settings={settings} />);
}

beforeEach(() => {
  useI18n.getState().setLanguage('es');
  useI18n.getState().setStore({ locale: 'es-PE', currency: 'PEN', timeZone: 'America/Lima' });
});
afterEach(() => vi.clearAllMocks());

describe('TaxSection: cash rounding', () => {
  it('explains Peru’s rule and saves the switch turned off', async () => {
    const settings = settingsOf('PE', 'PEN', 'es-PE', true);
    vi.mocked(call).mockResolvedValue({ ...settings, cashRounding: false } as never);
    show(settings);
    const toggle = screen.getByRole('switch', {
      name: 'Redondear el efectivo a S/\u00a00.10 a favor del cliente',
    }) as HTMLInputElement;
    expect(toggle.checked).toBe(true);
    expect(toggle.getAttribute('aria-describedby')).toBeTruthy();
    expect(
      document.getElementById(toggle.getAttribute('aria-describedby')!)?.textContent,
    ).toContain('S/\u00a04.75 se paga S/\u00a04.70');
    await userEvent.click(toggle);
    await userEvent.click(screen.getByRole('button', { name: /Guardar/ }));
    expect(call).toHaveBeenCalledWith('settings.update', { cashRounding: false });
    expect(useSession.getState().settings?.cashRounding).toBe(false);
  });

  it('says it in English with Colombia’s 50-peso coin', () => {
    useI18n.getState().setLanguage('en');
    useI18n.getState().setStore({ locale: 'es-CO', currency: 'COP', timeZone: 'America/Bogota' });
    show(settingsOf('CO', 'COP', 'es-CO', false));
    const toggle = screen.getByRole('switch', {
      name: /Round cash to \$50\.00 in the customer's favour/,
    });
    expect((toggle as HTMLInputElement).checked).toBe(false);
  });

  it('offers no switch where every cent can be paid in coins', () => {
    show(settingsOf('GENERIC', 'USD', 'en-US', false));
    expect(screen.queryByRole('switch')).toBeNull();
  });
});
