import { SALE_STATUSES, type SaleStatus } from '../../../../core/api/model';
import { localDateHour } from '../../../../core/time';
import { Button } from '../../components/Button';
import { SelectField, TextField } from '../../components/Field';
import { useI18n, useT } from '../../i18n';
import { DayField } from '../../components/DayField';
import { useSalesFilters } from './sales-filters';
import type { Person } from './usePeople';

/** Date range (store days), status, cashier and text. */
export function SalesFiltersBar({ people }: { people: readonly Person[] }) {
  const t = useT();
  const timeZone = useI18n((s) => s.timeZone);
  const filters = useSalesFilters((s) => s.filters);
  const change = useSalesFilters((s) => s.change);
  const reset = useSalesFilters((s) => s.reset);
  const today = () => localDateHour(new Date(), timeZone).date;
  const cashiers = people.filter((p) => p.active || p.id === filters.cashierId);

  return (
    <form
      className="sales-filters card"
      role="search"
      aria-label={t('sales.filters.label')}
      onSubmit={(e) => e.preventDefault()}
    >
      <DayField
        label={t('sales.filters.from')}
        value={filters.from}
        onChange={(from) => change({ from })}
      />
      <DayField
        label={t('sales.filters.to')}
        value={filters.to}
        onChange={(to) => change({ to })}
      />
      <SelectField
        label={t('sales.filters.status')}
        value={filters.status}
        onChange={(e) => change({ status: e.target.value as SaleStatus | '' })}
      >
        <option value="">{t('sales.filters.allStatuses')}</option>
        {SALE_STATUSES.map((status) => (
          <option key={status} value={status}>
            {t(`common.saleStatuses.${status}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('sales.filters.cashier')}
        value={filters.cashierId ?? ''}
        onChange={(e) => change({ cashierId: e.target.value ? Number(e.target.value) : null })}
      >
        <option value="">{t('sales.filters.allCashiers')}</option>
        {cashiers.map((person) => (
          <option key={person.id} value={person.id}>
            {person.name}
          </option>
        ))}
      </SelectField>
      <TextField
        className="sales-filter-text"
        label={t('sales.filters.text')}
        type="search"
        placeholder={t('sales.filters.textPlaceholder')}
        value={filters.text}
        maxLength={80}
        onChange={(e) => change({ text: e.target.value })}
      />
      <div className="sales-filter-buttons">
        <Button
          onClick={() => {
            const day = today();
            change({ from: day, to: day });
          }}
        >
          {t('sales.filters.today')}
        </Button>
        <Button variant="ghost" onClick={reset}>
          {t('sales.filters.clear')}
        </Button>
      </div>
    </form>
  );
}
