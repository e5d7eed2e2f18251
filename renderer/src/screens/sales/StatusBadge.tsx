import type { SaleStatus } from '../../../../core/api/model';
import { useT } from '../../i18n';

const TONE: Readonly<Record<SaleStatus, string>> = {
  COMPLETADA: '',
  EDITADA: 'badge-warning',
  ANULADA: 'badge-danger',
};

export function StatusBadge({ status }: { status: SaleStatus }) {
  const t = useT();
  return (
    <span className={`badge ${TONE[status]}`} data-status={status}>
      {t(`common.saleStatuses.${status}`)}
    </span>
  );
}
