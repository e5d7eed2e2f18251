/**
 * The reference implementation, for tests only: the same documents built with
 * xmlbuilder2 (a DOM, serialised by the library) and signed with xml-crypto
 * (parse, enveloped transform, C14N, XPath). It was the production path until
 * it proved too slow for a 300-line factura (about 590 ms against a 60 ms
 * target, README "Benchmarks"). The tests hold the fast path (canonical-xml.ts,
 * sign.ts) to its DigestValue and SignatureValue byte for byte.
 */
import { create } from 'xmlbuilder2';
import { SignedXml } from 'xml-crypto';
import { DomainError } from '../../core/errors';
import type { SigningCertificate } from './certificate';
import type { XmlNode } from './canonical-xml';
import { CREDIT_NOTE_ROOT, creditNoteRootAttributes, writeCreditNote } from './credit-note';
import { INVOICE_ROOT, invoiceRootAttributes, writeInvoice } from './invoice';
import type { PeCreditNote, PeInvoice } from './model';
import {
  CANONICALIZATION,
  DIGEST_ALGORITHM,
  ENVELOPED,
  SIGNATURE_ALGORITHM,
  certificateBody,
  digestValueOf,
  type SignedDocument,
} from './sign';
import { SIGNATURE_ID } from './ubl-parts';

const EXTENSION_CONTENT =
  "/*/*[local-name()='UBLExtensions']/*[local-name()='UBLExtension']/*[local-name()='ExtensionContent']";

function withXmlbuilder2(
  rootName: string,
  attributes: Record<string, string>,
  write: (root: XmlNode) => void,
): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(rootName, attributes);
  write(root);
  return root.end({ prettyPrint: false });
}

export function referenceInvoiceXml(doc: PeInvoice): string {
  return withXmlbuilder2(INVOICE_ROOT, invoiceRootAttributes(), (root) => writeInvoice(root, doc));
}

export function referenceCreditNoteXml(doc: PeCreditNote): string {
  return withXmlbuilder2(CREDIT_NOTE_ROOT, creditNoteRootAttributes(), (root) =>
    writeCreditNote(root, doc),
  );
}

/** Signs any unsigned document with an empty ExtensionContent, with xml-crypto. */
export function referenceSignDocument(
  xml: string,
  certificate: SigningCertificate,
): SignedDocument {
  if (!/<ext:ExtensionContent\s*\/>|<ext:ExtensionContent>\s*<\/ext:ExtensionContent>/.test(xml)) {
    throw new DomainError('VALIDATION', 'The document has no empty ExtensionContent to sign into', {
      reason: 'NO_SIGNATURE_SLOT',
    });
  }
  const signer = new SignedXml({
    privateKey: certificate.privateKeyPem,
    publicCert: certificate.certificatePem,
    signatureAlgorithm: SIGNATURE_ALGORITHM,
    canonicalizationAlgorithm: CANONICALIZATION,
    getKeyInfoContent: ({ prefix } = {}) => {
      const p = prefix ? `${prefix}:` : '';
      return `<${p}X509Data><${p}X509Certificate>${certificateBody(certificate.certificatePem)}</${p}X509Certificate></${p}X509Data>`;
    },
  });
  signer.addReference({
    xpath: '/*',
    uri: '',
    isEmptyUri: true,
    transforms: [ENVELOPED, CANONICALIZATION],
    digestAlgorithm: DIGEST_ALGORITHM,
  });
  signer.computeSignature(xml, {
    prefix: 'ds',
    attrs: { Id: SIGNATURE_ID },
    location: { reference: EXTENSION_CONTENT, action: 'append' },
  });
  const signed = signer.getSignedXml();
  return { xml: signed, digestValue: digestValueOf(signed) };
}
