/**
 * Independent checks of signed documents: the OASIS UBL 2.1 schemas (xmllint,
 * Debian libxml2-utils) and two XMLDSig implementations that did not make the
 * signature (xmlsec1, Debian xmlsec1; xml-crypto). Run on the fast path's
 * output (canonical writer + node:crypto, what the till stores) and on the
 * reference's (xmlbuilder2 + xml-crypto, reference.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestCertificate, type TestCertificate } from './certificate';
import { buildCreditNoteXml } from './credit-note';
import { buildInvoiceXml } from './invoice';
import type { PeCreditNote, PeInvoice } from './model';
import { referenceCreditNoteXml, referenceInvoiceXml, referenceSignDocument } from './reference';
import { randomDocument } from './random-documents';
import {
  signCreditNote,
  signDocument,
  signInvoice,
  verifyDocument,
  type SignedDocument,
} from './sign';
import { makeCreditNote, makeInvoice } from './testing';

const XSD = join(dirname(fileURLToPath(import.meta.url)), 'testdata', 'xsd', 'maindoc');
let dir: string;
let cert: TestCertificate;
let certFile: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tendero-cpe-'));
  cert = makeTestCertificate();
  certFile = join(dir, 'cert.pem');
  writeFileSync(certFile, cert.certificatePem);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

function write(name: string, xml: string): string {
  const file = join(dir, name);
  writeFileSync(file, xml);
  return file;
}

const schemaValid = (file: string, schema: string) =>
  run('xmllint', ['--noout', '--schema', join(XSD, schema), file]);
const xmlsecVerifies = (file: string) =>
  run('xmlsec1', ['--verify', '--trusted-pem', certFile, file]);

interface Path {
  readonly invoice: (doc: PeInvoice) => string;
  readonly creditNote: (doc: PeCreditNote) => string;
  readonly sign: (xml: string, cert: TestCertificate) => SignedDocument;
}

const PATHS: Record<string, Path> = {
  'fast path': { invoice: buildInvoiceXml, creditNote: buildCreditNoteXml, sign: signDocument },
  reference: {
    invoice: referenceInvoiceXml,
    creditNote: referenceCreditNoteXml,
    sign: referenceSignDocument,
  },
};

function factura(): PeInvoice {
  const doc = makeInvoice(
    [
      { quantity: 2000, unitPrice: 11800, taxCategory: 'IGV', discount: 500 },
      { quantity: 1250, unitPrice: 2000, taxCategory: 'EXONERADO', unitCode: 'KGM' },
      { quantity: 1000, unitPrice: 250, taxCategory: 'INAFECTO' },
      { quantity: 2000, unitPrice: 20, taxCategory: 'BOLSA', name: 'Bolsa & asa' },
    ],
    { documentType: 'FACTURA', orderDiscount: 100 },
  );
  const total = doc.totals.total;
  return {
    ...doc,
    paymentTerms: {
      kind: 'CREDITO',
      pending: total,
      instalments: [{ amount: total, dueDate: '2027-01-05' }],
    },
  };
}

/** Names with markup characters, quotes, accents, CR, TAB, an entity look-alike and a stray control character. */
const awkwardBoleta = (): PeInvoice =>
  makeInvoice(
    [
      { quantity: 1000, unitPrice: 590, taxCategory: 'IGV', name: 'Té "Ñusta" <200 g> & más' },
      { quantity: 1000, unitPrice: 350, taxCategory: 'IGV', name: "Pan\r\nd'agua\tx2 &amp;" },
      { quantity: 1000, unitPrice: 100, taxCategory: 'INAFECTO', name: 'Caf\u0001é 🛒\r' },
    ],
    { customer: { documentType: 'DNI', documentNumber: '45678912', name: 'José & María <S>' } },
  );

