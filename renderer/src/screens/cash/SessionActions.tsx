import { Button } from '../../components/Button';
import { shortcutText } from '../../components/shortcuts';
import { useT } from '../../i18n';

/** What can be done with the open session. */
export function SessionActions({
  onRefresh,
  onPrint,
  onMovement,
  onClose,
}: {
  onRefresh(): void;
  onPrint(): void;
  onMovement(): void;
  onClose(): void;
}) {
  const t = useT();
  return (
    <div className="row session-actions">
      <Button onClick={onRefresh}>{t('cash.refresh')}</Button>
      <Button onClick={onPrint}>{t('cash.session.print')}</Button>
      <Button onClick={onMovement} shortcut={shortcutText('create')}>
        {t('cash.session.movement')}
      </Button>
      <Button variant="primary" onClick={onClose}>
        {t('cash.session.close')}
      </Button>
    </div>
  );
}
