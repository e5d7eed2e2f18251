/** The UBL 2.1 Invoice of a boleta (03) or factura (01), unsigned. */
import { create } from 'xmlbuilder2';
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
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';

/** Forma de pago: Contado, or Credito with its cuotas (Cuota001, Cuota002…). */
function addPaymentTerms(root: XMLBuilder, doc: PeInvoice): void {
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

/** The unsigned XML text of a boleta or factura. */
export function buildInvoiceXml(doc: PeInvoice): string {
  validateDocument(doc);
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(
    'Invoice',
    rootAttributes(NS.invoice),
  );
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
  return root.end({ prettyPrint: false });
}
