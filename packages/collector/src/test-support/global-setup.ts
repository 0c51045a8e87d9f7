import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { findPostgresBin, startPostgresCluster } from './pg-cluster.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of the private PostgreSQL cluster, or null when PostgreSQL is missing. */
    pgUrl: string | null;
    /** A freshly initialised, empty PGlite data directory as a tarball (see databases.ts). */
    pgliteSeed: string;
    /** The same, as a PGlite data directory to copy (process-level tests start the CLI on it). */
    pgliteSeedDir: string;
  }
}

/** PGlite's initdb costs 2-20 s on a busy machine; run it once and let each test file load the result. */
async function seedPglite(dir: string): Promise<{ file: string; dataDir: string }> {
  const dataDir = join(dir, 'pglite-data');
  const pg = await PGlite.create({ dataDir });
  const dump = await pg.dumpDataDir('none');
  await pg.close();
  const file = join(dir, 'pglite-seed.tar');
  writeFileSync(file, new Uint8Array(await dump.arrayBuffer()));
  return { file, dataDir };
}

/** Starts one private PostgreSQL cluster for the whole collector suite and seeds PGlite. */
export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-seed-'));
  const seed = await seedPglite(dir);
  project.provide('pgliteSeed', seed.file);
  project.provide('pgliteSeedDir', seed.dataDir);
  const removeSeed = () => rmSync(dir, { recursive: true, force: true });
  if (!findPostgresBin()) {
    if (process.env.CI) throw new Error('Failed to start PostgreSQL: initdb was not found and CI is set. Please install postgresql.');
    process.stderr.write('\n[cairn] !!! PostgreSQL is not installed: the PostgreSQL variants of the collector tests are SKIPPED. !!!\n\n');
    project.provide('pgUrl', null);
    return removeSeed;
  }
  // fsync off: the suite kills collectors, not PostgreSQL, so durability of the cluster itself is not under test.
  const cluster = await startPostgresCluster({ settings: { fsync: 'off' } });
  project.provide('pgUrl', cluster.url);
  return () => {
    cluster.stop();
    removeSeed();
  };
}
