import { z } from 'zod';
import type { CertificateInfo, CpeInfo, CpeXml } from '../model';
import { area, channel } from '../channel';
import { empty, uuid } from '../schemas';

/** A certificate file is a few KB; 1 MB of base64 is far more than any needs. */
const certificateFile = z.base64().min(1).max(1_400_000, 'the file is over 1 MB');

export const einvoiceChannels = area('einvoice', {
  certificate: channel<CertificateInfo | null>()({
    summary:
      'The signing certificate loaded for e-invoicing (admin): subject, RUC, validity and the 30-day expiry warning; null if none. Never the key or the password.',
    input: empty,
  }),
  loadCertificate: channel<CertificateInfo>()({
    summary:
      "Loads the store's signing certificate (admin): a .pfx/.p12 (base64) with its password, or a PEM certificate with keyFile, its PEM private key (password if encrypted). Stored encrypted; replaces the previous one.",
    input: z
      .object({
        file: certificateFile,
        keyFile: certificateFile.optional(),
        password: z.string().max(200),
      })
      .strict(),
  }),
  xml: channel<CpeXml>()({
    summary:
      "The stored signed XML of a sale's CPE (or of a return's credit note), base64 of the exact bytes that are sent; NOT_FOUND if none was signed.",
    input: z.object({ saleId: uuid, returnId: uuid.optional() }).strict(),
  }),
  status: channel<CpeInfo[]>()({
    summary:
      'The electronic documents (CPE) of a sale and its credit notes, or of the sales in saleIds (a page of the sales list), or, with neither, every one not yet accepted, oldest first.',
    input: z
      .object({ saleId: uuid.optional(), saleIds: z.array(uuid).max(200).optional() })
      .strict(),
  }),
});
