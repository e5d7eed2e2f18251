import { sortByName } from '../../../../core/collate';
import { useEffect, useRef, useState } from 'react';
import type { Category, Product, ProductHit } from '../../../../core/api/model';
import { localDateHour } from '../../../../core/time';
import { callOrToast } from '../../api/use-call';
import { Button } from '../../components/Button';
import { shortcutText, useShortcuts } from '../../components/shortcuts';
import { quantity, tn, useI18n, useT } from '../../i18n';
import { hasRole, useSession } from '../../state/session';
import { useToasts } from '../../state/toasts';
import { downloadText } from './download';
import { EmptyCatalog } from './EmptyCatalog';
import { ImportDialog } from './ImportDialog';
import { LowStockPanel } from './LowStockPanel';
import { MovementsDialog } from './MovementsDialog';
import { Pager } from './Pager';
import { ProductFilterBar } from './ProductFilterBar';
import { ProductForm } from './ProductForm';
import { ProductTable } from './ProductTable';
import { StockAdjustDialog, type StockTarget } from './StockAdjustDialog';
import { PAGE_SIZE, useProductList } from './useProductList';
import './products.css';

type Open =
  | { readonly kind: 'none' }
  | { readonly kind: 'edit'; readonly product: Product | null }
  | { readonly kind: 'adjust'; readonly target: StockTarget }
  | { readonly kind: 'history'; readonly target: { id: number; name: string } }
  | { readonly kind: 'import' };

type Tab = 'catalog' | 'low';

