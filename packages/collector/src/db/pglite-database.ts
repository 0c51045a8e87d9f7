import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable } from './database.ts';

/**
 * Opens an embedded PGlite database (PostgreSQL in WebAssembly).
 *
 * @param dataDir - directory of the data files; omit for an in-memory database (tests)
 */
export async function createPgliteDatabase(dataDir?: string): Promise<Database> {
  // relaxedDurability stays off: every query is synced to the files before it resolves,
  // which "acknowledge only after commit" relies on.
  const pg = await PGlite.create(dataDir ? { dataDir } : {});
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
