/**
 * The reference implementation, for tests only: the same documents built with
 * xmlbuilder2 (a DOM, serialised by the library) and signed with xml-crypto
 * (parse, enveloped transform, C14N, XPath). It was the production path until
 * it proved too slow for a 300-line factura (about 590 ms against a 60 ms
 * target, README "Benchmarks"). The tests hold the fast path (canonical-xml.ts,
 * sign.ts) to its DigestValue and SignatureValue byte for byte.
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
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

/**
 * xmlbuilder2 leaves "&name;" and "&#n;" in text and attribute values
 * unescaped, taking them for entity references: a name containing "&amp;"
 * would be read back as "&", and "&nbsp;" would make the document
 * ill-formed. The production path had that defect until the canonical writer
 * replaced it. Escaping every "&" first makes xmlbuilder2 write the text as
 * given, so it stays a fair reference.
 */
const literalAmpersands = (text: string) => text.replaceAll('&', '&amp;');

class Xmlbuilder2Node implements XmlNode {
  constructor(private readonly node: XMLBuilder) {}

  ele(name: string, attributes?: Readonly<Record<string, string>>): XmlNode {
    const escaped = attributes
      ? Object.fromEntries(Object.entries(attributes).map(([k, v]) => [k, literalAmpersands(v)]))
      : undefined;
    return new Xmlbuilder2Node(this.node.ele(name, escaped));
  }

  txt(text: string): XmlNode {
    this.node.txt(literalAmpersands(text));
    return this;
  }
}

function withXmlbuilder2(
  rootName: string,
  attributes: Record<string, string>,
  write: (root: XmlNode) => void,
): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(rootName, attributes);
  write(new Xmlbuilder2Node(root));
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
