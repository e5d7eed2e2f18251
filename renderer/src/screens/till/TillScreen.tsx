import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CashSession, ProductHit, Sale, ScanResult } from '../../../../core/api/model';
import type { ErrorInfo } from '../../../../core/errors';
import { minorToDecimalString } from '../../../../core/money/format';
import type { DocumentType } from '../../../../core/numbering';
import { cashRoundingOf } from '../../../../core/profiles';
import { api } from '../../api/client';
import { isLoggedOut } from '../../api/logged-out';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { shortcutText, useShortcuts, type TILL_SHORTCUTS } from '../../components/shortcuts';
import { money, useT } from '../../i18n';
import { errorMessage } from '../../i18n/errors';
import { AuthorizeDialog, asksForSupervisor } from '../sales/AuthorizeDialog';
import type { Authorization } from '../sales/SupervisorFields';
import type { MessageKey } from '../../i18n/messages';
import { hasRole, useProfile, useSession } from '../../state/session';
import { useToasts } from '../../state/toasts';
import { productQuantity, toSaleLine } from '../../till/cart-lines';
import { useCart } from '../../till/cart-store';
import type { PaymentDraft } from '../../till/payment';
import { createScanQueue } from '../../till/scan-queue';
import { beep } from '../../till/sound';
import { questionForScan, type QuantityQuestion } from '../../till/quantity-question';
import { previewTotals } from '../../till/totals';
import { CartTable } from './CartTable';
import { CustomerDialog } from './CustomerDialog';
import { DiscountDialog } from './DiscountDialog';
import { DoneDialog } from './DoneDialog';
import { HeldDialog } from './HeldDialog';
import { LineDialog } from './LineDialog';
import { OpenSessionDialog } from './OpenSessionDialog';
import { PaymentDialog } from './PaymentDialog';
import { QuantityConfirmDialog } from './QuantityConfirm';
import { ScanField } from './ScanField';
import { SearchDialog } from './SearchDialog';
import { ShortcutBar } from './ShortcutBar';
import { TotalsPanel } from './TotalsPanel';
import { WeightDialog } from './WeightDialog';
import './till.css';

type DialogName =
  | 'search'
  | 'customer'
  | 'pay'
  | 'line'
  | 'discount'
  | 'held'
  | 'done'
  | 'open'
  | 'clear'
  | 'authorize'
  | 'weight'
  | 'confirm';

/** A scan held back until the cashier confirms its quantity. */
interface PendingScan {
  readonly scan: ScanResult;
  readonly anyLine: boolean;
  readonly question: QuantityQuestion;
}

const FORM_CONTROLS = new Set(['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON']);

