import { callOrToast } from '../../api/use-call';
import { Button } from '../../components/Button';
import { useT } from '../../i18n';
import { downloadText } from './download';

/**
 * What a shop with no products yet sees: a template to fill in Excel (the
 * import's columns and one example row, UTF-8 with a BOM so Excel keeps the
 * accents) and the way to import it.
 */
export function EmptyCatalog({
  canEdit,
  onImport,
}: {
  readonly canEdit: boolean;
  readonly onImport: () => void;
}) {
  const t = useT();
  async function downloadTemplate() {
    const result = await callOrToast('products.template', {});
    if (result) downloadText(t('products.empty.templateFile'), result.csv);
  }
  return (
    <div className="stack empty-catalog" data-testid="empty-catalog">
      <h2>{t('products.empty.title')}</h2>
      <p className="muted">{canEdit ? t('products.empty.help') : t('products.empty.cashier')}</p>
      {canEdit && (
        <div className="row">
          <Button onClick={() => void downloadTemplate()}>{t('products.empty.template')}</Button>
          <Button variant="primary" onClick={onImport}>
            {t('products.import.open')}
          </Button>
        </div>
      )}
    </div>
  );
}
