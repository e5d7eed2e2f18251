/**
 * Signing at the moment of sale: the stored sale becomes a UBL document, is
 * signed with the store's certificate, and its exact signed bytes, digest and
 * QR text are stored as PENDING in the sale's own transaction, so a sale and
 * its CPE are committed together or not at all.
 *
 * Signing never fails the sale: the goods have changed hands and the number is
 * taken. What could not be signed (no certificate, a factura on credit without
 * cuotas, an expired certificate...) is stored as SIGN_FAILED with the reason,
 * visible in the sale's detail, for the owner to fix.
 */
import type { Settings } from '../../../core/api/model';
import { isDomainError } from '../../../core/errors';
import { certificateExpiry } from '../../../fiscal/pe/certificate';
import { buildCreditNoteXml } from '../../../fiscal/pe/credit-note';
import { buildInvoiceXml } from '../../../fiscal/pe/invoice';
import type { PeDocument } from '../../../fiscal/pe/model';
import { sunatQrText } from '../../../fiscal/pe/qr';
import { signDocument } from '../../../fiscal/pe/sign';
import { cpeDocuments } from '../../../db/schema';
import type { ServiceContext } from '../context';
import { insertRow } from '../sql';
import { signingCertificate } from './certificate-store';

/** Whether this store signs CPEs for this kind of document. */
export function signsCpe(settings: Settings, documentType: string): boolean {
  return (
    settings.einvoicing &&
    settings.country === 'PE' &&
    (documentType === 'BOLETA' || documentType === 'FACTURA' || documentType === 'NOTA_CREDITO')
  );
}

interface Target {
  readonly saleId: string;
  readonly returnId: string | null;
  readonly documentType: string;
  readonly series: string;
  readonly correlative: number;
}

function signed(ctx: ServiceContext, doc: PeDocument) {
  const certificate = signingCertificate(ctx);
  if (!certificate)
    throw new Error('No signing certificate is loaded (Settings → Facturación electrónica)');
  const expiry = certificateExpiry(certificate, ctx.now());
  if (expiry.state === 'EXPIRED' || expiry.state === 'NOT_YET_VALID') {
    throw new Error(
      `The signing certificate is ${expiry.state === 'EXPIRED' ? 'expired' : 'not valid yet'}`,
    );
  }
  const xml = doc.documentType === 'NOTA_CREDITO' ? buildCreditNoteXml(doc) : buildInvoiceXml(doc);
  return signDocument(xml, certificate);
}

/** The reason kept on a SIGN_FAILED row: fiscal/pe's reason code first, when it gave one. */
function failureOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const reason = isDomainError(error) ? error.details?.reason : undefined;
  return typeof reason === 'string' ? `${reason}: ${message}` : message;
}

/**
 * Builds, signs and stores one CPE; call inside the transaction that stored
 * the sale or return. `build` maps the stored rows (it may throw: a document
 * fiscal/pe refuses is a SIGN_FAILED row too).
 */
export function issueCpe(ctx: ServiceContext, target: Target, build: () => PeDocument): void {
  const at = ctx.now().toISOString();
  const base = { ...target, attempts: 0, createdAt: at, updatedAt: at };
  try {
    const doc = build();
    const { xml, digestValue } = signed(ctx, doc);
    insertRow(ctx, cpeDocuments, {
      ...base,
      state: 'PENDING',
      // The signed text's UTF-8 bytes, once: from here on only these bytes are used.
      xml: Buffer.from(xml, 'utf8'),
      digest: digestValue,
      qrText: sunatQrText(doc, digestValue),
    });
  } catch (error) {
    insertRow(ctx, cpeDocuments, {
      ...base,
      state: 'SIGN_FAILED',
      failure: failureOf(error),
    });
  }
}
