/** Electronic documents (CPE, Peru first): the signing certificate and each document's state. */

/** Where a certificate stands: SUNAT rejects what an expired one signs. */
export type CertificateExpiryState = 'VALID' | 'EXPIRING' | 'EXPIRED' | 'NOT_YET_VALID';

/** What Settings shows of the loaded certificate: never its key or password. */
export interface CertificateInfo {
  readonly subject: string;
  /** The RUC the certificate names, '' when it names none. */
  readonly ruc: string;
  readonly notBefore: string;
  readonly notAfter: string;
  readonly expiry: { readonly state: CertificateExpiryState; readonly daysLeft: number };
  /** A self-signed test certificate (the demo's): SUNAT never accepts it. */
  readonly test: boolean;
  readonly loadedAt: string;
}

/**
 * PENDING: signed and waiting to be sent. SIGN_FAILED: the sale stands but no
 * CPE could be signed (the reason is kept). The sender adds the rest later.
 */
export const CPE_STATES = [
  'PENDING',
  'SIGN_FAILED',
  'SENT',
  'ACCEPTED',
  'OBSERVED',
  'REJECTED',
] as const;
export type CpeState = (typeof CPE_STATES)[number];

/** One signed document, without its bytes (`pos einvoice xml` writes those). */
export interface CpeInfo {
  readonly saleId: string;
  readonly returnId: string | null;
  readonly documentType: string;
  /** SERIE-CORRELATIVO as SUNAT reads it: B001-12. */
  readonly number: string;
  readonly state: CpeState;
  readonly digest: string | null;
  readonly qrText: string | null;
  readonly failure: string | null;
  readonly attempts: number;
  readonly cdrCode: string | null;
  readonly cdrMessage: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A CPE's signed bytes, as stored: never re-serialised. */
export interface CpeXml {
  /** RUC-TT-SERIE-NUMERO.xml, the name SUNAT expects inside the zip. */
  readonly fileName: string;
  /** base64 of the stored bytes. */
  readonly xml: string;
  /** hex SHA-256 of the stored bytes. */
  readonly sha256: string;
}
