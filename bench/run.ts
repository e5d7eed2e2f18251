/**
 * `npm run bench`: every benchmark suite, one table each. Suites that need
 * generated data build it first and say how long that took.
 */
import { benchCore } from './core.bench';
import { printTable } from './harness';

const suites: Record<string, () => Promise<void>> = {
  core: async () => printTable('core/: pure rules', await benchCore()),
};

const only = process.argv.slice(2);
for (const [name, run] of Object.entries(suites)) {
  if (only.length === 0 || only.includes(name)) await run();
}
