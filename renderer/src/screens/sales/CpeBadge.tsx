import { useEffect, useState } from 'react';
import type { CpeInfo, CpeState } from '../../../../core/api/model';
import { api } from '../../api/client';
import { useT } from '../../i18n';

const TONE: Readonly<Record<CpeState, string>> = {
  PENDING: 'badge-warning',
  SIGN_FAILED: 'badge-danger',
  SENT: 'badge-warning',
  ACCEPTED: '',
  OBSERVED: 'badge-warning',
  REJECTED: 'badge-danger',
};

/** Where a sale's electronic document (CPE) stands with SUNAT; the reason on hover. */
export function CpeBadge({ cpe }: { readonly cpe: CpeInfo }) {
  const t = useT();
  const why = cpe.failure ?? cpe.cdrMessage;
  return (
    <span
      className={`badge ${TONE[cpe.state]}`}
      data-cpe-state={cpe.state}
      title={`${t('sales.cpe.title')}: ${cpe.number}${why ? ` — ${why}` : ''}`}
    >
      {t(`sales.cpe.states.${cpe.state}`)}
    </span>
  );
}

/**
 * The CPEs of these sales, by sale id (each sale's own document, not its credit
 * notes). Empty where e-invoicing is off: nothing is shown then.
 */
export function useSaleCpes(saleIds: readonly string[]): ReadonlyMap<string, CpeInfo> {
  const key = saleIds.join(',');
  const [cpes, setCpes] = useState<ReadonlyMap<string, CpeInfo>>(new Map());
  useEffect(() => {
    let live = true;
    const ids = key ? key.split(',') : [];
    if (ids.length === 0) {
      setCpes(new Map());
      return;
    }
    void api.call('einvoice.status', { saleIds: ids }).then((result) => {
      if (!live || !result.ok) return;
      setCpes(new Map(result.value.filter((c) => c.returnId === null).map((c) => [c.saleId, c])));
    });
    return () => {
      live = false;
    };
  }, [key]);
  return cpes;
}
