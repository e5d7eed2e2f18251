/**
 * Heavy documents render on a worker thread: the same PDF as inline, while
 * the main thread keeps its event loop turning (the till stays responsive).
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { DocumentRequest } from './model';
import { renderPdf } from './render';
import { RenderPool } from './render-pool';
import { pdfText, SAMPLE_STORE, sampleYearSummary, snapshot } from './testing';

const pool = new RenderPool((error) => {
  throw new Error(`the render worker should start in tests: ${String(error)}`);
});
afterAll(() => pool.close());

const yearReport: DocumentRequest = {
  kind: 'period',
  store: SAMPLE_STORE,
  summary: sampleYearSummary(),
  generatedAt: '2026-01-02T15:00:00.000Z',
};

/** The longest pause of the event loop while `work` runs, sampled every 2 ms. */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 2);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return Math.max(longest, performance.now() - last);
}

describe('the render worker', () => {
  it('renders the same document as the main thread', async () => {
    const inThread = await renderPdf(yearReport);
    const inWorker = await pool.render(yearReport);
    expect(inWorker.pages).toBe(inThread.pages);
    expect(pdfText(inWorker.pdf)).toBe(pdfText(inThread.pdf));
    expect(pdfText(inWorker.pdf)).toContain('Del 01/01/2025 al 31/12/2025 (365 días)');
    snapshot('reporte-anual', inWorker.pdf);
  });

  it('keeps the main thread responsive while a year report renders', async () => {
    await pool.render(yearReport); // warm: the worker's first job also loads react-pdf
    const started = performance.now();
    await renderPdf(yearReport);
    const inlineMs = performance.now() - started;
    const inlineStall = await longestStall(() => renderPdf(yearReport));
    const workerStall = await longestStall(() => pool.render(yearReport));
    // Inline, the loop stops for most of the render; off-thread it keeps turning.
    expect(inlineStall).toBeGreaterThan(inlineMs / 3);
    expect(workerStall).toBeLessThan(Math.max(60, inlineStall / 3));
  });

  it('fails a job whose document cannot render, and keeps working', async () => {
    const broken = { ...yearReport, summary: null } as unknown as DocumentRequest;
    await expect(pool.render(broken)).rejects.toThrow(/rendering failed in the worker/);
    expect((await pool.render(yearReport)).pages).toBeGreaterThan(0);
  });
});
