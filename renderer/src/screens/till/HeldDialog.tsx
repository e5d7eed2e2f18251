import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { dateTime, money, useT } from '../../i18n';
import { useSession } from '../../state/session';
import type { HeldCart } from '../../till/cart-store';
import { previewTotals } from '../../till/totals';

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
  const settings = useSession((s) => s.settings);
  const categories = useSession((s) => s.taxCategories);
  // The same engine as the till's totals: discounts, tax on top and rounding included.
  const totalOf = (cart: HeldCart): string => {
    const preview = settings
      ? previewTotals(cart.lines, cart.orderDiscount, settings, categories)
      : null;
    return preview?.ok ? money(preview.totals.total) : '—';
  };
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
                {t(h.lines.length === 1 ? 'till.held.line' : 'till.held.lines', {
                  count: h.lines.length,
                  total: totalOf(h),
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
