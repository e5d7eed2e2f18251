/**
 * documents.*: read what a paper shows (main thread, one consistent read),
 * render it (receipts inline, heavy documents on the render worker), then
 * return it as base64 or write it under the documents folder (out-path.ts).
 */
import type { RenderedDocument } from '../../core/api/areas/documents';
import type { AreaHandlers } from '../handler';
import type { ServiceContext } from '../services/context';
import { loadStore } from '../services/store';
import { allowedTarget, auditWrite, writePdf } from './out-path';
import { cashReportRequest, periodRequest, saleRequest, saleReturnRequest } from './load';
import type { DocumentRequest, RenderedPdf } from './model';
import type { RenderPool } from './render-pool';

/*
 * react-pdf, its fonts and the worker load on the first document, not when the
 * API starts: the CLI, webhost and tests that never print do not pay for them.
 */
let pool: RenderPool | null = null;

/** The shared render worker, started on first use. */
export async function renderPool(): Promise<RenderPool> {
  if (!pool) {
    const { RenderPool } = await import('./render-pool');
    pool ??= new RenderPool((error) =>
      console.warn('documents: the render worker cannot start; rendering inline', error),
    );
  }
  return pool;
}

/** Stops the render worker (tests, app exit). */
export async function closeRenderPool(): Promise<void> {
  const current = pool;
  pool = null;
  await current?.close();
}

/**
 * A roll receipt renders in a few milliseconds and must print at once, so it
 * renders right here; A4 pages, cash reports and the period report lay out on
 * the worker, where a long one never stalls the till.
 */
export function isHeavy(request: DocumentRequest): boolean {
  return request.kind === 'period' || request.kind === 'cashReport' || request.format === 'A4';
}

export async function render(request: DocumentRequest): Promise<RenderedPdf> {
  if (isHeavy(request)) return (await renderPool()).render(request);
  const { renderPdf } = await import('./render');
  return renderPdf(request);
}

/** Where and how to write a PDF, as the caller asked. */
export interface Output {
  readonly out?: string | undefined;
  readonly overwrite?: boolean | undefined;
}

/**
 * Returns the PDF as base64, or writes it: only under the documents folder
 * (out-path.ts), never over a file unless asked, audited.
 */
export async function deliver(
  ctx: ServiceContext,
  channel: string,
  request: DocumentRequest,
  output: Output,
): Promise<RenderedDocument> {
  const { out } = output;
  // Checked before rendering: a refused path costs no render.
  const file =
    out === undefined
      ? undefined
      : await allowedTarget(ctx.db.file, loadStore(ctx).settings.documentsFolder, out);
  const { pdf, pages } = await render(request);
  if (file === undefined) {
    return {
      pdf: Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('base64'),
      bytes: pdf.byteLength,
      pages,
    };
  }
  const overwrite = output.overwrite === true;
  await writePdf(file, pdf, overwrite);
  auditWrite(ctx, channel, { file, bytes: pdf.byteLength, overwrite });
  return { bytes: pdf.byteLength, pages, file };
}

export const documentsHandlers: AreaHandlers<'documents'> = {
  'documents.sale': {
    access: 'user',
    run: (input, ctx) =>
      deliver(ctx, 'documents.sale', saleRequest(ctx, input.saleId, input.format), input),
  },
  'documents.saleReturn': {
    access: 'user',
    run: (input, ctx) =>
      deliver(
        ctx,
        'documents.saleReturn',
        saleReturnRequest(ctx, input.returnId, input.format),
        input,
      ),
  },
  'documents.cashReport': {
    access: 'user',
    run: async (input, ctx) =>
      deliver(
        ctx,
        'documents.cashReport',
        await cashReportRequest(ctx, input.sessionId, input.format),
        input,
      ),
  },
  'documents.periodReport': {
    access: 'supervisor',
    run: (input, ctx) =>
      deliver(ctx, 'documents.periodReport', periodRequest(ctx, input.from, input.to), input),
  },
};
