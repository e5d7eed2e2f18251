import { useT } from '../../i18n';

/** Replaced by the real screen as the UI issue is built. */
export function CashScreen() {
  const t = useT();
  return <h1>{t('common.nav.cash' as never)}</h1>;
}
