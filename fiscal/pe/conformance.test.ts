/**
 * Independent checks of signed documents: the OASIS UBL 2.1 schemas (xmllint,
 * Debian libxml2-utils) and a second XMLDSig implementation (xmlsec1, Debian
 * xmlsec1), beside xml-crypto which made the signature.
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
import { signDocument, verifyDocument } from './sign';
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

const documents: [string, string, () => string][] = [
  [
    'a boleta',
    'UBL-Invoice-2.1.xsd',
    () =>
      buildInvoiceXml(
        makeInvoice([
          { quantity: 2000, unitPrice: 5000, taxCategory: 'IGV' },
          { quantity: 1250, unitPrice: 1640, taxCategory: 'IGV', unitCode: 'KGM' },
        ]),
      ),
  ],
  [
    'a factura with all four tax types, discounts and cuotas',
    'UBL-Invoice-2.1.xsd',
    () => {
      const factura = makeInvoice(
        [
          { quantity: 2000, unitPrice: 11800, taxCategory: 'IGV', discount: 500 },
          { quantity: 1250, unitPrice: 2000, taxCategory: 'EXONERADO', unitCode: 'KGM' },
          { quantity: 1000, unitPrice: 250, taxCategory: 'INAFECTO' },
          { quantity: 2000, unitPrice: 20, taxCategory: 'BOLSA', name: 'Bolsa & asa' },
        ],
        { documentType: 'FACTURA', orderDiscount: 100 },
      );
      const total = factura.totals.total;
      return buildInvoiceXml({
        ...factura,
        paymentTerms: {
          kind: 'CREDITO',
          pending: total,
          instalments: [{ amount: total, dueDate: '2027-01-05' }],
        },
      });
    },
  ],
  [
    'a credit note',
    'UBL-CreditNote-2.1.xsd',
    () =>
      buildCreditNoteXml(
        makeCreditNote([
          { quantity: 1000, unitPrice: 11800, taxCategory: 'IGV' },
          { quantity: 1000, unitPrice: 20, taxCategory: 'BOLSA' },
        ]),
      ),
  ],
];

describe.each(documents)('%s', (name, schema, build) => {
  it('is not schema-valid before signing (ExtensionContent must hold the signature)', () => {
    const result = schemaValid(write(`${name}-unsigned.xml`, build()), schema);
    expect(result.ok).toBe(false);
    expect(result.output).toContain('ExtensionContent');
  });

  it('validates against the UBL 2.1 schemas after signing', () => {
    const { xml } = signDocument(build(), cert);
    const result = schemaValid(write(`${name}.xml`, xml), schema);
    expect(result.output).toContain('validates');
    expect(result.ok).toBe(true);
  });

  it('verifies with xml-crypto and with xmlsec1; one changed byte fails both', () => {
    const { xml } = signDocument(build(), cert);
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
