import type { TestProject } from 'vitest/node';
import { findPostgresBin, startPostgresCluster } from './pg-cluster.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of the private PostgreSQL cluster, or null when PostgreSQL is missing. */
    pgUrl: string | null;
  }
}

/** Starts one private PostgreSQL cluster for the whole collector suite. */
export default async function setup(project: TestProject): Promise<() => void> {
  if (!findPostgresBin()) {
    if (process.env.CI) throw new Error('Failed to start PostgreSQL: initdb was not found and CI is set. Please install postgresql.');
    process.stderr.write('\n[cairn] !!! PostgreSQL is not installed: the PostgreSQL variants of the collector tests are SKIPPED. !!!\n\n');
    project.provide('pgUrl', null);
    return () => {};
  }
  // fsync off: the suite kills collectors, not PostgreSQL, so durability of the cluster itself is not under test.
  const cluster = await startPostgresCluster({ settings: { fsync: 'off' } });
  project.provide('pgUrl', cluster.url);
  return () => cluster.stop();
}
