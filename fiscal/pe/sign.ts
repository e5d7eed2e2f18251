/**
 * The enveloped XMLDSig SUNAT requires, inside ext:UBLExtensions: the whole
 * document is the signed reference (URI ""), the signature itself excluded by
 * the enveloped-signature transform. Algorithms and why: README.md, "Signing".
 *
 * The fast path: the builders write the document already in its canonical
 * form (canonical-xml.ts), so the reference's digest is the SHA-256 of the
 * text without the XML declaration (the enveloped transform removes the
 * signature, which is not there yet). Then only the small SignedInfo is
 * written canonically and signed with RSA-SHA256, and the ds:Signature is
 * spliced into the empty ext:ExtensionContent. No DOM, no parse, no XPath.
 * xml-crypto stays as the reference (reference.ts) and as the verifier here;
 * the tests require its DigestValue and SignatureValue byte for byte.
 *
 * The signed text this returns is final: it is stored and sent as bytes and
 * never parsed and re-serialised again, which would break the signature.
 */
import { createHash, createPrivateKey, sign, type KeyObject } from 'node:crypto';
import { DOMParser } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import { DomainError } from '../../core/errors';
import { XML_DECLARATION } from './canonical-xml';
import type { SigningCertificate } from './certificate';
import { buildCreditNoteXml } from './credit-note';
import { buildInvoiceXml } from './invoice';
import type { PeCreditNote, PeInvoice } from './model';
import { NS, SIGNATURE_ID } from './ubl-parts';

export const SIGNATURE_ALGORITHM = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
export const DIGEST_ALGORITHM = 'http://www.w3.org/2001/04/xmlenc#sha256';
/** Inclusive C14N 1.0, without comments: what SUNAT's published examples use. */
export const CANONICALIZATION = 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315';
export const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';

/** The slot the builders leave, in canonical form (explicit end tag). */
const EMPTY_SLOT = '<ext:ExtensionContent></ext:ExtensionContent>';
const SLOT_START = '<ext:ExtensionContent>';

/** The certificate's base64 body, for ds:X509Certificate. */
export function certificateBody(pem: string): string {
  return pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
}

export interface SignedDocument {
  /** The signed XML text, to be stored and sent unchanged. */
  readonly xml: string;
  /** The reference's DigestValue: the "hash" printed on the representation and in the QR. */
  readonly digestValue: string;
}

function refuse(reason: string, message: string): never {
  throw new DomainError('VALIDATION', message, { reason });
}

/** Parsing a PEM key costs more than the signature itself; a till signs with one key all day. */
const keys = new WeakMap<SigningCertificate, KeyObject>();
function privateKeyOf(certificate: SigningCertificate): KeyObject {
  let key = keys.get(certificate);
  if (!key) {
    key = createPrivateKey(certificate.privateKeyPem);
    keys.set(certificate, key);
  }
  return key;
}

/** An empty ds element with its Algorithm: explicit end tag (canonical) or self-closing. */
type EmptyElement = (name: string, algorithm: string) => string;
const canonicalEmpty: EmptyElement = (name, algorithm) =>
  `<ds:${name} Algorithm="${algorithm}"></ds:${name}>`;
const selfClosing: EmptyElement = (name, algorithm) => `<ds:${name} Algorithm="${algorithm}"/>`;

/** ds:SignedInfo; `namespaces` are the declarations written on it (canonical form only). */
function signedInfo(digestValue: string, namespaces: string, empty: EmptyElement): string {
  return (
    `<ds:SignedInfo${namespaces}>` +
    empty('CanonicalizationMethod', CANONICALIZATION) +
    empty('SignatureMethod', SIGNATURE_ALGORITHM) +
    '<ds:Reference URI=""><ds:Transforms>' +
    empty('Transform', ENVELOPED) +
    empty('Transform', CANONICALIZATION) +
    '</ds:Transforms>' +
    empty('DigestMethod', DIGEST_ALGORITHM) +
    `<ds:DigestValue>${digestValue}</ds:DigestValue></ds:Reference></ds:SignedInfo>`
  );
}

/**
 * The namespace declarations in scope at ds:SignedInfo, as inclusive C14N
 * writes them on the apex of the signed subset: every one the root makes
 * (the builders declare namespaces only there) plus ds, which ds:Signature
 * declares, in C14N order (default first, then by prefix).
 */
