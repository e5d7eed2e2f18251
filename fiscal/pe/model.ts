/**
 * What a Peruvian electronic document is built from: a stored sale (or credit
 * note) as plain data. The till's services and the server map their rows onto
 * these types; fiscal/ never reads a database. Amounts are integer minor units
 * and quantities thousandths, as everywhere in Tendero, until the XML text.
 */
import type { CurrencyCode } from '../../core/money/currency';
import type { TaxKind } from '../../core/tax/types';

/** The issuer: the store, as registered with SUNAT. */
export interface PeIssuer {
  /** 11 digits. */
  readonly ruc: string;
  /** Razón social. */
  readonly legalName: string;
  /** Nombre comercial, when it differs. */
  readonly tradeName?: string;
  /** Código de establecimiento anexo: "0000" for the fiscal address. */
  readonly addressCode: string;
  /** Ubigeo (6 digits), when known. */
  readonly ubigeo?: string;
  readonly address?: string;
}

/** The identity document types Tendero's Peru profile takes (DNI, RUC, CE, PASAPORTE). */
export type PeIdentityType = 'DNI' | 'RUC' | 'CE' | 'PASAPORTE';

export interface PeCustomer {
  /** Null for an anonymous boleta ("clientes varios"). */
  readonly documentType: PeIdentityType | null;
  readonly documentNumber: string | null;
  readonly name: string;
  readonly address?: string;
}

/** A per-unit tax outside the base and the IGV: ICBPER. */
export interface PeFixedTax {
  readonly code: string;
  /** Minor units per whole unit (50 = S/ 0.50 a bag). */
  readonly amountPerUnit: number;
  readonly amount: number;
}

/** UN/ECE rec. 20 unit codes SUNAT takes (catálogo 03): units, kilograms, services. */
export type PeUnitCode = 'NIU' | 'KGM' | 'ZZ' | (string & {});

/** A stored sale line, as the tax engine computed it. */
export interface PeLine {
  readonly code: string;
  readonly name: string;
  readonly unitCode: PeUnitCode;
  /** Thousandths. */
  readonly quantity: number;
  /** Minor units, tax-included or not per the sale's `pricesIncludeTax`. */
  readonly unitPrice: number;
  readonly kind: TaxKind;
  /** Basis points; 0 for EXEMPT and UNAFFECTED. */
  readonly rate: number;
  /** quantity × unit price, rounded once (price basis). */
  readonly gross: number;
  /** Line discount + this line's share of the order discount (price basis). */
  readonly discount: number;
  /** Taxable base (TAXED) or the exempt / unaffected amount. */
  readonly base: number;
  readonly tax: number;
  readonly fixedTaxes: readonly PeFixedTax[];
}

export interface PeTotals {
  readonly taxableBase: number;
  readonly exempt: number;
  readonly unaffected: number;
  /** Σ IGV. */
  readonly tax: number;
  /** Σ ICBPER. */
  readonly fixedTax: number;
  readonly total: number;
}

export interface PeInstalment {
  readonly amount: number;
  /** YYYY-MM-DD. */
  readonly dueDate: string;
}

/** Forma de pago: SUNAT rejects a factura without it. */
export type PePaymentTerms =
  | { readonly kind: 'CONTADO' }
  | {
      readonly kind: 'CREDITO';
      /** The amount owed. */
      readonly pending: number;
      /** Cuotas; a factura on credit needs at least one. */
      readonly instalments: readonly PeInstalment[];
    };

interface PeDocumentBase {
  readonly series: string;
  readonly correlative: number;
  /** The store's local date and time of issue: YYYY-MM-DD and HH:MM:SS. */
  readonly issueDate: string;
  readonly issueTime: string;
  readonly currency: CurrencyCode;
  readonly pricesIncludeTax: boolean;
  readonly issuer: PeIssuer;
  readonly customer: PeCustomer;
  readonly lines: readonly PeLine[];
  readonly totals: PeTotals;
}

/** A boleta (03) or factura (01). */
export interface PeInvoice extends PeDocumentBase {
  readonly documentType: 'BOLETA' | 'FACTURA';
  readonly paymentTerms: PePaymentTerms;
}

/** Catálogo 09: why a credit note is issued (the ones a shop uses). */
export type PeCreditNoteReason =
  | '01' // anulación de la operación
  | '06' // devolución total
  | '07'; // devolución por ítem

/** A nota de crédito (07) on a boleta or factura. */
export interface PeCreditNote extends PeDocumentBase {
  readonly documentType: 'NOTA_CREDITO';
  readonly reference: {
    readonly documentType: 'BOLETA' | 'FACTURA';
    /** The corrected document's number: "F001-00000012". */
    readonly number: string;
  };
  readonly reasonCode: PeCreditNoteReason;
  readonly reason: string;
}

export type PeDocument = PeInvoice | PeCreditNote;
