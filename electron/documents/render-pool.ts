/**
 * Renders heavy documents (the period report, cash reports, A4 pages) on a
 * worker thread so the main process keeps answering the till while a year
 * of charts lays out. One long-lived worker: react-pdf and the fonts load
 * once, and jobs queue in order.
 *
 * The worker runs render-worker.ts: from source through tsx's loader (dev,
 * tests, the CLI), or the bundled documents-worker.cjs next to main.cjs in a
 * build. If neither can start, documents render in the calling thread: a
 * slow report beats no report.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DocumentRequest, RenderedPdf } from './model';
import { renderPdf } from './render';

export interface WorkerJob {
  readonly id: number;
  readonly request: DocumentRequest;
}

export type WorkerReply =
  | { readonly id: number; readonly ok: true; readonly pdf: Uint8Array; readonly pages: number }
  | { readonly id: number; readonly ok: false; readonly message: string };

interface Pending {
  readonly request: DocumentRequest;
  resolve(value: RenderedPdf): void;
  reject(error: Error): void;
}

function startWorker(): Worker | null {
  const bundled = new URL('./documents-worker.cjs', import.meta.url);
  if (import.meta.url.endsWith('.cjs')) {
    return existsSync(fileURLToPath(bundled)) ? new Worker(bundled) : null;
  }
  const source = new URL('./render-worker.ts', import.meta.url).href;
  // tsx runs the project's TypeScript from source. `--import tsx` in a worker's
  // execArgv does not take on Node 20, so the worker registers tsx's loader itself.
  // Resolved from this file, not from the working folder (which may be anywhere): the
  // file tsx's package exports as "tsx/esm/api" for import. (import.meta.resolve would
  // do, but a CommonJS bundle has no import.meta and esbuild warns about it.)
  const tsxRoot = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsx = pathToFileURL(join(tsxRoot, 'dist', 'esm', 'api', 'index.mjs')).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(bootstrap, { eval: true });
}

export class RenderPool {
  private worker: Worker | null = null;
  /** Whether the current worker ever answered: one that dies before that cannot start here. */
  private answered = false;
  private unavailable = false;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly onFallback: (error: unknown) => void = () => {}) {}

  async render(request: DocumentRequest): Promise<RenderedPdf> {
    const worker = this.ensureWorker();
    if (!worker) return renderPdf(request);
    const id = this.nextId++;
    const result = new Promise<RenderedPdf>((resolve, reject) =>
      this.pending.set(id, { request, resolve, reject }),
    );
    // Keep the process alive while a job is out; an idle worker must not hold the CLI open.
    worker.ref();
    worker.postMessage({ id, request } satisfies WorkerJob);
    return result;
  }

  /** Stops the worker; pending jobs fail. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private ensureWorker(): Worker | null {
    if (this.worker || this.unavailable) return this.worker;
    let worker: Worker | null;
    try {
      worker = startWorker();
    } catch (error) {
      worker = null;
      this.onFallback(error);
    }
    if (!worker) {
      this.unavailable = true;
      return null;
    }
    worker.unref();
    this.answered = false;
    worker.on('message', (reply: WorkerReply) => {
      this.answered = true;
      this.settle(reply);
    });
    worker.on('error', (error) => this.fail(worker, error));
    worker.on('exit', (code) => this.fail(worker, new Error(`render worker exited (${code})`)));
    this.worker = worker;
    return worker;
  }

  private settle(reply: WorkerReply): void {
    const job = this.pending.get(reply.id);
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker?.unref();
    if (!job) return;
    if (reply.ok) job.resolve({ pdf: reply.pdf, pages: reply.pages });
    else job.reject(new Error(`rendering failed in the worker: ${reply.message}`));
  }

  /**
   * A worker that dies before its first answer cannot start here (no loader, no
   * bundle): its jobs and all later ones render inline. One that dies later fails
   * its jobs, and the next render starts a fresh worker.
   */
  private fail(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    const jobs = [...this.pending.values()];
    this.pending.clear();
    if (!this.answered) {
      this.unavailable = true;
      this.onFallback(error);
      for (const job of jobs) renderPdf(job.request).then(job.resolve, job.reject);
      return;
    }
    for (const job of jobs) job.reject(error);
  }
}
