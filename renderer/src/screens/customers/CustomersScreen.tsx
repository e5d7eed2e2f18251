import { useRef, useState } from 'react';
import type { Customer } from '../../../../core/api/model';
import { Button } from '../../components/Button';
import { shortcutText, useShortcuts } from '../../components/shortcuts';
import { useT } from '../../i18n';
import { useProfile } from '../../state/session';
import { useToasts } from '../../state/toasts';
import '../products/products.css';
import './customers.css';
import { CustomerForm } from './CustomerForm';
import { CUSTOMER_LIMIT, useCustomerSearch } from './useCustomerSearch';

type Open =
  { readonly kind: 'none' } | { readonly kind: 'edit'; readonly customer: Customer | null };

/** Customers: search by name or document, register and edit them. */
export function CustomersScreen() {
  const t = useT();
  const profile = useProfile();
  const toast = useToasts((s) => s.push);
  const search = useCustomerSearch();
  const [open, setOpen] = useState<Open>({ kind: 'none' });
  const searchRef = useRef<HTMLInputElement>(null);
  const label = (code: string | null) =>
    profile?.customerDocumentTypes.find((d) => d.code === code)?.label ?? code ?? '';

  useShortcuts(
    {
      create: () => setOpen({ kind: 'edit', customer: null }),
      searchCustomer: () => searchRef.current?.focus(),
    },
    open.kind === 'none',
  );

  const items = search.items;
  return (
    <section className="customers-screen">
      <header className="screen-title">
        <h1>{t('common.nav.customers')}</h1>
        <div className="spacer" />
        <Button
          variant="primary"
          shortcut={shortcutText('create')}
          onClick={() => setOpen({ kind: 'edit', customer: null })}
        >
          {t('customers.new')}
        </Button>
      </header>
      <div className="stack">
        <div className="row filter-bar">
          <input
            ref={searchRef}
            type="search"
            className="input search-input"
            autoFocus
            aria-label={t('customers.search')}
            placeholder={t('customers.searchPlaceholder', { key: shortcutText('searchCustomer') })}
            value={search.text}
            onChange={(e) => search.setText(e.target.value)}
          />
        </div>
        {items === null ? (
          <p className="muted">{t('common.loading')}</p>
        ) : items.length === 0 ? (
          <p className="empty">
            {search.text.trim() ? t('common.noResults') : t('customers.none')}
          </p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th>{t('customers.fields.name')}</th>
                  <th>{t('customers.fields.document')}</th>
                  <th>{t('customers.fields.phone')}</th>
                  <th>{t('customers.fields.email')}</th>
                  <th className="actions-col">{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((c) => (
                  <tr
                    key={c.id}
                    className="clickable"
                    onDoubleClick={() => setOpen({ kind: 'edit', customer: c })}
                  >
                    <td>{c.name}</td>
                    <td>
                      {c.documentType ? (
                        <>
                          <span className="muted">{label(c.documentType)}</span>{' '}
                          <span className="mono">{c.documentNumber}</span>
                        </>
                      ) : (
                        <span className="muted">{t('customers.form.noDocument')}</span>
                      )}
                    </td>
                    <td>{c.phone || '—'}</td>
                    <td>{c.email || '—'}</td>
                    <td className="actions-col">
                      <div className="row-actions">
                        <Button
                          aria-label={t('customers.editOf', { name: c.name })}
                          onClick={() => setOpen({ kind: 'edit', customer: c })}
                        >
                          {t('common.edit')}
                        </Button>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {items?.length === CUSTOMER_LIMIT && (
          <p className="muted small">{t('customers.capped', { count: CUSTOMER_LIMIT })}</p>
        )}
      </div>
      {open.kind === 'edit' && (
        <CustomerForm
          customer={open.customer}
          onClose={() => setOpen({ kind: 'none' })}
          onSaved={(saved) => {
            toast(
              'success',
              t(open.customer ? 'customers.form.updated' : 'customers.form.created', {
                name: saved.name,
              }),
            );
            setOpen({ kind: 'none' });
            search.reload();
          }}
        />
      )}
    </section>
  );
}
