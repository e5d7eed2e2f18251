/**
 * The package SUNAT (and an OSE) takes: RUC-TT-SERIE-NUMERO.zip holding
 * RUC-TT-SERIE-NUMERO.xml, the signed bytes exactly as stored.
 */
import { strToU8, unzipSync, zipSync } from 'fflate';
import { DOCUMENT_TYPE_CODES } from './codes';
import type { PeDocument } from './model';

/** "20100070970-01-F001-123": the name SUNAT expects, without extension. */
export function documentFileName(
  ruc: string,
  documentType: PeDocument['documentType'],
  series: string,
  correlative: number,
): string {
  return `${ruc}-${DOCUMENT_TYPE_CODES[documentType]}-${series}-${correlative}`;
}

export interface ZippedDocument {
  readonly fileName: string;
  readonly zip: Uint8Array;
}

/**
 * Zips the signed XML. `signedXml` as text is encoded UTF-8 (what the XML
 * declares); bytes are taken as they are. The zip's file date is fixed so the
 * same document always makes the same zip.
 */
export function zipDocument(baseName: string, signedXml: string | Uint8Array): ZippedDocument {
  const bytes = typeof signedXml === 'string' ? strToU8(signedXml) : signedXml;
  const zip = zipSync({
    [`${baseName}.xml`]: [bytes, { level: 9, mtime: new Date('2000-01-01T00:00:00Z') }],
  });
  return { fileName: `${baseName}.zip`, zip };
}

/** The single XML inside a zip (a CDR comes back the same way). */
export function unzipDocument(zip: Uint8Array): {
  readonly name: string;
  readonly xml: Uint8Array;
} {
  const entries = Object.entries(unzipSync(zip)).filter(([name]) => !name.endsWith('/'));
  const xml = entries.find(([name]) => name.toLowerCase().endsWith('.xml'));
  if (!xml) throw new Error('The zip holds no XML file');
  return { name: xml[0], xml: xml[1] };
}
