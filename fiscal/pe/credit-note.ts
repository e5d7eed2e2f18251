/** The UBL 2.1 CreditNote (07) of a return or a void, unsigned. */
import { CanonicalDocument, XML_DECLARATION, type XmlNode } from './canonical-xml';
import { DOCUMENT_TYPE_CODES } from './codes';
import type { PeCreditNote } from './model';
import {
  NS,
  addAmountInWords,
  addCustomer,
  addExtensionSlot,
  addLine,
  addMonetaryTotal,
  addSignatureReference,
  addSupplier,
  addTaxTotal,
  addVersions,
  documentId,
  rootAttributes,
} from './ubl-parts';
import { validateDocument } from './validate';

/** The corrected document's number as SUNAT reads it: "F001-00000012" → "F001-12". */
function referenceId(number: string): string {
  const match = /^([A-Z0-9]{4})-0*(\d+)$/.exec(number);
  return match ? `${match[1]}-${match[2]}` : number;
}

export const CREDIT_NOTE_ROOT = 'CreditNote';
export const creditNoteRootAttributes = () => rootAttributes(NS.creditNote);

/** The CreditNote's content, in schema order, into any writer (canonical, or the reference's). */
export function writeCreditNote(root: XmlNode, doc: PeCreditNote): void {
  validateDocument(doc);
  addExtensionSlot(root);
  addVersions(root);
  root.ele('cbc:ID').txt(documentId(doc));
  root.ele('cbc:IssueDate').txt(doc.issueDate);
  root.ele('cbc:IssueTime').txt(doc.issueTime);
  addAmountInWords(root, doc);
  root.ele('cbc:DocumentCurrencyCode').txt(doc.currency);
  const discrepancy = root.ele('cac:DiscrepancyResponse');
  discrepancy.ele('cbc:ReferenceID').txt(referenceId(doc.reference.number));
  discrepancy.ele('cbc:ResponseCode').txt(doc.reasonCode);
  discrepancy.ele('cbc:Description').txt(doc.reason);
  const reference = root.ele('cac:BillingReference').ele('cac:InvoiceDocumentReference');
  reference.ele('cbc:ID').txt(referenceId(doc.reference.number));
  reference.ele('cbc:DocumentTypeCode').txt(DOCUMENT_TYPE_CODES[doc.reference.documentType]);
  addSignatureReference(root, doc);
  addSupplier(root, doc);
  addCustomer(root, doc);
  addTaxTotal(root, doc);
  addMonetaryTotal(root, doc);
  doc.lines.forEach((line, i) =>
    addLine(root, doc, line, i, {
      element: 'cac:CreditNoteLine',
      quantity: 'cbc:CreditedQuantity',
      taxBeforeAllowance: true,
    }),
  );
}

/**
 * The unsigned XML text of a credit note: the XML declaration and the document
 * in its canonical form, ready for `signDocument` (sign.ts).
 */
export function buildCreditNoteXml(doc: PeCreditNote): string {
  const writer = new CanonicalDocument(CREDIT_NOTE_ROOT, creditNoteRootAttributes());
  writeCreditNote(writer.root, doc);
  return XML_DECLARATION + writer.end();
}
