/**
 * What a payment method is called on the till, the receipts and the reports.
 * The store may rename each method (Settings › Medios de pago); an empty name
 * falls back to the default. In Peru a QR payment is a Yape or a Plin, and
 * that is what the customer and the cashier say, so the default QR name
 * carries the country's wallets.
 */
import type { PaymentMethod } from './api/model/sales';
import type { CountryCode } from './profiles/types';

/** The store's own names per method; a method left out (or blank) keeps its default. */
export type PaymentMethodNames = Readonly<Partial<Record<PaymentMethod, string>>>;

/** The QR wallets people name in each country, where one or two dominate. */
export const QR_WALLETS: Readonly<Partial<Record<CountryCode, string>>> = {
  PE: 'Yape / Plin',
  CO: 'Nequi / Daviplata',
};

/** The default name of a method: the language's own, with the country's QR wallets. */
export function defaultPaymentName(
  method: PaymentMethod,
  base: Readonly<Record<PaymentMethod, string>>,
  country: CountryCode,
): string {
  const wallets = method === 'QR' ? QR_WALLETS[country] : undefined;
  return wallets ? `QR (${wallets})` : base[method];
}

/** The name shown for a method: the store's, or the default when it has none. */
export function paymentName(
  method: PaymentMethod,
  base: Readonly<Record<PaymentMethod, string>>,
  store: { readonly country: CountryCode; readonly paymentMethodNames: PaymentMethodNames },
): string {
  return (
    store.paymentMethodNames[method]?.trim() || defaultPaymentName(method, base, store.country)
  );
}
