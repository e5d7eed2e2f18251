/**
 * A stored sale (or return) as fiscal/pe's document model: the figures exactly
 * as the sale stored them, so the XML, the PDF and the database agree.
 */
import type { Settings } from '../../../core/api/model';
import type { FixedTaxAmount, TaxKind } from '../../../core/tax/types';
import { unitCodeOf } from '../../../fiscal/pe/from-tax';
import type {
  PeCreditNote,
  PeCustomer,
  PeIdentityType,
  PeInvoice,
  PeIssuer,
  PeLine,
} from '../../../fiscal/pe/model';
import type { saleReturnLines, saleReturns } from '../../../db/schema';
import type { SaleLineRow, SaleRow } from '../sales/read';

type ReturnRow = typeof saleReturns.$inferSelect;
type ReturnLineRow = typeof saleReturnLines.$inferSelect;

const IDENTITY_TYPES: readonly string[] = ['DNI', 'RUC', 'CE', 'PASAPORTE'];

export function issuerOf(settings: Settings): PeIssuer {
  return {
    ruc: settings.taxId,
    legalName: settings.legalName.trim() || settings.businessName,
    tradeName: settings.businessName,
    addressCode: settings.establishmentCode,
    ...(settings.ubigeo ? { ubigeo: settings.ubigeo } : {}),
    ...(settings.address ? { address: settings.address } : {}),
  };
}

function customerOf(sale: SaleRow): PeCustomer {
  const type = sale.customerDocType;
  if (!type || !IDENTITY_TYPES.includes(type) || !sale.customerDocNumber) {
    return {
      documentType: null,
      documentNumber: null,
      name: sale.customerName || 'CLIENTES VARIOS',
    };
  }
  return {
    documentType: type as PeIdentityType,
    documentNumber: sale.customerDocNumber,
    name: sale.customerName,
  };
}

const timeFormatters = new Map<string, Intl.DateTimeFormat>();

/** HH:MM:SS in the store's zone: the issue time a CPE states. */
export function localTime(instant: Date, timeZone: string): string {
  let formatter = timeFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    timeFormatters.set(timeZone, formatter);
  }
  return formatter.format(instant);
}

/** Per whole unit, as the tax engine charged it: amount × 1000 / quantity. */
function perUnit(amount: number, quantity: number): number {
  return Math.round((amount * 1000) / quantity);
}

function saleLineOf(line: SaleLineRow): PeLine {
  const fixed = JSON.parse(line.fixedTaxes) as FixedTaxAmount[];
  return {
    code: line.code,
    name: line.name,
    unitCode: unitCodeOf(line.soldBy === 'weight' ? 'weight' : 'unit'),
    quantity: line.quantity,
    unitPrice: line.unitPrice,
    kind: line.taxKind as TaxKind,
    rate: line.taxRate,
    gross: line.gross,
    discount: line.lineDiscount + line.orderDiscount,
    base: line.base,
    tax: line.tax,
    fixedTaxes: fixed.map((f) => ({
      code: f.code,
      amount: f.amount,
      amountPerUnit: perUnit(f.amount, line.quantity),
    })),
  };
}

/** A boleta or factura from the sale's stored rows. */
export function invoiceOf(
  sale: SaleRow,
  lines: readonly SaleLineRow[],
  settings: Settings,
): PeInvoice {
  return {
    documentType: sale.documentType as 'BOLETA' | 'FACTURA',
    series: sale.series,
    correlative: sale.correlative,
    issueDate: sale.localDate,
    issueTime: localTime(new Date(sale.createdAt), settings.timeZone),
    currency: sale.currency as PeInvoice['currency'],
    pricesIncludeTax: sale.pricesIncludeTax,
    issuer: issuerOf(settings),
    customer: customerOf(sale),
    // A sale on credit owes its balance; its cuotas need due dates the till does not record
    // yet, so a factura on credit is refused by fiscal/pe (SIGN_FAILED, with that reason).
    paymentTerms:
      sale.balance > 0
        ? { kind: 'CREDITO', pending: sale.balance, instalments: [] }
        : { kind: 'CONTADO' },
    lines: lines.map(saleLineOf),
    totals: {
      taxableBase: sale.taxableBase,
      exempt: sale.exempt,
      unaffected: sale.unaffected,
      tax: sale.tax,
      fixedTax: sale.fixedTax,
      total: sale.total,
    },
  };
}

/**
 * A returned line: its share of base and tax as the return stored it; the
 * price basis (gross) from the sale's unit price, and whatever the sale's
 * discounts took off it as the line's discount.
 */
function returnLineOf(
  line: ReturnLineRow,
  sold: SaleLineRow | undefined,
  pricesIncludeTax: boolean,
): PeLine {
  const gross = Math.round((line.unitPrice * line.quantity) / 1000);
  const priced = pricesIncludeTax ? line.base + line.tax : line.base;
  const fixed = sold ? (JSON.parse(sold.fixedTaxes) as FixedTaxAmount[]) : [];
  return {
    code: line.code,
    name: line.name,
    unitCode: unitCodeOf(sold?.soldBy === 'weight' ? 'weight' : 'unit'),
    quantity: line.quantity,
    unitPrice: line.unitPrice,
    kind: line.taxKind as TaxKind,
    rate: line.taxRate,
    gross,
    discount: Math.max(0, gross - priced),
    base: line.base,
    tax: line.tax,
    // The fixed tax (ICBPER) goes back per unit returned, at the sale's per-unit amount.
    fixedTaxes:
      line.fixedTax > 0 && fixed[0] && sold
        ? [
            {
              code: fixed[0].code,
              amount: line.fixedTax,
              amountPerUnit: perUnit(fixed[0].amount, sold.quantity),
            },
          ]
        : [],
  };
}

/** The credit note (07) of a return: reason 06 when everything sold went back, else 07. */
export function creditNoteOf(
  ret: ReturnRow,
  lines: readonly ReturnLineRow[],
  sale: SaleRow,
  saleLines: readonly SaleLineRow[],
  settings: Settings,
): PeCreditNote {
  const whole = ret.total === sale.total && sale.refunded === ret.total;
  return {
    documentType: 'NOTA_CREDITO',
    series: ret.series,
    correlative: ret.correlative,
    issueDate: ret.localDate,
    issueTime: localTime(new Date(ret.createdAt), settings.timeZone),
    currency: sale.currency as PeCreditNote['currency'],
    pricesIncludeTax: sale.pricesIncludeTax,
    issuer: issuerOf(settings),
    customer: customerOf(sale),
    reference: { documentType: sale.documentType as 'BOLETA' | 'FACTURA', number: sale.number },
    reasonCode: whole ? '06' : '07',
    reason: ret.reason,
    lines: lines.map((l) =>
      returnLineOf(
        l,
        saleLines.find((s) => s.id === l.saleLineId),
        sale.pricesIncludeTax,
      ),
    ),
    totals: {
      taxableBase: ret.taxableBase,
      exempt: ret.exempt,
      unaffected: ret.unaffected,
      tax: ret.tax,
      fixedTax: ret.fixedTax,
      total: ret.total,
    },
  };
}
