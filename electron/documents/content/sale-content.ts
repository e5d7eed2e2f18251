/** A sale as its receipt or invoice words it. */
import type { Payment, Sale, SaleLine } from '../../../core/api/model';
import { amountInWords } from '../../../core/words';
import { documentFormat, paymentLabel, type DocumentFormat } from '../format';
import type { DocumentStore } from '../model';
import { businessOf, customerRows, footerOf, titleOf } from './common';
import { qrText } from './qr-text';
import { taxBlock } from './tax-block';
import type { FiscalContent, ItemRow, Row } from './types';

export function formatFor(store: DocumentStore, currency: string): DocumentFormat {
  return documentFormat(store.locale, currency, store.timeZone);
}

/**
 * A line as printed. With tax-included prices the line shows what the customer
 * pays for it (base + tax); with tax-excluded prices it shows the net amount and
 * the tax is added in the totals, as an invoice without IVA in the price reads.
 * Fixed per-unit taxes (ICBPER) are always in the totals, never in the line.
 */
export function itemRow(
  fmt: DocumentFormat,
  line: Pick<SaleLine, 'quantity' | 'code' | 'name' | 'unitPrice' | 'base' | 'tax'> & {
    readonly discount: number;
    /** Weighed goods print "0.750 kg"; a line without it prints the bare quantity. */
    readonly soldBy?: SaleLine['soldBy'];
  },
  pricesIncludeTax: boolean,
): ItemRow {
  return {
    quantity: fmt.lineQuantity(line.quantity, line.soldBy ?? 'unit'),
    code: line.code,
    description: line.name,
    unitPrice: fmt.plain(line.unitPrice),
    amount: fmt.plain(pricesIncludeTax ? line.base + line.tax : line.base),
    discount: line.discount > 0 ? fmt.plain(line.discount) : null,
  };
}

function paymentText(store: DocumentStore, payment: Payment): string {
  const label = paymentLabel(store, payment.method);
  if (payment.method === 'TRANSFERENCIA' && payment.bank) return `${label} ${payment.bank}`;
  return label;
}

/**
 * Cash rounded to the coin (DOMAIN.md, "Cash rounding"): the document's total
 * stays as taxed, and the paper says what the cash came to instead, so the
 * customer sees why S/ 40.26 was settled with S/ 40.20.
 */
export function cashRoundingRows(fmt: DocumentFormat, sale: Sale): Row[] {
  if (sale.cashRounding === 0) return [];
  const cash = sale.payments
    .filter((p) => p.method === 'EFECTIVO' && p.currency === sale.currency)
    .reduce((sum, p) => sum + p.amount, 0);
  return [
    { label: 'Redondeo', value: fmt.money(sale.cashRounding) },
    { label: 'Pagado en efectivo', value: fmt.money(cash), strong: true },
  ];
}

export function paymentRows(store: DocumentStore, fmt: DocumentFormat, sale: Sale): Row[] {
  const rows: Row[] = cashRoundingRows(fmt, sale);
  rows.push(
    ...sale.payments.map((p) => ({
      label: paymentText(store, p) + (p.currency === sale.currency ? '' : ` (${p.currency})`),
      // What was handed over, in the currency it was handed over in; credit has nothing handed over.
      value: fmt.money(p.method === 'CREDITO' ? p.amount : p.tendered, p.currency),
    })),
  );
  if (sale.change > 0) rows.push({ label: 'Vuelto', value: fmt.money(sale.change) });
  if (sale.balance > 0) rows.push({ label: 'Saldo pendiente', value: fmt.money(sale.balance) });
  return rows;
}

/**
 * A factura states its payment terms (SUNAT since 2021): "Contado", or
 * "Crédito" with what is left to pay. Tendero records a credit sale as one
 * pending amount, without instalments or due dates, so none are printed.
 */
export function paymentTerms(fmt: DocumentFormat, sale: Sale): Row[] {
  const credit = sale.payments
    .filter((p) => p.method === 'CREDITO')
    .reduce((sum, p) => sum + p.amount, 0);
  if (credit === 0) return [{ label: 'Forma de pago', value: 'Contado' }];
  return [
    { label: 'Forma de pago', value: 'Crédito' },
    { label: 'Pendiente de pago', value: fmt.money(credit) },
  ];
}

export function saleContent(store: DocumentStore, sale: Sale, customerAddress = ''): FiscalContent {
  const fmt = formatFor(store, sale.currency);
  const block = taxBlock(
    store.country,
    {
      currency: sale.currency,
      taxed: sale.taxed,
      taxableBase: sale.taxableBase,
      exempt: sale.exempt,
      unaffected: sale.unaffected,
      tax: sale.tax,
      fixedTaxes: sale.fixedTaxes,
      fixedTax: sale.fixedTax,
      discount: sale.discount,
      pricesIncludeTax: sale.pricesIncludeTax,
      total: sale.total,
      igtf: sale.igtf,
      due: sale.due,
      secondaryCurrency: sale.secondaryCurrency,
      exchangeRate: sale.exchangeRate,
    },
    fmt,
    store.roundingMode,
    { invoice: sale.documentType === 'FACTURA' },
  );
  const qr = qrText(store, {
    id: sale.id,
    documentType: sale.documentType,
    number: sale.number,
    correlative: sale.correlative,
    currency: sale.currency,
    tax: sale.tax,
    total: sale.total,
    date: sale.localDate,
    customerDocumentType: sale.customer.documentType,
    customerDocumentNumber: sale.customer.documentNumber,
  });
  return {
    business: businessOf(store),
    title: titleOf(store, sale.documentType),
    number: sale.number,
    meta: [
      { label: 'Fecha', value: fmt.date(sale.createdAt) },
      { label: 'Hora', value: fmt.time(sale.createdAt) },
      { label: 'Caja', value: sale.registerCode },
      { label: 'Cajero', value: sale.cashier.name },
      ...(sale.documentType === 'FACTURA' ? paymentTerms(fmt, sale) : []),
    ],
    customer: customerRows(store, sale.customer, customerAddress),
    reference: [],
    items: sale.lines.map((l) =>
      itemRow(fmt, { ...l, discount: l.lineDiscount + l.orderDiscount }, sale.pricesIncludeTax),
    ),
    totals: block.totals,
    legends: block.legends,
    words: `SON: ${amountInWords(sale.due, sale.currency)}`,
    payments: paymentRows(store, fmt, sale),
    qr: qr.text,
    qrCaption: qr.caption,
    footer: footerOf(store),
    voided: sale.void
      ? {
          reason: sale.void.reason,
          at: `${fmt.date(sale.void.at)} ${fmt.time(sale.void.at)}`,
        }
      : null,
  };
}
