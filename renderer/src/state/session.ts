import { create } from 'zustand';
import type { SetupStatus } from '../../../core/api/areas/setup';
import type { Actor, LockAlert, Settings, TaxCategoryInfo } from '../../../core/api/model';
import { profileOf, type CountryProfile } from '../../../core/profiles';
import type { TaxRules } from '../../../core/tax/types';
import { api } from '../api/client';
import { onLoggedOut } from '../api/logged-out';
import { useI18n } from '../i18n';
import type { ErrorInfo } from '../../../core/errors';

/**
 * `unreachable`: the till server does not answer at all; `refused`: it answered
 * but refused (a wrong address, another origin), and `refusal` says why.
 */
export type Phase = 'booting' | 'setup' | 'login' | 'ready' | 'unreachable' | 'refused';

interface SessionState {
  readonly phase: Phase;
  readonly status: SetupStatus | null;
  readonly actor: Actor | null;
  readonly settings: Settings | null;
  readonly taxCategories: readonly TaxCategoryInfo[];
  /** Set when the screen was locked: the login screen offers this user first. */
  readonly lockedBy: string | null;
  /**
   * Set when the session expired under a logged-in user (the web host forgets
   * an idle session): the login says so and offers that user first. The
   * cart is kept as it is (it lives in localStorage, not in the session), for
   * whoever logs in next at this till.
   */
  readonly expiredFor: string | null;
  readonly refusal: ErrorInfo | null;
  /** Lockouts by wrong PINs an admin has not seen yet, fetched when an admin logs in. */
  readonly lockAlerts: readonly LockAlert[];
  boot(): Promise<void>;
  dismissLockAlerts(): Promise<void>;
  login(name: string, pin: string): Promise<ErrorInfo | null>;
  lock(): Promise<void>;
  logout(): Promise<void>;
  /** Reloads settings and tax categories after they change. */
  refresh(): Promise<void>;
  applySettings(settings: Settings): void;
}

export const useSession = create<SessionState>((set, get) => ({
  phase: 'booting',
  status: null,
  actor: null,
  settings: null,
  taxCategories: [],
  lockedBy: null,
  expiredFor: null,
  refusal: null,
  lockAlerts: [],

  async boot() {
    const status = await api.call('setup.status', {});
    if (!status.ok) {
      return set(
        status.error.details?.reason === 'OFFLINE'
          ? { phase: 'unreachable', refusal: null }
          : { phase: 'refused', refusal: status.error },
      );
    }
    set({ status: status.value, refusal: null });
    if (!localStorage.getItem('tendero.language'))
      useI18n.getState().setLanguage(status.value.language);
    if (!status.value.initialized) return set({ phase: 'setup' });
    // Before anyone logs in (settings need a user), so the login screen's times are the store's.
    const { timeZone, locale } = status.value;
    if (timeZone && locale) useI18n.getState().setStore({ timeZone, locale });
    const current = await api.call('auth.current', {});
    if (current.ok && current.value) {
      set({ actor: current.value });
      await get().refresh();
      return set({ phase: 'ready' });
    }
    set({ phase: 'login' });
  },

  async login(name, pin) {
    const result = await api.call('auth.login', { name, pin });
    if (!result.ok) return result.error;
    set({ actor: result.value, lockedBy: null, expiredFor: null, lockAlerts: [] });
    await get().refresh();
    if (result.value.role === 'admin') {
      const alerts = await api.call('users.lockAlerts', {});
      if (alerts.ok) set({ lockAlerts: alerts.value });
    }
    set({ phase: 'ready' });
    return null;
  },

  async dismissLockAlerts() {
    const ids = get().lockAlerts.map((a) => a.id);
    if (ids.length > 0) await api.call('users.dismissLockAlerts', { ids });
    set({ lockAlerts: [] });
  },

  async lock() {
    const name = get().actor?.name ?? null;
    await api.call('auth.logout', {});
    set({ actor: null, phase: 'login', lockedBy: name, expiredFor: null });
  },

  async logout() {
    await api.call('auth.logout', {});
    set({ actor: null, phase: 'login', lockedBy: null, expiredFor: null });
  },

  async refresh() {
    const [settings, categories] = await Promise.all([
      api.call('settings.get', {}),
      api.call('taxCategories.list', {}),
    ]);
    if (settings.ok) get().applySettings(settings.value);
    if (categories.ok) set({ taxCategories: categories.value });
  },

  applySettings(settings) {
    set({ settings });
    useI18n.getState().setStore({
      locale: settings.locale,
      currency: settings.currency,
      timeZone: settings.timeZone,
    });
  },
}));

// Any call refused for want of a login while someone was working: back to the login.
// The login calls themselves answer for their own refusals (a wrong PIN has a reason).
onLoggedOut((channel) => {
  if (channel.startsWith('auth.')) return;
  const { phase, actor } = useSession.getState();
  if (phase !== 'ready' || !actor) return;
  useSession.setState({ actor: null, phase: 'login', lockedBy: null, expiredFor: actor.name });
});

/** The store's country profile, once settings are loaded. */
export function useProfile(): CountryProfile | null {
  const country = useSession((s) => s.settings?.country);
  return country ? profileOf(country) : null;
}

/** The tax rules a cart preview uses; the main process recomputes on save. */
export function taxRulesOf(settings: Settings, categories: readonly TaxCategoryInfo[]): TaxRules {
  return {
    pricesIncludeTax: settings.pricesIncludeTax,
    roundingMethod: settings.roundingMethod,
    roundingMode: settings.roundingMode,
    taxBasis: settings.taxBasis,
    categories: categories.map(({ code, name, kind, rate, fixedTaxes }) => ({
      code,
      name,
      kind,
      rate,
      fixedTaxes,
    })),
  };
}

export function hasRole(actor: Actor | null, role: Actor['role']): boolean {
  const rank = { cashier: 1, supervisor: 2, admin: 3 } as const;
  return actor !== null && rank[actor.role] >= rank[role];
}
