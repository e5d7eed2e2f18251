/**
 * Checks a document before any XML is written: what SUNAT would reject is
 * refused here with a clear reason, and nothing is built from bad input.
 */
import { DomainError } from '../../core/errors';
import type { PeDocument } from './model';

function refuse(reason: string, message: string, details: Record<string, unknown> = {}): never {
  throw new DomainError('VALIDATION', message, { reason, ...details });
}

/** The letter a series must start with: F for facturas and their notes, B for boletas. */
function seriesLetter(doc: PeDocument): 'F' | 'B' {
  const type = doc.documentType === 'NOTA_CREDITO' ? doc.reference.documentType : doc.documentType;
  return type === 'FACTURA' ? 'F' : 'B';
}

function checkTotals(doc: PeDocument): void {
  const sum = (pick: (l: PeDocument['lines'][number]) => number) =>
    doc.lines.reduce((s, l) => s + pick(l), 0);
  const { totals } = doc;
  const expected = {
    taxableBase: sum((l) => (l.kind === 'TAXED' ? l.base : 0)),
    exempt: sum((l) => (l.kind === 'EXEMPT' ? l.base : 0)),
    unaffected: sum((l) => (l.kind === 'UNAFFECTED' ? l.base : 0)),
    tax: sum((l) => l.tax),
    fixedTax: sum((l) => l.fixedTaxes.reduce((s, f) => s + f.amount, 0)),
  };
  for (const [field, value] of Object.entries(expected)) {
    const stated = totals[field as keyof typeof expected];
    if (stated !== value) {
      refuse('LINES_DISAGREE_WITH_TOTALS', `The lines add up to ${value} ${field}, not ${stated}`, {
        field,
        lines: value,
        totals: stated,
      });
    }
  }
  const total =
    totals.taxableBase + totals.exempt + totals.unaffected + totals.tax + totals.fixedTax;
  if (total !== totals.total) {
    refuse('TOTAL_MISMATCH', `The parts add up to ${total}, not ${totals.total}`);
  }
}

export function validateDocument(doc: PeDocument): void {
  if (!/^(10|15|16|17|20)\d{9}$/.test(doc.issuer.ruc)) {
    refuse('INVALID_ISSUER_RUC', `The store's RUC "${doc.issuer.ruc}" is not 11 digits`);
  }
  if (!/^\d{4}$/.test(doc.issuer.addressCode)) {
    refuse('INVALID_ADDRESS_CODE', 'The establishment code must be 4 digits, like 0000');
  }
  const letter = seriesLetter(doc);
  if (!new RegExp(`^${letter}[A-Z0-9]{3}$`).test(doc.series)) {
    refuse('INVALID_SERIES', `Series "${doc.series}" must be 4 characters starting with ${letter}`);
  }
  if (
    !Number.isSafeInteger(doc.correlative) ||
    doc.correlative < 1 ||
    doc.correlative > 99_999_999
  ) {
    refuse('INVALID_CORRELATIVE', 'The correlative must be 1 to 99999999');
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(doc.issueDate) || !/^\d{2}:\d{2}:\d{2}$/.test(doc.issueTime)) {
    refuse('INVALID_ISSUE_TIME', 'Issue date and time must be YYYY-MM-DD and HH:MM:SS');
  }
  if (letter === 'F' && doc.customer.documentType !== 'RUC') {
    refuse('FACTURA_NEEDS_RUC', 'A factura (and its notes) needs a customer with a RUC');
  }
  if (doc.customer.documentType !== null && !doc.customer.documentNumber) {
    refuse('MISSING_CUSTOMER_DOCUMENT', "The customer's document number is missing");
  }
  if (doc.lines.length === 0) refuse('NO_LINES', 'A document needs at least one line');
  doc.lines.forEach((line, i) => {
    if (line.quantity <= 0 || line.base < 0 || line.tax < 0 || line.discount < 0) {
      refuse('INVALID_LINE', `Line ${i + 1} has a negative or zero figure`, { line: i + 1 });
    }
    // Catálogo 03 (UN/ECE rec. 20) codes are 2–3 letters or digits; anything
    // else is a mapping error, and it would be written into an attribute.
    if (!/^[A-Z0-9]{2,3}$/.test(line.unitCode)) {
      refuse('INVALID_UNIT_CODE', `Line ${i + 1} has the unit code "${line.unitCode}"`, {
        line: i + 1,
      });
    }
  });
  checkTotals(doc);
  if (doc.documentType !== 'NOTA_CREDITO' && doc.paymentTerms.kind === 'CREDITO') {
    const { pending, instalments } = doc.paymentTerms;
    const sum = instalments.reduce((s, c) => s + c.amount, 0);
    if (pending <= 0 || pending > doc.totals.total) {
      refuse('INVALID_PENDING', 'The amount on credit must be above zero and within the total');
    }
    if (doc.documentType === 'FACTURA' && instalments.length === 0) {
      refuse('CREDIT_NEEDS_INSTALMENTS', 'A factura on credit needs at least one cuota');
    }
    if (instalments.length > 0 && sum !== pending) {
      refuse('INSTALMENTS_MISMATCH', `The cuotas add up to ${sum}, not the ${pending} on credit`);
    }
  }
}
