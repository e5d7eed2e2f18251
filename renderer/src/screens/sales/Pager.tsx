import { Button } from '../../components/Button';
import { tn, useT } from '../../i18n';

export function Pager({
  page,
  total,
  pageSize,
  onPage,
}: {
  page: number;
  total: number;
  pageSize: number;
  onPage(page: number): void;
}) {
  const t = useT();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav className="cs-pager row" aria-label={t('common.page', { page, pages })}>
      <span className="muted">{tn('sales.list.count', total)}</span>
      <div className="spacer" />
      <Button disabled={page <= 1} onClick={() => onPage(page - 1)}>
        ← {t('common.previous')}
      </Button>
      <span>{t('common.page', { page, pages })}</span>
      <Button disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('common.next')} →
      </Button>
    </nav>
  );
}
