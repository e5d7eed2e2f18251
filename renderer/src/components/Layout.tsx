import type { ReactNode } from 'react';
import { Icon } from './Icon';
import { useT } from '../i18n';
import { LanguageSelect } from './LanguageSelect';
import { SyncIndicator } from './SyncIndicator';
import type { MessageKey } from '../i18n/messages';
import { ROUTES, useRoute, type RouteName } from '../state/route';
import { hasRole, useSession } from '../state/session';
import { shortcutText, useShortcuts } from './shortcuts';

/** Screens a role may open; the API enforces the same rules on every call. */
const MIN_ROLE: Readonly<Partial<Record<RouteName, 'supervisor' | 'admin'>>> = {
  reports: 'supervisor',
  settings: 'admin',
};

export function Layout({ children }: { children: ReactNode }) {
  const t = useT();
  const route = useRoute((s) => s.route);
  const navigate = useRoute((s) => s.navigate);
  const actor = useSession((s) => s.actor);
  const settings = useSession((s) => s.settings);
  const lock = useSession((s) => s.lock);
  const logout = useSession((s) => s.logout);
  const visible = ROUTES.filter((name) => !MIN_ROLE[name] || hasRole(actor, MIN_ROLE[name]!));

  useShortcuts({ lock: () => void lock() });

  return (
    <div className="shell">
      <header className="topbar">
        <div className="brand">
          <img src="./favicon.svg" alt="" />
          <span>{settings?.businessName ?? t('common.appName')}</span>
        </div>
        {settings && (
          <span className="who">
            {t('common.topbar.register', { code: settings.register.code })}
          </span>
        )}
        <div className="spacer" />
        {actor && <SyncIndicator />}
        {actor && (
          <span className="who">
            {actor.name} · {t(`common.roles.${actor.role}` as MessageKey)}
          </span>
        )}
        <LanguageSelect />
        <button
          className="btn"
          title={t('common.topbar.lockHint', { key: shortcutText('lock') })}
          onClick={() => void lock()}
        >
          <Icon name="lock" size={18} /> {t('common.topbar.lock')} <kbd>F9</kbd>
        </button>
        <button className="btn" onClick={() => void logout()}>
          {t('common.topbar.logout')}
        </button>
      </header>
      <nav className="sidenav" aria-label="Tendero">
        {visible.map((name) => (
          <button
            key={name}
            aria-current={route.name === name ? 'page' : undefined}
            onClick={() => navigate(name)}
          >
            <span className="icon">
              <Icon name={name} />
            </span>
            {t(`common.nav.${name}` as MessageKey)}
          </button>
        ))}
      </nav>
      <main className="content">{children}</main>
    </div>
  );
}
