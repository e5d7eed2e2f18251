/**
 * `npm run bench`: every benchmark suite, one table each; `npm run bench -- db`
 * runs one. Suites that need generated data build it first (once, cached).
 */
import { benchCore } from './core.bench';
import { benchDb } from './db.bench';
import { benchEinvoice } from './einvoice.bench';
import { printTable } from './harness';

const suites: Record<string, () => Promise<void>> = {
  core: async () => printTable('core/: pure rules', await benchCore()),
  db: async () =>
    printTable('Local database and services: one year, 100,000 products', await benchDb()),
  einvoice: async () =>
    printTable(
      'Electronic documents (Peru): UBL 2.1 build and XMLDSig sign',
      await benchEinvoice(),
    ),
  documents: async () => {
    // Measured as it should ship: React's production build (the app bundle must select it). React
    // reads NODE_ENV when it first loads, so the suite is imported only after this line.
    process.env.NODE_ENV ??= 'production';
    const { benchDocuments } = await import('./documents.bench');
    printTable(
      `Documents: receipts, reports and the render worker (React ${process.env.NODE_ENV} build)`,
      await benchDocuments(),
    );
  },
};

const only = process.argv.slice(2);
for (const [name, run] of Object.entries(suites)) {
  if (only.length === 0 || only.includes(name)) await run();
}
