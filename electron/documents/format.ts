/**
 * How documents write amounts, quantities, rates, dates and fixed codes. One
 * formatter per document, bound to the store's locale and time zone, so a
 * receipt printed in Lima reads "06/03/2026 10:30" whatever the machine says.
 */
import type { CashMovementType, PaymentMethod, SoldBy } from '../../core/api/model';
import {
  formatLineQuantity,
  formatMoney,
  formatQuantity,
  formatRate,
} from '../../core/money/format';
import { paymentName, type PaymentMethodNames } from '../../core/payment-names';
import type { CountryCode } from '../../core/profiles';

export interface DocumentFormat {
  readonly locale: string;
  readonly currency: string;
  /** An amount in minor units of the document's currency (or another one). */
  money(amount: number, currency?: string): string;
  /** An amount without the symbol, for table columns. */
  plain(amount: number, currency?: string): string;
  /** A count (of sales, of lines), grouped the locale's way: 211,841. */
  count(value: number): string;
  /** An API quantity (1.25 kg is 1.25). */
  quantity(value: number): string;
  /** A line's API quantity with its unit, as the till shows it: "0.750 kg", "3". */
  lineQuantity(value: number, soldBy: SoldBy): string;
  rate(basisPoints: number): string;
  /** An exact decimal kept as text (an exchange rate, "36.50"), grouped the locale's way. */
  decimal(text: string): string;
  /** dd/mm/yyyy of an instant, in the store's zone. */
  date(iso: string): string;
  /** HH:mm of an instant, in the store's zone. */
  time(iso: string): string;
  /** dd/mm/yyyy of a store day (YYYY-MM-DD). */
  day(isoDay: string): string;
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(timeZone: string, part: 'date' | 'time'): Intl.DateTimeFormat {
  const key = `${timeZone}|${part}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    // en-GB spells dd/mm/yyyy and 24-hour HH:mm, which is how every profile's country writes them.
    format = new Intl.DateTimeFormat(
      'en-GB',
      part === 'date'
        ? { timeZone, day: '2-digit', month: '2-digit', year: 'numeric' }
        : { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
    );
    dateTimeFormats.set(key, format);
  }
  return format;
}

const decimalFormats = new Map<string, Intl.NumberFormat>();

function decimalFormat(locale: string): Intl.NumberFormat {
  let format = decimalFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 8 });
    decimalFormats.set(locale, format);
  }
  return format;
}

export function documentFormat(locale: string, currency: string, timeZone: string): DocumentFormat {
  return {
    locale,
    currency,
    money: (amount, code = currency) => formatMoney(amount, code, locale),
    plain: (amount, code = currency) => formatMoney(amount, code, locale, { symbol: false }),
    count: (value) => formatQuantity(value * 1000, locale),
    quantity: (value) => formatQuantity(Math.round(value * 1000), locale),
    lineQuantity: (value, soldBy) => formatLineQuantity(Math.round(value * 1000), soldBy, locale),
    rate: (basisPoints) => formatRate(basisPoints, locale),
    // Intl takes the decimal string exactly (ECMA-402 "StringNumericLiteral"), never as a float.
    decimal: (text) => decimalFormat(locale).format(text as `${number}`),
    date: (iso) => dateTimeFormat(timeZone, 'date').format(new Date(iso)),
    time: (iso) => dateTimeFormat(timeZone, 'time').format(new Date(iso)),
    day: (isoDay) => {
      const [year, month, day] = isoDay.split('-');
      return `${day}/${month}/${year}`;
    },
  };
}

/** Payment methods as documents name them by default (they print in Spanish). */
const PAYMENT_LABELS: Readonly<Record<PaymentMethod, string>> = {
  EFECTIVO: 'Efectivo',
  TARJETA: 'Tarjeta',
  QR: 'Pago QR',
  TRANSFERENCIA: 'Transferencia',
  CREDITO: 'Crédito',
};

/** A payment method as this store names it: its own name, or the default ("QR (Yape / Plin)"). */
export function paymentLabel(
  store: { readonly country: CountryCode; readonly paymentMethodNames: PaymentMethodNames },
  method: PaymentMethod,
): string {
  return paymentName(method, PAYMENT_LABELS, store);
}

export const MOVEMENT_LABELS: Readonly<Record<CashMovementType, string>> = {
  domicilio: 'Domicilio',
  servicio: 'Servicio',
  mano_obra: 'Mano de obra',
  otro: 'Otro',
  retiro: 'Retiro',
  gasto: 'Gasto',
};
