import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable } from './database.ts';

/**
 * Opens an embedded PGlite database (PostgreSQL in WebAssembly).
 *
 * @param dataDir - directory of the data files; omit for an in-memory database (tests)
 * @param options.loadDataDir - a `dumpDataDir()` tarball to start from (tests skip PGlite's ~2-20 s initdb)
 */
export async function createPgliteDatabase(dataDir?: string, options: { loadDataDir?: Blob } = {}): Promise<Database> {
  // relaxedDurability stays off: every query is synced to the files before it resolves,
  // which "acknowledge only after commit" relies on.
  const pg = await PGlite.create({ ...(dataDir ? { dataDir } : {}), ...options });
  const wrap = (target: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<T>(sql: string, params: unknown[] = []) {
      const result = await target.query<T>(sql, params);
      return result.rows;
    },
    async exec(sql: string) {
      await target.exec(sql);
    },
  });
  return {
    kind: 'pglite',
    ...wrap(pg),
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    close: () => pg.close(),
  };
}
