import { useT } from '../../i18n';

/** Replaced by the real screen as the UI issue is built. */
export function TillScreen() {
  const t = useT();
  return <h1>{t('common.nav.till' as never)}</h1>;
}
