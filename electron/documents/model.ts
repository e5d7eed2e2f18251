import type { PrintedCpe } from './content/electronic';
/**
 * What a document is made from: plain, serializable data read from the
 * database in the main thread. Rendering needs nothing else, so the same
 * request renders inline or in the render worker (it crosses postMessage as is).
 */
import type { CashReportFormat, SaleDocumentFormat } from '../../core/api/areas/documents';
import type { CashReport, Sale, SaleReturn, Summary } from '../../core/api/model';
import type { RoundingMode } from '../../core/money/rounding';
import type { PaymentMethodNames } from '../../core/payment-names';
import type { CountryCode } from '../../core/profiles';

/** The shop as its papers name it; the rest comes from its country profile in core/. */
export interface DocumentStore {
  readonly businessName: string;
  readonly taxId: string;
  /** RUC, NIT, CUIT, RIF… */
  readonly taxIdLabel: string;
  readonly address: string;
  readonly phone: string;
  readonly country: CountryCode;
  readonly locale: string;
  readonly timeZone: string;
  readonly currency: string;
  readonly roundingMode: RoundingMode;
  readonly receiptFooter: string;
  /** The store's own names of payment methods (settings.paymentMethodNames). */
  readonly paymentMethodNames: PaymentMethodNames;
}

export type DocumentRequest =
  | {
      readonly kind: 'sale';
      readonly format: SaleDocumentFormat;
      readonly store: DocumentStore;
      readonly sale: Sale;
      /** The registered customer's address (a factura prints it); '' for a quick sale. */
      readonly customerAddress?: string;
      /** The signed CPE's hash and QR (Peru, e-invoicing on); absent when none was signed. */
      readonly cpe?: PrintedCpe | null;
    }
  | {
      readonly kind: 'saleReturn';
      readonly format: SaleDocumentFormat;
      readonly store: DocumentStore;
      readonly saleReturn: SaleReturn;
      /** The sale the credit note modifies: its customer, register and document. */
      readonly sale: Sale;
      readonly customerAddress?: string;
      readonly cpe?: PrintedCpe | null;
    }
  | {
      readonly kind: 'cashReport';
      readonly format: CashReportFormat;
      readonly store: DocumentStore;
      readonly report: CashReport;
    }
  | {
      readonly kind: 'period';
      readonly store: DocumentStore;
      readonly summary: Summary;
      readonly generatedAt: string;
    };

export interface RenderedPdf {
  readonly pdf: Uint8Array;
  readonly pages: number;
}
