/**
 * Turns a DocumentRequest into PDF bytes with @react-pdf/renderer. Pure of the
 * database and of Electron, so it runs the same in the main thread, in the
 * render worker, in tests and in benchmarks.
 */
import type { ReactElement } from 'react';
import { pdf, type DocumentProps } from '@react-pdf/renderer';
import { cashReportContent } from './content/cash-report-content';
import { withCpe } from './content/electronic';
import { returnContent } from './content/return-content';
import { saleContent } from './content/sale-content';
import type { DocumentRequest, RenderedPdf } from './model';
import { CashReportA4 } from './pdf/cash-report-a4';
import { CashReportRoll } from './pdf/cash-report-roll';
import { FiscalA4 } from './pdf/fiscal-a4';
import { FiscalRoll } from './pdf/fiscal-roll';
import { registerFonts } from './pdf/fonts';
import { PeriodReport } from './pdf/period-report';

/** The document's root element: each layout function returns a react-pdf Document. */
export function documentElement(request: DocumentRequest): ReactElement<DocumentProps> {
  switch (request.kind) {
    case 'sale':
    case 'saleReturn': {
      const content = withCpe(
        request.kind === 'sale'
          ? saleContent(request.store, request.sale, request.customerAddress)
          : returnContent(request.store, request.saleReturn, request.sale, request.customerAddress),
        request.kind === 'sale' ? request.sale.documentType : request.saleReturn.documentType,
        request.cpe,
      );
      const createdAt = new Date(
        request.kind === 'sale' ? request.sale.createdAt : request.saleReturn.createdAt,
      );
      return request.format === 'A4'
        ? FiscalA4({ content, createdAt })
        : FiscalRoll({ content, format: request.format, createdAt });
    }
    case 'cashReport': {
      const content = cashReportContent(request.store, request.report);
      const createdAt = new Date(request.report.generatedAt);
      return request.format === 'A4'
        ? CashReportA4({ content, createdAt })
        : CashReportRoll({ content, createdAt });
    }
    case 'period':
      return PeriodReport({
        store: request.store,
        summary: request.summary,
        createdAt: new Date(request.generatedAt),
      });
  }
}

/**
 * Page objects in the PDF. pdfkit writes each page's dictionary as plain text
 * ("/Type /Page"), never inside a compressed object stream, so counting them is exact.
 */
export function countPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  return text.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}

/**
 * One React root for every document of this thread. renderToBuffer makes a
 * root per call and react-pdf 4.9 never releases it (React keeps each in its
 * root schedule): about 175 kB lost per receipt, 175 MB a thousand receipts
 * later. A single root re-rendered in place stays flat; jobs take turns on it,
 * since a render reads the root's document while it lays out.
 */
let root: ReturnType<typeof pdf> | null = null;
let turn: Promise<unknown> = Promise.resolve();

async function renderOnRoot(element: ReactElement<DocumentProps>): Promise<Uint8Array> {
  root ??= pdf();
  root.updateContainer(element);
  const stream = await root.toBuffer();
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  const buffer = Buffer.concat(chunks);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/**
 * React's development build logs every render to the performance timeline
 * ("Components ⚛" tracks) and never clears it; nothing else here uses the
 * timeline, so it is emptied after each document. Production builds log nothing.
 */
const clearsTimeline = process.env.NODE_ENV !== 'production';

export function renderPdf(request: DocumentRequest): Promise<RenderedPdf> {
  registerFonts();
  const job = turn.then(async () => {
    try {
      const bytes = await renderOnRoot(documentElement(request));
      return { pdf: bytes, pages: countPages(bytes) };
    } finally {
      if (clearsTimeline) {
        performance.clearMeasures();
        performance.clearMarks();
      }
    }
  });
  turn = job.catch(() => undefined);
  return job;
}
