/**
 * What a document's QR code says: Peru's SUNAT pipe-separated summary,
 * Bolivia's SIAT query URL, or elsewhere a plain verification text that any
 * phone can read back.
 */
import { minorToDecimalString } from '../../../core/money/format';
import { currency } from '../../../core/money/currency';
import type { DocumentType } from '../../../core/numbering';
import type { DocumentStore } from '../model';

export interface QrSubject {
  /** The sale's or credit note's id. */
  readonly id: string;
  readonly documentType: DocumentType;
  /** The printed number: B001-00000123, 00001-00000084, POS1000123. */
  readonly number: string;
  readonly correlative: number;
  readonly currency: string;
  readonly tax: number;
  readonly total: number;
  /** The store's day of issue, YYYY-MM-DD. */
  readonly date: string;
  readonly customerDocumentType: string | null;
  readonly customerDocumentNumber: string | null;
}

/** SUNAT catalogue 01: the receipt types. */
const PE_DOCUMENT_CODES: Readonly<Record<DocumentType, string>> = {
  FACTURA: '01',
  BOLETA: '03',
  NOTA_CREDITO: '07',
  TICKET: '12',
};

/** SUNAT catalogue 06: identity documents; "-" when the customer gave none. */
const PE_IDENTITY_CODES: Readonly<Record<string, string>> = {
  DNI: '1',
  CE: '4',
  RUC: '6',
  PASAPORTE: '7',
};

function decimal(amount: number, code: string): string {
  return minorToDecimalString(amount, currency(code).minorDigits);
}

export function qrText(store: DocumentStore, doc: QrSubject): { text: string; caption: string } {
  switch (store.country) {
    case 'PE': {
      const cut = doc.number.lastIndexOf('-');
      const series = cut > 0 ? doc.number.slice(0, cut) : '';
      const number = cut > 0 ? doc.number.slice(cut + 1) : doc.number;
      const documentCode = doc.customerDocumentType
        ? (PE_IDENTITY_CODES[doc.customerDocumentType] ?? '0')
        : '-';
      const text = [
        store.taxId,
        PE_DOCUMENT_CODES[doc.documentType],
        series,
        number,
        decimal(doc.tax, doc.currency),
        decimal(doc.total, doc.currency),
        doc.date,
        documentCode,
        doc.customerDocumentNumber ?? '-',
      ].join('|');
      return { text, caption: 'Código QR del comprobante (SUNAT)' };
    }
    case 'BO': {
      // The sale's id stands in for the CUF (código único de factura): the SIAT
      // assigns the real one when an invoice is registered online, which this till does not do yet.
      const query = new URLSearchParams({
        nit: store.taxId,
        cuf: doc.id,
        numero: String(doc.correlative),
        t: '2',
      });
      return {
        text: `https://siat.impuestos.gob.bo/consulta/QR?${query.toString()}`,
        caption: 'Consulte esta factura en el SIAT',
      };
    }
    default:
      return {
        text: [
          `${store.taxIdLabel} ${store.taxId}`,
          doc.number,
          `${decimal(doc.total, doc.currency)} ${doc.currency}`,
          doc.date,
        ].join(' | '),
        caption: 'Datos de verificación del comprobante',
      };
  }
}
