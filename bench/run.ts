/**
 * `npm run bench`: every benchmark suite, one table each; `npm run bench -- db`
 * runs one. Suites that need generated data build it first (once, cached).
 */
import { benchCore } from './core.bench';
import { benchDb } from './db.bench';
import { printTable } from './harness';

const suites: Record<string, () => Promise<void>> = {
  core: async () => printTable('core/: pure rules', await benchCore()),
  db: async () =>
    printTable('Local database and services: one year, 100,000 products', await benchDb()),
};

const only = process.argv.slice(2);
for (const [name, run] of Object.entries(suites)) {
  if (only.length === 0 || only.includes(name)) await run();
}
