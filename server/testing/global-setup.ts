/**
 * Vitest global setup of the server tests: which real PostgreSQL they run on.
 * CI starts one and sets TENDERO_TEST_PG_URL; elsewhere we start our own when
 * initdb is installed; otherwise the PostgreSQL variants are skipped, saying why.
 */
import type { TestProject } from 'vitest/node';
import { findPgBin, startCluster } from './pg-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string | null;
    pgSkipReason: string | null;
  }
}

export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  const given = process.env.TENDERO_TEST_PG_URL;
  if (given) {
    project.provide('pgUrl', given);
    project.provide('pgSkipReason', null);
    return undefined;
  }
  const bin = findPgBin();
  if (!bin) {
    const reason =
      'PostgreSQL variants skipped: TENDERO_TEST_PG_URL is unset and no initdb under /usr/lib/postgresql (apt-get install postgresql)';
    console.warn(reason);
    project.provide('pgUrl', null);
    project.provide('pgSkipReason', reason);
    return undefined;
  }
  const cluster = await startCluster(bin);
  project.provide('pgUrl', cluster.url);
  project.provide('pgSkipReason', null);
  return () => cluster.stop();
}
