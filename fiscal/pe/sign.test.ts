import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTestCertificate, type TestCertificate } from './certificate';
import { buildInvoiceXml } from './invoice';
import { digestValueOf, signDocument, verifyDocument } from './sign';
import { makeInvoice } from './testing';
import { elements, texts } from './xml-reading';

let cert: TestCertificate;
beforeAll(() => {
  cert = makeTestCertificate();
});

const boleta = () =>
  buildInvoiceXml(
    makeInvoice([
      { quantity: 2000, unitPrice: 5000, taxCategory: 'IGV' },
      { quantity: 1000, unitPrice: 2050, taxCategory: 'IGV' },
    ]),
  );

describe('signDocument', () => {
  it('puts one enveloped ds:Signature in ext:ExtensionContent with RSA-SHA256, SHA-256 and C14N', () => {
    const { xml } = signDocument(boleta(), cert);
    const signature = elements(xml, 'ds:Signature', 'ext:ExtensionContent');
    expect(signature).toHaveLength(1);
    expect(signature[0]!.getAttribute('Id')).toBe('TENDERO-SIGN');
    const algorithm = (name: string) => elements(xml, name).map((e) => e.getAttribute('Algorithm'));
    expect(algorithm('ds:SignatureMethod')).toEqual([
      'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    ]);
    expect(algorithm('ds:DigestMethod')).toEqual(['http://www.w3.org/2001/04/xmlenc#sha256']);
    expect(algorithm('ds:CanonicalizationMethod')).toEqual([
      'http://www.w3.org/TR/2001/REC-xml-c14n-20010315',
    ]);
    expect(algorithm('ds:Transform')).toEqual([
      'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
      'http://www.w3.org/TR/2001/REC-xml-c14n-20010315',
    ]);
    expect(elements(xml, 'ds:Reference')[0]!.getAttribute('URI')).toBe('');
    const body = cert.certificatePem.replace(/-----[A-Z ]+-----|\s/g, '');
    expect(texts(xml, 'ds:X509Certificate')).toEqual([body]);
    // cac:Signature points at it.
    expect(texts(xml, 'cbc:URI', 'cac:Signature')).toEqual(['#TENDERO-SIGN']);
  });

  it('returns the digest (the printed hash): the DigestValue, 32 bytes of SHA-256 in base64', () => {
    const signed = signDocument(boleta(), cert);
    expect(signed.digestValue).toBe(texts(signed.xml, 'ds:DigestValue')[0]);
    expect(digestValueOf(signed.xml)).toBe(signed.digestValue);
    expect(Buffer.from(signed.digestValue, 'base64')).toHaveLength(32);
    // Deterministic: the same document signs to the same digest.
    expect(signDocument(boleta(), cert).digestValue).toBe(signed.digestValue);
    expect(signed.digestValue).not.toBe(createHash('sha256').update(boleta()).digest('base64'));
  });

  it('verifies with xml-crypto, and fails after one changed byte or with another certificate', () => {
    const { xml } = signDocument(boleta(), cert);
    expect(verifyDocument(xml, cert.certificatePem)).toBe(true);
    const tampered = xml.replace('<cbc:IssueTime>10:30:00', '<cbc:IssueTime>10:30:01');
    expect(tampered).not.toBe(xml);
    expect(verifyDocument(tampered, cert.certificatePem)).toBe(false);
    const other = makeTestCertificate({ bits: 1024 });
    expect(verifyDocument(xml, other.certificatePem)).toBe(false);
  });

  it('refuses a document without an empty ExtensionContent (already signed, or foreign)', () => {
    const { xml } = signDocument(boleta(), cert);
    expect(() => signDocument(xml, cert)).toThrow(/ExtensionContent/);
    expect(() => digestValueOf(boleta())).toThrow(/not signed/);
  });
});