/** Products and stock: the catalog, its editor, stock adjustments and history, CSV in and out. */
export function ProductsScreen() {
  const t = useT();
  const actor = useSession((s) => s.actor);
  const timeZone = useI18n((s) => s.timeZone);
  const storeLocale = useI18n((s) => s.storeLocale);
  const toast = useToasts((s) => s.push);
  const canEdit = hasRole(actor, 'supervisor');
  const list = useProductList();
  const [tab, setTab] = useState<Tab>('catalog');
  const [open, setOpen] = useState<Open>({ kind: 'none' });
  const [categories, setCategories] = useState<readonly Category[]>([]);
  const [lowVersion, setLowVersion] = useState(0);
  const [exporting, setExporting] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void callOrToast('categories.list', {}).then((c) => c && setCategories(c));
  }, []);

  useShortcuts(
    {
      create: () => canEdit && setOpen({ kind: 'edit', product: null }),
      searchProduct: () => {
        setTab('catalog');
        searchRef.current?.focus();
      },
    },
    open.kind === 'none',
  );

  async function edit(row: Product | ProductHit) {
    const product = 'minStock' in row ? row : await callOrToast('products.get', { id: row.id });
    if (product) setOpen({ kind: 'edit', product });
  }

  async function exportCsv() {
    setExporting(true);
    const result = await callOrToast('products.export', {});
    setExporting(false);
    if (!result) return;
    const today = localDateHour(new Date(), timeZone).date;
    downloadText(t('products.export.fileName', { date: today }), result.csv);
    toast('success', t('products.export.done', { rows: result.rows }));
  }

  function changed() {
    list.reload();
    setLowVersion((v) => v + 1);
  }

  const rows = list.rows;
  const { filters } = list;
  const unfiltered =
    rows?.kind === 'page' && filters.categoryId === null && !filters.lowStock && rows.total === 0;
  const [catalogEmpty, setCatalogEmpty] = useState(false);
  useEffect(() => {
    if (!unfiltered) return setCatalogEmpty(false);
    // Empty of active products is not empty: ask once whether inactive ones exist.
    let live = true;
    void callOrToast('products.list', { includeInactive: true, pageSize: 1 }).then(
      (page) => live && setCatalogEmpty(page?.total === 0),
    );
    return () => {
      live = false;
    };
  }, [unfiltered]);
  const pages = rows?.kind === 'page' ? Math.max(1, Math.ceil(rows.total / PAGE_SIZE)) : 1;
  return (
    <section className="products-screen">
      <header className="screen-title">
        <h1>{t('common.nav.products')}</h1>
        <div className="tabs" role="tablist">
          {(['catalog', 'low'] as const).map((name) => (
            <button
              key={name}
              role="tab"
              aria-selected={tab === name}
              className="tab"
              onClick={() => setTab(name)}
            >
              {t(`products.tabs.${name}`)}
            </button>
          ))}
        </div>
        <div className="spacer" />
        {canEdit && (
          <>
            <Button onClick={() => setOpen({ kind: 'import' })}>{t('products.import.open')}</Button>
            <Button disabled={exporting} onClick={() => void exportCsv()}>
              {exporting ? t('products.export.working') : t('common.exportCsv')}
            </Button>
            <Button
              variant="primary"
              shortcut={shortcutText('create')}
              onClick={() => setOpen({ kind: 'edit', product: null })}
            >
              {t('products.new')}
            </Button>
          </>
        )}
      </header>

      {tab === 'catalog' ? (
        <div className="stack">
          <ProductFilterBar
            ref={searchRef}
            filters={list.filters}
            categories={categories}
            onChange={list.update}
          />
          {rows?.kind === 'search' && (
            <p className="muted small">{t('products.list.searchNote')}</p>
          )}
          {rows === null ? (
            <p className="muted">{t('common.loading')}</p>
          ) : catalogEmpty ? (
            <EmptyCatalog canEdit={canEdit} onImport={() => setOpen({ kind: 'import' })} />
          ) : (
            <div
              className={list.loading ? 'table-wrap loading' : 'table-wrap'}
              aria-busy={list.loading}
            >
              <ProductTable
                items={rows.items}
                canEdit={canEdit}
                showCategory={rows.kind === 'page'}
                onEdit={(row) => void edit(row)}
                onAdjust={(row) => setOpen({ kind: 'adjust', target: row })}
                onHistory={(row) => setOpen({ kind: 'history', target: row })}
              />
            </div>
          )}
          {rows?.kind === 'page' && (
            <div className="row list-footer">
              <span className="muted">{tn('products.list.count', rows.total)}</span>
              <div className="spacer" />
              <Pager
                page={list.filters.page}
                pages={pages}
                onPage={(page) => list.update({ page })}
              />
            </div>
          )}
        </div>
      ) : (
        <LowStockPanel
          version={lowVersion}
          canEdit={canEdit}
          onAdjust={(item) => setOpen({ kind: 'adjust', target: item })}
          onHistory={(item) => setOpen({ kind: 'history', target: item })}
        />
      )}

      {open.kind === 'edit' && (
        <ProductForm
          product={open.product}
          categories={categories}
          onCategoryCreated={(c) => setCategories((all) => sortByName([...all, c], storeLocale))}
          onClose={() => setOpen({ kind: 'none' })}
          onSaved={(saved) => {
            toast(
              'success',
              t(open.product ? 'products.form.updated' : 'products.form.created', {
                name: saved.name,
              }),
            );
            setOpen({ kind: 'none' });
            changed();
          }}
        />
      )}
      {open.kind === 'adjust' && (
        <StockAdjustDialog
          product={open.target}
          onClose={() => setOpen({ kind: 'none' })}
          onDone={(movement) => {
            toast(
              'success',
              t('products.adjust.done', {
                name: open.target.name,
                stock: quantity(movement.balanceAfter),
              }),
            );
            setOpen({ kind: 'none' });
            changed();
          }}
        />
      )}
      {open.kind === 'history' && (
        <MovementsDialog product={open.target} onClose={() => setOpen({ kind: 'none' })} />
      )}
      {open.kind === 'import' && (
        <ImportDialog onImported={changed} onClose={() => setOpen({ kind: 'none' })} />
      )}
    </section>
  );
}