const documents: [string, string, (path: Path) => string][] = [
  [
    'a boleta',
    'UBL-Invoice-2.1.xsd',
    (path) =>
      path.invoice(
        makeInvoice([
          { quantity: 2000, unitPrice: 5000, taxCategory: 'IGV' },
          { quantity: 1250, unitPrice: 1640, taxCategory: 'IGV', unitCode: 'KGM' },
        ]),
      ),
  ],
  [
    'a factura with all four tax types, discounts and cuotas',
    'UBL-Invoice-2.1.xsd',
    (path) => path.invoice(factura()),
  ],
  [
    'a credit note',
    'UBL-CreditNote-2.1.xsd',
    (path) =>
      path.creditNote(
        makeCreditNote([
          { quantity: 1000, unitPrice: 11800, taxCategory: 'IGV' },
          { quantity: 1000, unitPrice: 20, taxCategory: 'BOLSA' },
        ]),
      ),
  ],
  [
    // CreditNoteLine puts TaxTotal before AllowanceCharge (InvoiceLine the other way round).
    'a credit note with discounts',
    'UBL-CreditNote-2.1.xsd',
    (path) =>
      path.creditNote(
        makeCreditNote([
          { quantity: 2000, unitPrice: 11800, taxCategory: 'IGV', discount: 500 },
          { quantity: 1000, unitPrice: 2000, taxCategory: 'EXONERADO', discount: 100 },
        ]),
      ),
  ],
  ['a boleta with awkward names', 'UBL-Invoice-2.1.xsd', (path) => path.invoice(awkwardBoleta())],
];

// The reference is not run on awkward names: xmlbuilder2 writes a control
// character as is, which no parser reads (the test at the end shows it).
const cases = Object.entries(PATHS).flatMap(([pathName, path]) =>
  documents
    .filter(([name]) => pathName !== 'reference' || !name.includes('awkward'))
    .map(
      ([name, schema, build]) =>
        [`${pathName}: ${name}`, schema, () => build(path), path.sign] as const,
    ),
);

describe.each(cases)('%s', (name, schema, build, sign) => {
  it('is not schema-valid before signing (ExtensionContent must hold the signature)', () => {
    const result = schemaValid(write(`${name}-unsigned.xml`, build()), schema);
    expect(result.ok).toBe(false);
    expect(result.output).toContain('ExtensionContent');
  });

  it('validates against the UBL 2.1 schemas after signing', () => {
    const { xml } = sign(build(), cert);
    const result = schemaValid(write(`${name}.xml`, xml), schema);
    expect(result.output).toContain('validates');
    expect(result.ok).toBe(true);
  });

  it('verifies with xml-crypto and with xmlsec1; one changed byte fails both', () => {
    const { xml } = sign(build(), cert);
    expect(verifyDocument(xml, cert.certificatePem)).toBe(true);
    const verified = xmlsecVerifies(write(`${name}.xml`, xml));
    expect(verified.output).toContain('OK');
    expect(verified.ok).toBe(true);

    // One byte inside the customer's document number: still schema-valid, no longer signed.
    const at = xml.indexOf(
      '</cbc:ID></cac:PartyIdentification><cac:PartyLegalEntity>',
      xml.indexOf('AccountingCustomerParty'),
    );
    const tampered = `${xml.slice(0, at - 1)}${xml[at - 1] === '9' ? '8' : '9'}${xml.slice(at)}`;
    expect(tampered.length).toBe(xml.length);
    expect(tampered).not.toBe(xml);
    const file = write(`${name}-tampered.xml`, tampered);
    expect(schemaValid(file, schema).ok).toBe(true);
    expect(verifyDocument(tampered, cert.certificatePem)).toBe(false);
    const refused = xmlsecVerifies(file);
    expect(refused.ok).toBe(false);
    expect(refused.output).toMatch(/FAIL|failed/i);
  });
});

it('the xmlbuilder2 path wrote a stray control character as is, which no parser reads; the fast path drops it', () => {
  const reference = write('reference-control.xml', referenceInvoiceXml(awkwardBoleta()));
  expect(run('xmllint', ['--noout', reference]).ok).toBe(false);
  const fast = write('fast-control.xml', buildInvoiceXml(awkwardBoleta()));
  expect(run('xmllint', ['--noout', fast]).ok).toBe(true);
});

describe('random documents from the fast path (seeded)', () => {
  it.each([2000, 2001, 2002, 2003, 2004, 2005, 2006, 2007])(
    'seed %i validates against the schema and verifies with xmlsec1 and xml-crypto',
    (seed) => {
      const doc = randomDocument(seed);
      const credit = doc.documentType === 'NOTA_CREDITO';
      const { xml } = credit ? signCreditNote(doc, cert) : signInvoice(doc, cert);
      const file = write(`random-${seed}.xml`, xml);
      const schema = credit ? 'UBL-CreditNote-2.1.xsd' : 'UBL-Invoice-2.1.xsd';
      expect(schemaValid(file, schema).output).toContain('validates');
      expect(xmlsecVerifies(file).ok).toBe(true);
      expect(verifyDocument(xml, cert.certificatePem)).toBe(true);
    },
  );
});