function inScopeNamespaces(body: string): string {
  const rootTag = body.slice(0, body.indexOf('>'));
  const declarations = new Map<string, string>();
  for (const match of rootTag.matchAll(/ xmlns(?::([A-Za-z0-9_.-]+))?="([^"]*)"/g)) {
    declarations.set(match[1] ?? '', match[2]!);
  }
  if (declarations.has('ds') && declarations.get('ds') !== NS.ds) {
    refuse('NOT_CANONICAL', 'The document binds the ds prefix to another namespace');
  }
  declarations.set('ds', NS.ds);
  return [...declarations.keys()]
    .sort()
    .map((prefix) => ` ${prefix ? `xmlns:${prefix}` : 'xmlns'}="${declarations.get(prefix)}"`)
    .join('');
}

/**
 * Signs an unsigned document built by this module (buildInvoiceXml,
 * buildCreditNoteXml): its text must be the canonical form those write, which
 * is what the digest is taken over. Anything else is refused, since hashing
 * non-canonical text would give a signature no verifier accepts.
 */
export function signDocument(xml: string, certificate: SigningCertificate): SignedDocument {
  const body = xml.startsWith(XML_DECLARATION) ? xml.slice(XML_DECLARATION.length) : xml;
  const slot = body.indexOf(EMPTY_SLOT);
  if (slot < 0 || body.indexOf(SLOT_START) !== slot || body.includes(SLOT_START, slot + 1)) {
    refuse('NO_SIGNATURE_SLOT', 'The document has no empty ExtensionContent to sign into');
  }
  // What the canonical writer never emits: self-closing tags, CR, markup
  // other than elements (declarations, comments, PIs, CDATA, DOCTYPE).
  if (
    !body.startsWith('<') ||
    body.includes('/>') ||
    body.includes('\r') ||
    body.includes('<?') ||
    body.includes('<!')
  ) {
    refuse(
      'NOT_CANONICAL',
      'The document is not in the canonical form this module writes; build it with buildInvoiceXml or buildCreditNoteXml',
    );
  }
  const digestValue = createHash('sha256').update(body, 'utf8').digest('base64');
  const toSign = signedInfo(digestValue, inScopeNamespaces(body), canonicalEmpty);
  const signatureValue = sign('sha256', Buffer.from(toSign, 'utf8'), privateKeyOf(certificate));
  // Written as xml-crypto writes it, so both paths give the same bytes: the
  // namespaces are inherited, and the empty elements may self-close because a
  // verifier canonicalises SignedInfo before checking it.
  const signature =
    `<ds:Signature Id="${SIGNATURE_ID}" xmlns:ds="${NS.ds}">` +
    signedInfo(digestValue, '', selfClosing) +
    `<ds:SignatureValue>${signatureValue.toString('base64')}</ds:SignatureValue>` +
    `<ds:KeyInfo><ds:X509Data><ds:X509Certificate>${certificateBody(certificate.certificatePem)}` +
    '</ds:X509Certificate></ds:X509Data></ds:KeyInfo></ds:Signature>';
  const at = slot + SLOT_START.length;
  return {
    xml: XML_DECLARATION + body.slice(0, at) + signature + body.slice(at),
    digestValue,
  };
}

/** Builds and signs a boleta or factura: what the till calls at the moment of sale. */
export function signInvoice(doc: PeInvoice, certificate: SigningCertificate): SignedDocument {
  return signDocument(buildInvoiceXml(doc), certificate);
}

/** Builds and signs a credit note. */
export function signCreditNote(doc: PeCreditNote, certificate: SigningCertificate): SignedDocument {
  return signDocument(buildCreditNoteXml(doc), certificate);
}

/** The DigestValue of a signed document (its printed "hash"). */
export function digestValueOf(signedXml: string): string {
  const match = /<ds:DigestValue>([^<]+)<\/ds:DigestValue>/.exec(signedXml);
  if (!match) {
    throw new DomainError('VALIDATION', 'The document is not signed', { reason: 'NOT_SIGNED' });
  }
  return match[1]!;
}

/**
 * Checks a signed document with the certificate it should carry: the digest of
 * the document and the signature over SignedInfo. False on any change.
 */
export function verifyDocument(signedXml: string, certificatePem: string): boolean {
  try {
    const doc = new DOMParser().parseFromString(signedXml, 'text/xml');
    const signatures = doc.getElementsByTagNameNS(
      'http://www.w3.org/2000/09/xmldsig#',
      'Signature',
    );
    if (signatures.length !== 1) return false;
    const verifier = new SignedXml({ publicCert: certificatePem });
    // xmldom's Element, typed for xml-crypto's Node: the two differ only under the DOM lib (e2e).
    verifier.loadSignature(signatures[0]! as unknown as Parameters<SignedXml['loadSignature']>[0]);
    return verifier.checkSignature(signedXml);
  } catch {
    return false;
  }
}
