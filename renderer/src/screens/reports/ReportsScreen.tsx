import { useT } from '../../i18n';

/** Replaced by the real screen as the UI issue is built. */
export function ReportsScreen() {
  const t = useT();
  return <h1>{t('common.nav.reports' as never)}</h1>;
}
