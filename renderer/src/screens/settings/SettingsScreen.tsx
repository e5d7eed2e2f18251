import { useState } from 'react';
import { useT } from '../../i18n';
import { hasRole, useSession } from '../../state/session';
import '../products/products.css';
import { BackupsSection } from './BackupsSection';
import { BusinessSection } from './BusinessSection';
import { CertificatePanel } from './CertificatePanel';
import { ControlsSection } from './ControlsSection';
import { EinvoiceSection } from './EinvoiceSection';
import { LanguageSection } from './LanguageSection';
import { PaymentNamesSection } from './PaymentNamesSection';
import { ReceiptSection } from './ReceiptSection';
import { SeriesSection } from './SeriesSection';
import { StockSection } from './StockSection';
import { SyncSection } from './SyncSection';
import { TaxSection } from './TaxSection';
import { UsersSection } from './UsersSection';
import './settings.css';

export const SECTIONS = [
  'business',
  'taxes',
  'series',
  'stock',
  'controls',
  'payments',
  'users',
  'receipt',
  'backups',
  'sync',
  'language',
  'einvoice',
] as const;
export type SectionName = (typeof SECTIONS)[number];

/** The store's settings, one section at a time (admin). */
export function SettingsScreen() {
  const t = useT();
  const actor = useSession((s) => s.actor);
  const settings = useSession((s) => s.settings);
  const [section, setSection] = useState<SectionName>('business');

  if (!hasRole(actor, 'admin')) return <p className="empty">{t('settings.forbidden')}</p>;
  if (!settings) return <p className="muted">{t('common.loading')}</p>;

  return (
    <section className="settings-screen">
      <header className="screen-title">
        <h1>{t('common.nav.settings')}</h1>
      </header>
      <div className="settings-layout">
        <nav className="settings-nav" aria-label={t('settings.sections')}>
          {SECTIONS.filter((name) => name !== 'einvoice' || settings.country === 'PE').map(
            (name) => (
              <button
                key={name}
                type="button"
                aria-current={section === name ? 'true' : undefined}
                onClick={() => setSection(name)}
              >
                {t(`settings.nav.${name}`)}
              </button>
            ),
          )}
        </nav>
        <div className="settings-body">
          {section === 'business' && <BusinessSection settings={settings} />}
          {section === 'taxes' && <TaxSection settings={settings} />}
          {section === 'series' && <SeriesSection />}
          {section === 'stock' && <StockSection settings={settings} />}
          {section === 'controls' && <ControlsSection settings={settings} />}
          {section === 'payments' && <PaymentNamesSection settings={settings} />}
          {section === 'users' && <UsersSection />}
          {section === 'receipt' && <ReceiptSection settings={settings} />}
          {section === 'backups' && <BackupsSection />}
          {section === 'sync' && <SyncSection />}
          {section === 'language' && <LanguageSection settings={settings} />}
          {section === 'einvoice' && (
            <>
              <EinvoiceSection settings={settings} />
              <CertificatePanel />
            </>
          )}
        </div>
      </div>
    </section>
  );
}