/** The till: scan, review, charge. The scan field has the focus whenever no dialog is open. */
export function TillScreen() {
  const t = useT();
  const settings = useSession((s) => s.settings);
  const categories = useSession((s) => s.taxCategories);
  const actor = useSession((s) => s.actor);
  const profile = useProfile();
  const toast = useToasts((s) => s.push);
  const cart = useCart();
  const [dialog, setDialog] = useState<DialogName | null>(null);
  const [session, setSession] = useState<CashSession | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [payError, setPayError] = useState<string | null>(null);
  const [lastSale, setLastSale] = useState<Sale | null>(null);
  // Set only when choosing the document opened the customer picker.
  const [customerReason, setCustomerReason] = useState<string | undefined>(undefined);
  const [weighing, setWeighing] = useState<ProductHit | null>(null);
  const [pending, setPending] = useState<PendingScan | null>(null);
  // A sale the API refused until a supervisor authorizes it, with the payments to retry.
  const [refusal, setRefusal] = useState<{
    error: ErrorInfo;
    payments: readonly PaymentDraft[];
  } | null>(null);
  const scanRef = useRef<HTMLInputElement>(null);

  const queue = useMemo(
    () =>
      createScanQueue((outcome) => {
        if (outcome.ok) {
          // A search pick adds to its product's line wherever it is; a big
          // quantity waits for the cashier's yes before it lands.
          const anyLine = outcome.picked ?? false;
          const question = questionForScan(useCart.getState().lines, outcome.scan);
          if (question) {
            beep('error');
            setPending({ scan: outcome.scan, anyLine, question });
            setDialog('confirm');
          } else {
            useCart.getState().applyScan(outcome.scan, { anyLine });
          }
        } else {
          beep('error');
          // Logged out (the session expired): the login says so, not a toast under it.
          if (!isLoggedOut(outcome.error))
            useToasts.getState().push('error', errorMessage(outcome.error));
        }
      }),
    [],
  );

  const loadSession = useCallback(async () => {
    const result = await api.call('cash.current', {});
    setSession(result.ok ? result.value : null);
  }, []);
  useEffect(() => {
    void loadSession();
  }, [loadSession]);

  const preview = useMemo(
    () => (settings ? previewTotals(cart.lines, cart.orderDiscount, settings, categories) : null),
    [cart.lines, cart.orderDiscount, settings, categories],
  );
  const totals = preview?.ok ? preview.totals : null;
  // The same rule the main process applies when it records the cash (DOMAIN.md, "Cash rounding").
  const cashRounding =
    profile && settings ? cashRoundingOf(profile, settings.currency, settings.cashRounding) : null;
  const amounts = totals
    ? totals.lines.map((l) => l.gross - l.lineDiscount)
    : cart.lines.map(() => 0);
  const items = cart.lines.reduce((n, l) => n + (l.soldBy === 'unit' ? l.quantity / 1000 : 1), 0);
  const selectedLine = cart.lines.find((l) => l.key === cart.selected) ?? null;

  // What the scanner typed while the done dialog closed: the next sale's first code.
  const typedAhead = useRef('');
  // The scanner types wherever the focus is: keep it on the scan field.
  useEffect(() => {
    if (dialog || !scanRef.current) return;
    scanRef.current.value += typedAhead.current;
    typedAhead.current = '';
    scanRef.current.focus();
  }, [dialog]);
  useEffect(() => {
    if (dialog) return undefined;
    const capture = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (target === scanRef.current || FORM_CONTROLS.has(target.tagName)) return;
      if (
        event.key.length === 1 &&
        !event.ctrlKey &&
        !event.metaKey &&
        !event.altKey &&
        scanRef.current
      ) {
        event.preventDefault();
        scanRef.current.value += event.key;
        scanRef.current.focus();
      }
    };
    window.addEventListener('keydown', capture, true);
    return () => window.removeEventListener('keydown', capture, true);
  }, [dialog]);

  // Charging or holding waits for scans still on their way, so none of them
  // lands in the next customer's cart.
  const pay = async () => {
    await queue.idle();
    const { lines } = useCart.getState();
    if (lines.length === 0 || !preview?.ok) return;
    if (!session) return setDialog('open');
    setPayError(null);
    setDialog('pay');
  };
  const hold = async () => {
    await queue.idle();
    if (useCart.getState().lines.length === 0) return;
    useCart.getState().hold();
    toast('info', t('till.held.held', { key: shortcutText('resume') }));
  };

  // Every till action of the shortcut table (the bar shows the same list); lock is the layout's.
  const tillKeys: Record<Exclude<(typeof TILL_SHORTCUTS)[number], 'lock'>, () => void> = {
    searchProduct: () => setDialog('search'),
    searchCustomer: () => setDialog('customer'),
    pay: () => void pay(),
    hold: () => void hold(),
    resume: () => setDialog('held'),
    editLine: () => selectedLine && setDialog('line'),
    discount: () => cart.lines.length > 0 && setDialog('discount'),
  };
  useShortcuts(tillKeys, dialog === null);

  /**
   * Sends the sale; a refusal a supervisor may lift (a deep discount) asks for
   * their name and PIN and retries with them. Returns the error it ended on.
   */
  async function complete(
    payments: readonly PaymentDraft[],
    authorizedBy?: Authorization,
  ): Promise<ErrorInfo | null> {
    if (!totals) return null;
    setBusy(true);
    setPayError(null);
    const customer = cart.customer;
    const result = await api.call('sales.create', {
      id: cart.saleId,
      ...(cart.documentType ? { documentType: cart.documentType } : {}),
      ...(customer?.id
        ? { customerId: customer.id }
        : customer?.name
          ? { customerName: customer.name }
          : {}),
      lines: cart.lines.map(toSaleLine),
      orderDiscount: cart.orderDiscount,
      payments: payments.map((p) =>
        p.method === 'CREDITO'
          ? { method: 'CREDITO' as const }
          : {
              method: p.method,
              amount: p.amount,
              ...(p.bank ? { bank: p.bank } : {}),
              ...(p.reference ? { reference: p.reference } : {}),
            },
      ),
      expectedTotal: totals.total,
      ...(authorizedBy ? { authorizedBy } : {}),
    });
    setBusy(false);
    if (!result.ok) {
      if (!authorizedBy && asksForSupervisor(result.error)) {
        setRefusal({ error: result.error, payments });
        setDialog('authorize');
        return result.error;
      }
      setPayError(errorMessage(result.error));
      if (result.error.details?.reason === 'TOTAL_MISMATCH') await refreshPrices();
      // The id already holds another sale (named in the message): charging again is a new sale.
      if (result.error.details?.reason === 'IDEMPOTENCY_MISMATCH') cart.renewSaleId();
      if (result.error.code === 'NO_OPEN_SESSION') void loadSession();
      return result.error;
    }
    cart.completed();
    setRefusal(null);
    setLastSale(result.value);
    setDialog('done');
    return null;
  }

  async function refreshPrices() {
    const prices = new Map<number, number>();
    for (const id of new Set(useCart.getState().lines.map((l) => l.productId))) {
      const product = await api.call('products.get', { id });
      if (product.ok) prices.set(id, product.value.price);
    }
    useCart.getState().reprice(prices);
    queue.invalidate();
  }

  const mayChangePrice = hasRole(actor, 'supervisor') || Boolean(settings?.cashierPriceOverride);
  const documentTypes = profile?.documentTypes.filter((d) => d.type !== 'NOTA_CREDITO') ?? [];
  const close = () => setDialog(null);

  /**
   * A document that needs an identified customer (Peru's factura: a RUC) asks
   * for one as soon as it is chosen, not at payment, when the customer is
   * "Cliente varios" or lacks that kind of document.
   */
  function chooseDocumentType(type: DocumentType) {
    cart.setDocumentType(type);
    const required = documentTypes.find((d) => d.type === type)?.requiresCustomerDocument;
    const kind = cart.customer?.documentType;
    if (required && !(kind && required.includes(kind) && cart.customer?.documentNumber)) {
      setCustomerReason(
        t('till.customer.required', {
          document: t(`common.documentTypes.${type}` as MessageKey).toLowerCase(),
          required: required.join(' / '),
        }),
      );
      setDialog('customer');
    }
  }

  return (
    <div className="till">
      <section className="till-main">
        {session === null && (
          <div className="session-banner" role="alert">
            <span>{t('till.session.closed')}</span>
            <Button variant="primary" onClick={() => setDialog('open')}>
              {t('till.session.open')}
            </Button>
          </div>
        )}
        <ScanField
          ref={scanRef}
          onScan={(code) => queue.push(code)}
          onCartKey={(key) => {
            if (key === 'up') cart.moveSelection(-1);
            if (key === 'down') cart.moveSelection(1);
            if (!cart.selected) return;
            if (key === 'plus') cart.step(cart.selected, 1);
            if (key === 'minus') cart.step(cart.selected, -1);
            if (key === 'delete') cart.remove(cart.selected);
          }}
        />
        <CartTable amounts={amounts} />
        <ShortcutBar />
      </section>
      <aside className="till-side">
        <button type="button" className="customer-box" onClick={() => setDialog('customer')}>
          <span className="muted">
            {t('till.customer.title')} <kbd>F3</kbd>
          </span>
          <strong>{cart.customer?.name || t('till.customer.none')}</strong>
          {cart.customer?.documentType && (
            <small className="muted">
              {cart.customer.documentType} {cart.customer.documentNumber}
            </small>
          )}
        </button>
        <label className="field">
          <span>{t('till.documentType')}</span>
          <select
            className="input"
            value={cart.documentType ?? settings?.defaultDocumentType ?? ''}
            onChange={(e) => chooseDocumentType(e.target.value as DocumentType)}
          >
            {documentTypes.map((d) => (
              <option key={d.type} value={d.type}>
                {t(`common.documentTypes.${d.type}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <TotalsPanel totals={totals} items={items} />
        {preview && !preview.ok && (
          <p className="field-error">{t('till.totals.invalid', { reason: preview.reason })}</p>
        )}
        <Button
          variant="primary"
          size="large"
          className="pay-button"
          disabled={cart.lines.length === 0 || !totals}
          onClick={() => void pay()}
          shortcut={shortcutText('pay')}
        >
          {t('till.actions.pay')} {totals ? money(totals.total) : ''}
        </Button>
        <div className="side-actions">
          <Button
            size="small"
            onClick={() => setDialog('search')}
            shortcut={shortcutText('searchProduct')}
          >
            {t('till.actions.search')}
          </Button>
          <Button
            size="small"
            disabled={!selectedLine}
            onClick={() => setDialog('line')}
            shortcut={shortcutText('editLine')}
          >
            {t('till.actions.edit')}
          </Button>
          <Button
            size="small"
            disabled={cart.lines.length === 0}
            onClick={() => setDialog('discount')}
            shortcut={shortcutText('discount')}
          >
            {t('till.actions.discount')}
          </Button>
          <Button
            size="small"
            disabled={cart.lines.length === 0}
            onClick={() => void hold()}
            shortcut={shortcutText('hold')}
          >
            {t('till.actions.hold')}
          </Button>
          <Button size="small" onClick={() => setDialog('held')} shortcut={shortcutText('resume')}>
            {t('till.actions.resume')} {cart.held.length > 0 ? `(${cart.held.length})` : ''}
          </Button>
          <Button
            size="small"
            variant="ghost"
            disabled={cart.lines.length === 0}
            onClick={() => setDialog('clear')}
          >
            {t('till.actions.clear')}
          </Button>
        </div>
      </aside>

      {dialog === 'search' && (
        <SearchDialog
          onClose={close}
          onPick={(hit) => {
            if (hit.soldBy === 'weight') {
              setWeighing(hit);
              setDialog('weight');
              return;
            }
            queue.push(hit.code, { picked: true });
            close();
          }}
        />
      )}
      {dialog === 'weight' && weighing && (
        <WeightDialog
          product={weighing}
          onClose={close}
          onWeighed={(thousandths) => {
            // Through the queue as "0.750*CODE", so it merges and is checked like any scan.
            queue.push(`${minorToDecimalString(thousandths, 3)}*${weighing.code}`, {
              picked: true,
            });
            close();
          }}
        />
      )}
      {dialog === 'confirm' && pending && (
        <QuantityConfirmDialog
          question={pending.question}
          onCancel={() => {
            toast('info', t('till.quantities.dropped', { name: pending.question.name }));
            setPending(null);
            close();
          }}
          onConfirm={() => {
            useCart.getState().applyScan(pending.scan, { anyLine: pending.anyLine });
            setPending(null);
            close();
          }}
        />
      )}
      {dialog === 'customer' && (
        <CustomerDialog
          current={cart.customer}
          reason={customerReason}
          onClose={() => {
            setCustomerReason(undefined);
            close();
          }}
          onPick={(customer) => {
            cart.setCustomer(customer);
            setCustomerReason(undefined);
            close();
          }}
        />
      )}
      {dialog === 'line' && selectedLine && (
        <LineDialog
          line={selectedLine}
          otherQuantity={
            productQuantity(cart.lines, selectedLine.productId) - selectedLine.quantity
          }
          mayChangePrice={mayChangePrice}
          onClose={close}
          onApply={(changes) => {
            cart.updateLine(selectedLine.key, changes);
            close();
          }}
        />
      )}
      {dialog === 'discount' && totals && (
        <DiscountDialog
          current={cart.orderDiscount}
          orderAmount={totals.gross - totals.lineDiscount}
          onClose={close}
          onApply={(amount) => {
            cart.setOrderDiscount(amount);
            close();
          }}
        />
      )}
      {dialog === 'held' && (
        <HeldDialog
          held={cart.held}
          onClose={close}
          onResume={(id) => {
            cart.resume(id);
            close();
          }}
        />
      )}
      {dialog === 'pay' && totals && (
        <PaymentDialog
          due={totals.total}
          cashRounding={cashRounding}
          hasRegisteredCustomer={Boolean(cart.customer?.id)}
          busy={busy}
          error={payError}
          onComplete={(p) => void complete(p)}
          onClose={close}
        />
      )}
      {dialog === 'authorize' && refusal && (
        <AuthorizeDialog
          refusal={refusal.error}
          retry={(authorization) => complete(refusal.payments, authorization)}
          onClose={() => {
            setRefusal(null);
            close();
          }}
        />
      )}
      {dialog === 'done' && lastSale && (
        <DoneDialog
          sale={lastSale}
          onClose={(typed) => {
            if (typed) typedAhead.current += typed;
            close();
          }}
        />
      )}
      {dialog === 'open' && (
        <OpenSessionDialog
          onClose={close}
          onOpened={async () => {
            // The session is known before the dialog goes, so F4 right after charges.
            await loadSession();
            toast('success', t('till.session.opened'));
            close();
          }}
        />
      )}
      {dialog === 'clear' && (
        <Dialog
          title={t('till.actions.clear')}
          onClose={close}
          footer={
            <>
              <Button onClick={close}>{t('common.cancel')}</Button>
              <Button
                variant="danger"
                autoFocus
                onClick={() => {
                  cart.clear();
                  close();
                }}
              >
                {t('till.actions.clear')}
              </Button>
            </>
          }
        >
          <p>{t('till.actions.clearConfirm')}</p>
        </Dialog>
      )}
      {session === undefined && <span className="sr-only">{t('common.loading')}</span>}
    </div>
  );
}
