import { useEffect, type ReactElement } from 'react';
import { Button } from './components/Button';
import { Layout } from './components/Layout';
import { Toasts } from './components/Toasts';
import { useT } from './i18n';
import { errorMessage } from './i18n/errors';
import { CashScreen } from './screens/cash/CashScreen';
import { CustomersScreen } from './screens/customers/CustomersScreen';
import { LockAlertsDialog } from './screens/login/LockAlertsDialog';
import { LoginScreen } from './screens/login/LoginScreen';
import { ProductsScreen } from './screens/products/ProductsScreen';
import { ReportsScreen } from './screens/reports/ReportsScreen';
import { SalesScreen } from './screens/sales/SalesScreen';
import { SettingsScreen } from './screens/settings/SettingsScreen';
import { SetupScreen } from './screens/setup/SetupScreen';
import { TillScreen } from './screens/till/TillScreen';
import { useRoute, type RouteName } from './state/route';
import { useSession } from './state/session';

const SCREENS: Readonly<Record<RouteName, () => ReactElement>> = {
  till: TillScreen,
  cash: CashScreen,
  sales: SalesScreen,
  products: ProductsScreen,
  customers: CustomersScreen,
  reports: ReportsScreen,
  settings: SettingsScreen,
};

function Routed() {
  const name = useRoute((s) => s.route.name);
  const Screen = SCREENS[name];
  return <Screen />;
}

export function App() {
  const t = useT();
  const phase = useSession((s) => s.phase);
  const boot = useSession((s) => s.boot);
  const refusal = useSession((s) => s.refusal);
  useEffect(() => {
    void boot();
  }, [boot]);

  return (
    <>
      {phase === 'booting' && <div className="centered muted">{t('common.loading')}</div>}
      {phase === 'unreachable' && (
        <div className="centered stack">
          <p>{t('common.topbar.offline')}</p>
          <Button variant="primary" onClick={() => void boot()}>
            {t('common.retry')}
          </Button>
        </div>
      )}
      {phase === 'refused' && refusal && (
        <div className="centered stack" role="alert">
          <p>
            <strong>{t('common.topbar.refused')}</strong>
          </p>
          <p>{errorMessage(refusal)}</p>
          <Button variant="primary" onClick={() => void boot()}>
            {t('common.retry')}
          </Button>
        </div>
      )}
      {phase === 'setup' && <SetupScreen />}
      {phase === 'login' && <LoginScreen />}
      {phase === 'ready' && (
        <Layout>
          <Routed />
          <LockAlertsDialog />
        </Layout>
      )}
      <Toasts />
    </>
  );
}
