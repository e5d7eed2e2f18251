import { Button } from '../../components/Button';
import { useT } from '../../i18n';

export function Pager({
  page,
  pages,
  onPage,
}: {
  readonly page: number;
  readonly pages: number;
  onPage(page: number): void;
}) {
  const t = useT();
  if (pages <= 1) return null;
  return (
    <nav className="row pager" aria-label={t('products.list.pages')}>
      <Button disabled={page <= 1} onClick={() => onPage(page - 1)}>
        ‹ {t('common.previous')}
      </Button>
      <span className="muted">{t('common.page', { page, pages })}</span>
      <Button disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('common.next')} ›
      </Button>
    </nav>
  );
}
