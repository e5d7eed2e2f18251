/**
 * The fast path (canonical writer + node:crypto) against the reference
 * (xmlbuilder2 + xml-crypto, reference.ts): for the same document both must
 * give the same DigestValue and SignatureValue byte for byte, and documents
 * equal after canonicalisation (the same bytes, where xmldom's re-serialisation
 * in the reference does not change the text).
 */
import { create } from 'xmlbuilder2';
import { beforeAll, describe, expect, it } from 'vitest';
import { XML_DECLARATION } from './canonical-xml';
import { makeTestCertificate, type TestCertificate } from './certificate';
import { buildCreditNoteXml } from './credit-note';
import { buildInvoiceXml } from './invoice';
import type { PeCreditNote, PeDocument, PeInvoice } from './model';
import { referenceCreditNoteXml, referenceInvoiceXml, referenceSignDocument } from './reference';
import {
  signCreditNote,
  signDocument,
  signInvoice,
  verifyDocument,
  type SignedDocument,
} from './sign';
import { texts } from './xml-reading';
import { randomDocument } from './random-documents';
import { canonicalize, makeCreditNote, makeInvoice } from './testing';

let cert: TestCertificate;
beforeAll(() => {
  cert = makeTestCertificate({ bits: 2048 });
});

const signatureValueOf = (xml: string) =>
  /<ds:SignatureValue>([^<]+)<\/ds:SignatureValue>/.exec(xml)?.[1];

function bothWays(doc: PeDocument): { fast: SignedDocument; reference: SignedDocument } {
  if (doc.documentType === 'NOTA_CREDITO') {
    return {
      fast: signCreditNote(doc, cert),
      reference: referenceSignDocument(referenceCreditNoteXml(doc), cert),
    };
  }
  return {
    fast: signInvoice(doc, cert),
    reference: referenceSignDocument(referenceInvoiceXml(doc), cert),
  };
}

/** Texts xmldom writes back differently (a CR read as LF, an empty element self-closed). */
function reserialisedDifferently(doc: PeDocument): boolean {
  const texts = [
    doc.customer.name,
    doc.customer.address ?? 'x',
    doc.issuer.legalName,
    doc.issuer.address ?? 'x',
    doc.issuer.tradeName ?? 'x',
    ...doc.lines.flatMap((l) => [l.name, l.code]),
    doc.documentType === 'NOTA_CREDITO' ? doc.reason : 'x',
  ];
  return texts.some((t) => t.includes('\r') || t === '');
}

function expectSame(doc: PeDocument): SignedDocument {
  // The unsigned text first: a difference here reads better than one in a digest.
  const [built, referenceBuilt] =
    doc.documentType === 'NOTA_CREDITO'
      ? [buildCreditNoteXml(doc), referenceCreditNoteXml(doc)]
      : [buildInvoiceXml(doc), referenceInvoiceXml(doc)];
  expect(built).toBe(XML_DECLARATION + canonicalize(referenceBuilt));
  const { fast, reference } = bothWays(doc);
  expect(fast.digestValue).toBe(reference.digestValue);
  expect(signatureValueOf(fast.xml)).toBe(signatureValueOf(reference.xml));
  expect(canonicalize(fast.xml)).toBe(canonicalize(reference.xml));
  if (!reserialisedDifferently(doc)) expect(fast.xml).toBe(reference.xml);
  return fast;
}

const boleta = (): PeInvoice =>
  makeInvoice([
    { quantity: 2000, unitPrice: 5000, taxCategory: 'IGV' },
    { quantity: 1250, unitPrice: 1640, taxCategory: 'IGV', unitCode: 'KGM' },
  ]);

function facturaOnCredit(): PeInvoice {
  const factura = makeInvoice(
    [
      { quantity: 2000, unitPrice: 11800, taxCategory: 'IGV', discount: 500 },
      { quantity: 1250, unitPrice: 2000, taxCategory: 'EXONERADO', unitCode: 'KGM' },
      { quantity: 1000, unitPrice: 250, taxCategory: 'INAFECTO', discount: 25 },
      { quantity: 2000, unitPrice: 20, taxCategory: 'BOLSA', name: 'Bolsa & asa <grande>' },
    ],
    { documentType: 'FACTURA', orderDiscount: 100 },
  );
  const total = factura.totals.total;
  const first = Math.floor(total / 2);
  return {
    ...factura,
    paymentTerms: {
      kind: 'CREDITO',
      pending: total,
      instalments: [
        { amount: first, dueDate: '2027-01-05' },
        { amount: total - first, dueDate: '2027-02-05' },
      ],
    },
  };
}

