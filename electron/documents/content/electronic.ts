/**
 * The printed representation of a signed CPE (Peru): what SUNAT requires on
 * the paper of an electronic comprobante. The QR becomes fiscal/pe's, with the
 * digest of the stored signed XML, so the paper points at the exact bytes sent.
 */
import type { FiscalContent } from './types';

/** What a paper needs of its stored CPE: set only when one was signed. */
export interface PrintedCpe {
  /** The signed document's DigestValue: the "hash". */
  readonly digest: string;
  /** fiscal/pe's sunatQrText, as stored at signing. */
  readonly qrText: string;
}

const NAMES: Readonly<Record<string, string>> = {
  BOLETA: 'boleta de venta electrónica',
  FACTURA: 'factura electrónica',
  NOTA_CREDITO: 'nota de crédito electrónica',
};

export function representationOf(documentType: string): string {
  return `Representación impresa de la ${NAMES[documentType] ?? 'comprobante electrónico'}`;
}

/**
 * The hash (44 base64 characters, one unbreakable word) in two halves: a 58 mm
 * roll holds about 32 characters a line and would clip it whole.
 */
function hashLines(digest: string): string[] {
  const half = Math.ceil(digest.length / 2);
  return [`Hash: ${digest.slice(0, half)}`, digest.slice(half)];
}

/** The content with its CPE's representation, hash and QR; unchanged when there is none. */
export function withCpe(
  content: FiscalContent,
  documentType: string,
  cpe: PrintedCpe | null | undefined,
): FiscalContent {
  if (!cpe) return content;
  const representation = representationOf(documentType);
  return {
    ...content,
    title: /ELECTR/i.test(content.title) ? content.title : `${content.title} ELECTRÓNICA`,
    legends: [...content.legends, representation, ...hashLines(cpe.digest)],
    qr: cpe.qrText,
    qrCaption: `${representation}. Consulte su validez en www.sunat.gob.pe`,
  };
}
