import { useT } from '../../i18n';

/** Replaced by the real screen as the UI issue is built. */
export function SalesScreen() {
  const t = useT();
  return <h1>{t('common.nav.sales' as never)}</h1>;
}
