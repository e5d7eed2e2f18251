/** A credit note (sales.return) as printed: its own number, and the sale it modifies. */
import type { Sale, SaleReturn } from '../../../core/api/model';
import type { RateTotal } from '../../../core/tax/types';
import { localDateHour } from '../../../core/time';
import { amountInWords } from '../../../core/words';
import { paymentLabel } from '../format';
import type { DocumentStore } from '../model';
import { businessOf, customerRows, footerOf, titleOf } from './common';
import { qrText } from './qr-text';
import { formatFor, itemRow } from './sale-content';
import { taxBlock } from './tax-block';
import type { FiscalContent } from './types';

/** The returned lines' tax per rate; lines at 0 % are exempt or unaffected and counted apart. */
function taxedByRate(saleReturn: SaleReturn): RateTotal[] {
  const byRate = new Map<number, RateTotal>();
  for (const line of saleReturn.lines) {
    if (line.taxRate === 0) continue;
    const sum = byRate.get(line.taxRate) ?? { rate: line.taxRate, base: 0, tax: 0 };
    byRate.set(line.taxRate, { ...sum, base: sum.base + line.base, tax: sum.tax + line.tax });
  }
  return [...byRate.values()].sort((a, b) => b.rate - a.rate);
}

export function returnContent(
  store: DocumentStore,
  saleReturn: SaleReturn,
  sale: Sale,
  customerAddress = '',
): FiscalContent {
  const fmt = formatFor(store, sale.currency);
  // A return refunds fixed taxes (ICBPER) under the name the sale charged them.
  const fixedName = sale.fixedTaxes.length === 1 ? sale.fixedTaxes[0]!.name : 'Impuestos fijos';
  const block = taxBlock(
    store.country,
    {
      currency: sale.currency,
      taxed: taxedByRate(saleReturn),
      taxableBase: saleReturn.taxableBase,
      exempt: saleReturn.exempt,
      unaffected: saleReturn.unaffected,
      tax: saleReturn.tax,
      fixedTaxes: saleReturn.fixedTax
        ? [{ code: 'FIXED', name: fixedName, amount: saleReturn.fixedTax }]
        : [],
      fixedTax: saleReturn.fixedTax,
      discount: 0,
      total: saleReturn.total,
      igtf: 0,
      due: saleReturn.total,
      secondaryCurrency: sale.secondaryCurrency,
      exchangeRate: sale.exchangeRate,
    },
    fmt,
    store.roundingMode,
  );
  const qr = qrText(store, {
    id: saleReturn.id,
    documentType: saleReturn.documentType,
    number: saleReturn.number,
    correlative: Number(/(\d+)$/.exec(saleReturn.number)?.[1] ?? 0),
    currency: sale.currency,
    tax: saleReturn.tax,
    total: saleReturn.total,
    date: localDateHour(new Date(saleReturn.createdAt), store.timeZone).date,
    customerDocumentType: sale.customer.documentType,
    customerDocumentNumber: sale.customer.documentNumber,
  });
  return {
    business: businessOf(store),
    title: titleOf(store, saleReturn.documentType),
    number: saleReturn.number,
    meta: [
      { label: 'Fecha', value: fmt.date(saleReturn.createdAt) },
      { label: 'Hora', value: fmt.time(saleReturn.createdAt) },
      { label: 'Caja', value: sale.registerCode },
      { label: 'Emitida por', value: saleReturn.user.name },
    ],
    customer: customerRows(store, sale.customer, customerAddress),
    reference: [
      {
        label: 'Documento que modifica',
        value: `${titleOf(store, sale.documentType)} ${sale.number}`,
      },
      { label: 'Fecha del documento', value: fmt.date(sale.createdAt) },
      { label: 'Motivo', value: saleReturn.reason },
    ],
    items: saleReturn.lines.map((l) =>
      itemRow(
        fmt,
        // A returned line prints its unit as the sale's line did ("0.250 kg").
        { ...l, discount: 0, soldBy: sale.lines.find((s) => s.id === l.saleLineId)?.soldBy },
        sale.pricesIncludeTax,
      ),
    ),
    totals: block.totals,
    legends: block.legends,
    words: `SON: ${amountInWords(saleReturn.total, sale.currency)}`,
    payments: [
      {
        label: `Reembolso (${paymentLabel(store, saleReturn.refundMethod)})`,
        value: fmt.money(saleReturn.total),
      },
      // A cash refund goes up to the coin, in the customer's favour (DOMAIN.md, "Cash rounding").
      ...(saleReturn.cashRounding === 0
        ? []
        : [
            { label: 'Redondeo', value: fmt.money(saleReturn.cashRounding) },
            { label: 'Devuelto en efectivo', value: fmt.money(saleReturn.refunded), strong: true },
          ]),
    ],
    qr: qr.text,
    qrCaption: qr.caption,
    footer: footerOf(store),
    voided: null,
  };
}