const creditNote = (): PeCreditNote =>
  makeCreditNote([
    { quantity: 1000, unitPrice: 11800, taxCategory: 'IGV' },
    { quantity: 1000, unitPrice: 20, taxCategory: 'BOLSA' },
  ]);

describe('the fast path signs exactly as xml-crypto does', () => {
  it.each([
    ['a boleta', boleta],
    ['a factura with all four tax types, discounts and cuotas', facturaOnCredit],
    ['a credit note', creditNote],
  ])('%s: same digest, signature and bytes, and it verifies', (_, make) => {
    const signed = expectSame(make());
    expect(verifyDocument(signed.xml, cert.certificatePem)).toBe(true);
  });

  it('a 300-line factura (the benchmark size): same digest, signature and bytes', () => {
    const categories = ['IGV', 'IGV', 'IGV', 'EXONERADO', 'INAFECTO', 'BOLSA'] as const;
    const factura = makeInvoice(
      Array.from({ length: 300 }, (_, i) => ({
        quantity: i % 4 === 0 ? 1250 : 1000 + (i % 3) * 1000,
        unitPrice: categories[i % 6] === 'BOLSA' ? 20 : 590 + (i % 50) * 137,
        taxCategory: categories[i % 6]!,
        unitCode: i % 4 === 0 ? 'KGM' : 'NIU',
        discount: i % 5 === 0 ? 10 : 0,
        name: `Producto ${i} & <${i % 7}>`,
      })),
      { documentType: 'FACTURA', orderDiscount: 150 },
    );
    expectSame(factura);
  });

  it('signDocument over the built text is the same as signInvoice and signCreditNote', () => {
    expect(signDocument(buildInvoiceXml(boleta()), cert)).toEqual(signInvoice(boleta(), cert));
    expect(signDocument(buildCreditNoteXml(creditNote()), cert)).toEqual(
      signCreditNote(creditNote(), cert),
    );
  });

  it('refuses text the canonical writer did not write, rather than sign a wrong digest', () => {
    // xmlbuilder2 self-closes the empty slot; a filled-in slot is no slot.
    expect(() => signDocument(referenceInvoiceXml(boleta()), cert)).toThrow(/ExtensionContent/);
    const built = buildInvoiceXml(boleta());
    const reason = (xml: string) => {
      try {
        signDocument(xml, cert);
      } catch (error) {
        return (error as { details?: { reason?: string } }).details?.reason;
      }
      return 'signed';
    };
    expect(reason(built.replace('<cbc:UBLVersionID>', '<cbc:Note/><cbc:UBLVersionID>'))).toBe(
      'NOT_CANONICAL',
    );
    expect(reason(built.replace('<cbc:UBLVersionID>', '<!-- x --><cbc:UBLVersionID>'))).toBe(
      'NOT_CANONICAL',
    );
    expect(reason(built.replace('2026-12-06', '2026-12-06\r'))).toBe('NOT_CANONICAL');
    expect(reason(built)).toBe('signed');
  });
});

describe('text that looks like an entity reference', () => {
  const name = 'Bolsa &amp; asa &nbsp; &#38; ok';
  const doc = () => makeInvoice([{ quantity: 1000, unitPrice: 590, taxCategory: 'IGV', name }]);

  it('reads back as written (the xmlbuilder2 path lost it: "&amp;" came back as "&")', () => {
    const { xml } = signInvoice(doc(), cert);
    expect(texts(xml, 'cbc:Description')).toEqual([name]);
    expect(verifyDocument(xml, cert.certificatePem)).toBe(true);
    // The old production path: xmlbuilder2 takes "&amp;" for a reference and writes it as is.
    const old = create({ version: '1.0' }).ele('r').ele('n').txt('Bolsa &amp; asa').end();
    expect(texts(old, 'n')).toEqual(['Bolsa & asa']);
  });
});

describe('random documents (seeded): the fast path equals the reference', () => {
  const seeds = Array.from({ length: 120 }, (_, i) => 1000 + i);

  it('covers what it claims: CR, markup characters, empty texts, all three document types', () => {
    const docs = seeds.map(randomDocument);
    const all = JSON.stringify(docs);
    for (const needle of ['\\r', '&', '&amp;', '&nbsp;', '<', '>', '\\"', "'", '\\t', 'Ñ', '🛒']) {
      expect(all).toContain(needle);
    }
    expect(new Set(docs.map((d) => d.documentType))).toEqual(
      new Set(['BOLETA', 'FACTURA', 'NOTA_CREDITO']),
    );
    expect(docs.some(reserialisedDifferently)).toBe(true);
    expect(docs.filter((d) => !reserialisedDifferently(d)).length).toBeGreaterThan(10);
  });

  it.each(seeds)('seed %i', (seed) => {
    expectSame(randomDocument(seed));
  });
});
