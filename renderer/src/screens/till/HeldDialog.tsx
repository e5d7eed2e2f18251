import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { dateTime, money, useT } from '../../i18n';
import type { HeldCart } from '../../till/cart-store';

/** F7: the held sales; picking one parks the current cart in its place. */
export function HeldDialog({
  held,
  onResume,
  onClose,
}: {
  held: readonly HeldCart[];
  onResume(id: string): void;
  onClose(): void;
}) {
  const t = useT();
  return (
    <Dialog
      title={t('till.held.title')}
      onClose={onClose}
      footer={<Button onClick={onClose}>{t('common.close')}</Button>}
    >
      {held.length === 0 ? (
        <p className="muted">{t('till.held.none')}</p>
      ) : (
        <ul className="search-hits">
          {held.map((h, i) => (
            <li key={h.id}>
              <span>
                <strong>{h.customer?.name || `#${i + 1}`}</strong>{' '}
                <span className="muted">{dateTime(h.heldAt, 'time')}</span>
              </span>
              <span className="muted">
                {t('till.held.lines', {
                  count: h.lines.length,
                  total: money(
                    h.lines.reduce(
                      (s, l) =>
                        s +
                        (l.fixedAmount ?? Math.round((l.quantity * l.unitPrice) / 1000)) -
                        l.discount,
                      0,
                    ),
                  ),
                })}
              </span>
              <Button
                size="small"
                variant="primary"
                autoFocus={i === 0}
                onClick={() => onResume(h.id)}
              >
                {t('till.held.resume')}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}
