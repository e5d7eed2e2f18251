import { useEffect, useState, type KeyboardEvent } from 'react';
import type { Customer } from '../../../../core/api/model';
import { api } from '../../api/client';
import { fieldErrors } from '../../api/field-errors';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { SelectField, TextField } from '../../components/Field';
import { useT } from '../../i18n';
import { useProfile } from '../../state/session';
import type { CartCustomer } from '../../till/cart-store';

/** F3: find a registered customer, type a quick name, or register a new one. */
export function CustomerDialog({
  current,
  reason,
  onPick,
  onClose,
}: {
  current: CartCustomer | null;
  /** Why the till asked for a customer (a factura needs one with a RUC), shown on top. */
  reason?: string | undefined;
  onPick(c: CartCustomer | null): void;
  onClose(): void;
}) {
  const t = useT();
  const profile = useProfile();
  const [text, setText] = useState('');
  const [found, setFound] = useState<readonly Customer[]>([]);
  const [creating, setCreating] = useState(false);
  const [draft, setDraft] = useState({
    documentType: profile?.customerDocumentTypes[0]?.code ?? '',
    documentNumber: '',
    name: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  // The result ↑/↓ point at; Enter picks it.
  const [active, setActive] = useState(0);

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      void api.call('customers.search', { text, limit: 8 }).then((r) => {
        if (live && r.ok) {
          setFound(r.value);
          setActive(0);
        }
      });
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text]);

  const pick = (c: Customer) =>
    onPick({
      id: c.id,
      name: c.name,
      documentType: c.documentType,
      documentNumber: c.documentNumber,
    });

  function onSearchKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => Math.min(Math.max(i + step, 0), Math.max(found.length - 1, 0)));
    } else if (event.key === 'Enter' && found[active]) {
      event.preventDefault();
      pick(found[active]);
    }
  }

  /**
   * "Registrar cliente nuevo" keeps what was typed: a number that is a valid
   * document of this country (a DNI, a RUC) goes in as that document, other
   * text as the name.
   */
  function startCreating() {
    const typed = text.trim();
    const kind = profile?.customerDocumentTypes.find((d) => new RegExp(d.pattern).test(typed));
    setDraft((d) =>
      kind
        ? { ...d, documentType: kind.code, documentNumber: typed }
        : { ...d, name: d.name || typed },
    );
    setCreating(true);
  }

  async function create() {
    const result = await api.call('customers.create', {
      documentType: draft.documentNumber ? draft.documentType : null,
      documentNumber: draft.documentNumber || null,
      name: draft.name,
    });
    if (!result.ok) return setErrors(fieldErrors(result.error));
    pick(result.value);
  }

  const spec = profile?.customerDocumentTypes.find((d) => d.code === draft.documentType);
  return (
    <Dialog
      title={t('till.customer.title')}
      onClose={onClose}
      wide
      footer={
        <>
          {current && (
            <Button variant="ghost" onClick={() => onPick(null)}>
              {t('till.customer.clear')}
            </Button>
          )}
          <div className="spacer" />
          <Button onClick={onClose}>{t('common.cancel')}</Button>
        </>
      }
    >
      {reason && (
        <p className="customer-required" role="note">
          {reason}
        </p>
      )}
      {!creating ? (
        <div className="stack">
          <TextField
            label={t('till.customer.search')}
            autoFocus
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={onSearchKey}
          />
          <ul className="search-hits" role="listbox">
            {found.map((c, index) => (
              <li
                key={c.id}
                role="option"
                aria-selected={index === active}
                className={index === active ? 'active' : undefined}
                onMouseDown={() => pick(c)}
              >
                <strong>{c.name}</strong>
                <span className="muted">
                  {c.documentType ? `${c.documentType} ${c.documentNumber}` : ''}
                </span>
                <Button size="small" onClick={() => pick(c)}>
                  {t('till.customer.pick')}
                </Button>
              </li>
            ))}
          </ul>
          <div className="row">
            <Button
              disabled={text.trim() === ''}
              onClick={() =>
                onPick({ id: null, name: text.trim(), documentType: null, documentNumber: null })
              }
            >
              {t('till.customer.useQuickName')}: “{text.trim()}”
            </Button>
            <Button variant="primary" onClick={startCreating}>
              {t('till.customer.create')}
            </Button>
          </div>
        </div>
      ) : (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            void create();
          }}
        >
          <div className="grid-3">
            <SelectField
              label={t('till.customer.documentType')}
              value={draft.documentType}
              onChange={(e) => setDraft({ ...draft, documentType: e.target.value })}
            >
              {profile?.customerDocumentTypes.map((d) => (
                <option key={d.code} value={d.code}>
                  {d.label}
                </option>
              ))}
            </SelectField>
            <TextField
              label={t('till.customer.documentNumber')}
              autoFocus
              value={draft.documentNumber}
              hint={spec?.hint}
              error={errors.documentNumber ?? errors.documentType}
              onChange={(e) => setDraft({ ...draft, documentNumber: e.target.value })}
            />
            <TextField
              label={t('till.customer.name')}
              value={draft.name}
              error={errors.name}
              onChange={(e) => setDraft({ ...draft, name: e.target.value })}
            />
          </div>
          {errors._form && <p className="field-error">{errors._form}</p>}
          <div className="row">
            <Button type="submit" variant="primary">
              {t('common.save')}
            </Button>
            <Button onClick={() => setCreating(false)}>{t('common.back')}</Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
