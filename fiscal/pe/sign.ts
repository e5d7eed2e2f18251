/**
 * The enveloped XMLDSig SUNAT requires, inside ext:UBLExtensions: the whole
 * document is the signed reference (URI ""), the signature itself excluded by
 * the enveloped-signature transform. Algorithms and why: README.md, "Signing".
 *
 * The signed text this returns is final: it is stored and sent as bytes and
 * never parsed and re-serialised again, which would break the signature.
 */
import { DOMParser } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import { DomainError } from '../../core/errors';
import type { SigningCertificate } from './certificate';
import { SIGNATURE_ID } from './ubl-parts';

export const SIGNATURE_ALGORITHM = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
export const DIGEST_ALGORITHM = 'http://www.w3.org/2001/04/xmlenc#sha256';
/** Inclusive C14N 1.0, without comments: what SUNAT's published examples use. */
export const CANONICALIZATION = 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315';
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';

const EXTENSION_CONTENT =
  "/*/*[local-name()='UBLExtensions']/*[local-name()='UBLExtension']/*[local-name()='ExtensionContent']";

/** The certificate's base64 body, for ds:X509Certificate. */
function certificateBody(pem: string): string {
  return pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
}

export interface SignedDocument {
  /** The signed XML text, to be stored and sent unchanged. */
  readonly xml: string;
  /** The reference's DigestValue: the "hash" printed on the representation and in the QR. */
  readonly digestValue: string;
}

/** Signs an unsigned document built by this module (it has an empty ExtensionContent). */
export function signDocument(xml: string, certificate: SigningCertificate): SignedDocument {
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
