/**
 * The render worker's entry: renders DocumentRequests posted by the main
 * thread and posts the PDF bytes back (transferred, not copied). It holds
 * its own react-pdf and fonts, so a year's report lays out here while the
 * till keeps selling.
 */
import { parentPort } from 'node:worker_threads';
import type { DocumentRequest } from './model';
import { renderPdf } from './render';
import type { WorkerReply, WorkerJob } from './render-pool';

const port = parentPort;
if (!port) throw new Error('render-worker.ts runs only as a worker thread');

port.on('message', (job: WorkerJob) => {
  renderPdf(job.request as DocumentRequest).then(
    ({ pdf, pages }) => {
      // A Buffer may share a pooled ArrayBuffer: transfer an exact copy instead.
      const own =
        pdf.byteOffset === 0 && pdf.byteLength === pdf.buffer.byteLength ? pdf : pdf.slice();
      const reply: WorkerReply = { id: job.id, ok: true, pdf: own, pages };
      port.postMessage(reply, [own.buffer as ArrayBuffer]);
    },
    (error: unknown) => {
      const reply: WorkerReply = {
        id: job.id,
        ok: false,
        message: error instanceof Error ? (error.stack ?? error.message) : String(error),
      };
      port.postMessage(reply);
    },
  );
});
