/**
 * documents.*: read what a paper shows (main thread, one consistent read),
 * render it (receipts inline, heavy documents on the render worker), then
 * return it as base64 or write it where the caller asked.
 */
import { rename, rm, writeFile } from 'node:fs/promises';
import type { RenderedDocument } from '../../core/api/areas/documents';
import { DomainError } from '../../core/errors';
import type { AreaHandlers } from '../handler';
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

/** Writes next to the target and renames, so no one ever sees half a PDF. */
async function writePdf(file: string, pdf: Uint8Array): Promise<void> {
  const partial = `${file}.${process.pid}.partial`;
  try {
    await writeFile(partial, pdf);
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    const code = (error as NodeJS.ErrnoException).code ?? 'UNKNOWN';
    throw new DomainError('VALIDATION', `Cannot write ${file} (${code})`, {
      reason: 'CANNOT_WRITE',
      path: ['out'],
      code,
    });
  }
}

export async function deliver(
  request: DocumentRequest,
  out: string | undefined,
): Promise<RenderedDocument> {
  const { pdf, pages } = await render(request);
  if (out === undefined) {
    return {
      pdf: Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('base64'),
      bytes: pdf.byteLength,
      pages,
    };
  }
  await writePdf(out, pdf);
  return { bytes: pdf.byteLength, pages, file: out };
}

export const documentsHandlers: AreaHandlers<'documents'> = {
  'documents.sale': {
    access: 'user',
    run: (input, ctx) => deliver(saleRequest(ctx, input.saleId, input.format), input.out),
  },
  'documents.saleReturn': {
    access: 'user',
    run: (input, ctx) => deliver(saleReturnRequest(ctx, input.returnId, input.format), input.out),
  },
  'documents.cashReport': {
    access: 'user',
    run: async (input, ctx) =>
      deliver(await cashReportRequest(ctx, input.sessionId, input.format), input.out),
  },
  'documents.periodReport': {
    access: 'supervisor',
    run: (input, ctx) => deliver(periodRequest(ctx, input.from, input.to), input.out),
  },
};
