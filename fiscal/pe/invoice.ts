/** The UBL 2.1 Invoice of a boleta (03) or factura (01), unsigned. */
import { CanonicalDocument, XML_DECLARATION, type XmlNode } from './canonical-xml';
import { DOCUMENT_TYPE_CODES, SALE_OPERATION_TYPE } from './codes';
import { validateDocument } from './validate';
import type { PeInvoice } from './model';
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
  money,
  rootAttributes,
} from './ubl-parts';

/** Forma de pago: Contado, or Credito with its cuotas (Cuota001, Cuota002…). */
function addPaymentTerms(root: XmlNode, doc: PeInvoice): void {
  const terms = doc.paymentTerms;
  const block = (means: string) => {
    const node = root.ele('cac:PaymentTerms');
    node.ele('cbc:ID').txt('FormaPago');
    node.ele('cbc:PaymentMeansID').txt(means);
    return node;
  };
  if (terms.kind === 'CONTADO') {
    block('Contado');
    return;
  }
  money(block('Credito'), 'cbc:Amount', terms.pending, doc);
  terms.instalments.forEach((instalment, i) => {
    const node = block(`Cuota${String(i + 1).padStart(3, '0')}`);
    money(node, 'cbc:Amount', instalment.amount, doc);
    node.ele('cbc:PaymentDueDate').txt(instalment.dueDate);
  });
}

export const INVOICE_ROOT = 'Invoice';
export const invoiceRootAttributes = () => rootAttributes(NS.invoice);

/** The Invoice's content, in schema order, into any writer (canonical, or the reference's). */
export function writeInvoice(root: XmlNode, doc: PeInvoice): void {
  validateDocument(doc);
  addExtensionSlot(root);
  addVersions(root);
  root.ele('cbc:ID').txt(documentId(doc));
  root.ele('cbc:IssueDate').txt(doc.issueDate);
  root.ele('cbc:IssueTime').txt(doc.issueTime);
  root
    .ele('cbc:InvoiceTypeCode', { listID: SALE_OPERATION_TYPE })
    .txt(DOCUMENT_TYPE_CODES[doc.documentType]);
  addAmountInWords(root, doc);
  root.ele('cbc:DocumentCurrencyCode').txt(doc.currency);
  addSignatureReference(root, doc);
  addSupplier(root, doc);
  addCustomer(root, doc);
  addPaymentTerms(root, doc);
  addTaxTotal(root, doc);
  addMonetaryTotal(root, doc);
  doc.lines.forEach((line, i) =>
    addLine(root, doc, line, i, { element: 'cac:InvoiceLine', quantity: 'cbc:InvoicedQuantity' }),
  );
}

/**
 * The unsigned XML text of a boleta or factura: the XML declaration and the
 * document in its canonical form, ready for `signDocument` (sign.ts).
 */
export function buildInvoiceXml(doc: PeInvoice): string {
  const writer = new CanonicalDocument(INVOICE_ROOT, invoiceRootAttributes());
  writeInvoice(writer.root, doc);
  return XML_DECLARATION + writer.end();
}
