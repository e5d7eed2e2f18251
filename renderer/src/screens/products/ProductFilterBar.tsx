import type { Ref } from 'react';
import type { Category } from '../../../../core/api/model';
import { shortcutText } from '../../components/shortcuts';
import { CheckField } from '../../components/Field';
import { useT } from '../../i18n';
import type { ProductFilters } from './useProductList';

/** Search as you type, plus the list's filters: category, low stock, inactive ones. */
export function ProductFilterBar({
  ref,
  filters,
  categories,
  onChange,
}: {
  readonly ref?: Ref<HTMLInputElement>;
  readonly filters: ProductFilters;
  readonly categories: readonly Category[];
  onChange(change: Partial<ProductFilters>): void;
}) {
  const t = useT();
  const searching = filters.text.trim() !== '';
  return (
    <div className="row filter-bar">
      <input
        ref={ref}
        type="search"
        className="input search-input"
        aria-label={t('products.list.search')}
        placeholder={t('products.list.searchPlaceholder', { key: shortcutText('searchProduct') })}
        value={filters.text}
        onChange={(e) => onChange({ text: e.target.value })}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && filters.text) {
            e.stopPropagation();
            onChange({ text: '' });
          }
        }}
      />
      <select
        className="input category-filter"
        aria-label={t('products.fields.category')}
        value={filters.categoryId ?? ''}
        disabled={searching}
        onChange={(e) =>
          onChange({ categoryId: e.target.value === '' ? null : Number(e.target.value) })
        }
      >
        <option value="">{t('products.list.allCategories')}</option>
        {categories.map((c) => (
          <option key={c.id} value={c.id}>
            {t('products.list.categoryCount', { name: c.name, count: c.productCount })}
          </option>
        ))}
      </select>
      <CheckField
        label={t('products.list.lowOnly')}
        checked={filters.lowStock}
        disabled={searching}
        onChange={(e) => onChange({ lowStock: e.target.checked })}
      />
      <CheckField
        label={t('products.list.includeInactive')}
        checked={filters.includeInactive}
        onChange={(e) => onChange({ includeInactive: e.target.checked })}
      />
    </div>
  );
}
