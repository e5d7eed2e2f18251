/**
 * Payment methods as this store calls them on the till, in sales and in
 * reports: its own name from Settings, or the language's default with the
 * country's QR wallets ("QR (Yape / Plin)" in Peru). core/payment-names.ts
 * holds the rule, so the receipts agree.
 */
import { PAYMENT_METHODS, type PaymentMethod, type Settings } from '../../../core/api/model';
import { defaultPaymentName, paymentName } from '../../../core/payment-names';
import { useSession } from '../state/session';
import { t, useT } from './index';

type Store = Pick<Settings, 'country' | 'paymentMethodNames'>;

function baseNames(): Record<PaymentMethod, string> {
  return Object.fromEntries(
    PAYMENT_METHODS.map((m) => [m, t(`common.paymentMethods.${m}`)]),
  ) as Record<PaymentMethod, string>;
}

/** A method's name for `store` (the session's settings by default), outside React. */
export function paymentLabel(
  method: PaymentMethod,
  store: Store | null = useSession.getState().settings,
): string {
  const base = baseNames();
  return store ? paymentName(method, base, store) : base[method];
}

/** A method's default name in the UI language, what an empty name in Settings falls back to. */
export function defaultPaymentLabel(method: PaymentMethod, store: Store): string {
  return defaultPaymentName(method, baseNames(), store.country);
}

/** paymentLabel for components: renders again when the language or the names change. */
export function usePaymentLabel(): (method: PaymentMethod) => string {
  useT();
  const settings = useSession((s) => s.settings);
  return (method) => paymentLabel(method, settings);
}
