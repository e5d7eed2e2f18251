/**
 * The text of the SUNAT QR on the printed representation:
 * RUC|TT|SERIE|NUMERO|IGV|TOTAL|FECHA|TIPO DOC ADQ|NUM DOC ADQ|HASH|
 * The hash is the signed document's DigestValue, so the QR ties the paper to
 * the exact signed XML.
 */
import { ANONYMOUS_IDENTITY_CODE, DOCUMENT_TYPE_CODES, IDENTITY_TYPE_CODES } from './codes';
import { amountText } from './decimal';
import type { PeDocument } from './model';

export function sunatQrText(doc: PeDocument, digestValue: string): string {
  const { customer } = doc;
  const anonymous = customer.documentType === null || !customer.documentNumber;
  return [
    doc.issuer.ruc,
    DOCUMENT_TYPE_CODES[doc.documentType],
    doc.series,
    // The correlative as in the XML's cbc:ID (F001-123), without padding.
    String(doc.correlative),
    amountText(doc.totals.tax, doc.currency),
    amountText(doc.totals.total, doc.currency),
    doc.issueDate,
    anonymous ? ANONYMOUS_IDENTITY_CODE : IDENTITY_TYPE_CODES[customer.documentType!],
    anonymous ? ANONYMOUS_IDENTITY_CODE : customer.documentNumber!,
    digestValue,
    '',
  ].join('|');
}
