import { z } from 'zod';
import { area, channel } from '../channel';
import { date, uuid } from '../schemas';

/**
 * A rendered PDF. `pdf` is base64 so it crosses IPC, HTTP and the CLI as
 * plain JSON; it is left out when the file was written to `out`, so a year's
 * report never travels twice.
 */
export interface RenderedDocument {
  readonly pdf?: string;
  readonly bytes: number;
  readonly pages: number;
  readonly file?: string;
}

export const SALE_DOCUMENT_FORMATS = ['80mm', '58mm', 'A4'] as const;
export type SaleDocumentFormat = (typeof SALE_DOCUMENT_FORMATS)[number];
export const CASH_REPORT_FORMATS = ['80mm', 'A4'] as const;
export type CashReportFormat = (typeof CASH_REPORT_FORMATS)[number];

/**
 * Where to write the PDF. Only absolute paths: the main process's working
 * folder means nothing to the caller (the renderer, the CLI, webhost), so a
 * relative path would land somewhere nobody expects. POSIX `/…`, Windows
 * `C:\…` and UNC `\\server\…` are absolute; writing to a network share
 * (`\\server\…`, `//server/…`) is FORBIDDEN (UNC_PATH, audited). The file
 * must lie under the app's documents folder (`<data dir>/documents`) or the
 * folder an admin set in settings (`documentsFolder`), with no `..`; anything
 * else is FORBIDDEN too. The .pdf ending keeps a typo from overwriting
 * something else, such as the database file itself.
 */
export const outputFile = z
  .string()
  .trim()
  .max(1000)
  // One pattern rather than refinements, so docs/API.md shows the rule.
  .regex(
    /^(?:\/|[A-Za-z]:[\\/]|\\\\)[^\p{Cc}]*\.[pP][dD][fF]$/u,
    'must be an absolute path to a .pdf file',
  );

/** An existing file at `out` is replaced only when this is true (else CONFLICT FILE_EXISTS). */
const overwrite = z.boolean().optional();

export const documentsChannels = area('documents', {
  sale: channel<RenderedDocument>()({
    summary:
      "A sale's receipt (80 mm or 58 mm roll) or A4 invoice as PDF: taxes as the country requires, amount in words, QR; voided sales marked ANULADA.",
    input: z
      .object({
        saleId: uuid,
        format: z.enum(SALE_DOCUMENT_FORMATS),
        out: outputFile.optional(),
        overwrite,
      })
      .strict(),
  }),
  saleReturn: channel<RenderedDocument>()({
    summary: 'A credit note (a sales.return) as PDF, referencing the sale it modifies.',
    input: z
      .object({
        returnId: uuid,
        format: z.enum(SALE_DOCUMENT_FORMATS),
        out: outputFile.optional(),
        overwrite,
      })
      .strict(),
  }),
  cashReport: channel<RenderedDocument>()({
    summary:
      "A cash session's X report (open) or Z report (closed) as PDF, on an 80 mm roll or A4.",
    input: z
      .object({
        sessionId: uuid,
        format: z.enum(CASH_REPORT_FORMATS),
        out: outputFile.optional(),
        overwrite,
      })
      .strict(),
  }),
  periodReport: channel<RenderedDocument>()({
    summary:
      'A date range on A4 (supervisor): totals, sales per day chart, payment methods, categories, top products, cashiers and profit.',
    input: z
      .object({ from: date, to: date, out: outputFile.optional() })
      .strict()
      .refine((v) => v.from <= v.to, { message: 'must not be after "to"', path: ['from'] }),
  }),
});
