import { useState } from 'react';
import type { SaleListItem } from '../../../../core/api/model';
import { useRoute } from '../../state/route';
import { CreditNotePdfDialog } from './SalePdfDialog';
import { Pager } from './Pager';
import { SalesFiltersBar } from './SalesFiltersBar';
import { SalesTable } from './SalesTable';
import { useSaleCpes } from './CpeBadge';
import { PAGE_SIZE, useSalesFilters } from './sales-filters';
import type { Person } from './usePeople';
import { useSalesList } from './useSalesList';
import { useT } from '../../i18n';

/** #/sales: the history, filtered and paginated, newest first. */
export function SalesList({ people }: { people: readonly Person[] }) {
  const t = useT();
  const navigate = useRoute((s) => s.navigate);
  const filters = useSalesFilters((s) => s.filters);
  const goTo = useSalesFilters((s) => s.goTo);
  const { page, loading } = useSalesList(filters);
  const cpes = useSaleCpes(page?.items.map((sale) => sale.id) ?? []);
  const [printing, setPrinting] = useState<SaleListItem['creditNotes'][number] | null>(null);

  return (
    <div className="stack sales-list">
      <div className="screen-title">
        <h1>{t('sales.title')}</h1>
      </div>
      <SalesFiltersBar people={people} />
      <section className={`card sales-results ${loading ? 'loading' : ''}`} aria-busy={loading}>
        {page ? (
          <>
            <SalesTable
              items={page.items}
              cpes={cpes}
              onOpen={(id) => navigate('sales', id)}
              onPrintCreditNote={setPrinting}
            />
            <Pager page={page.page} total={page.total} pageSize={PAGE_SIZE} onPage={goTo} />
          </>
        ) : (
          <p className="muted">{t('common.loading')}</p>
        )}
      </section>
      {printing && <CreditNotePdfDialog creditNote={printing} onClose={() => setPrinting(null)} />}
    </div>
  );
}
