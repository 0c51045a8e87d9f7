import postgres from 'postgres';
import type { Database, Queryable } from './database.ts';

/**
 * Connects to PostgreSQL (15 or later) with postgres.js.
 *
 * @param url - a `postgres://` connection string (the `DATABASE_URL`)
 */
export async function createPostgresDatabase(url: string, options: { max?: number } = {}): Promise<Database> {
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    connect_timeout: 10,
  });
  const wrap = (target: postgres.Sql | postgres.TransactionSql): Queryable => ({
    async query<T>(text: string, params: unknown[] = []) {
      const rows = await target.unsafe(text, params as postgres.ParameterOrJSON<never>[]);
      return rows as unknown as T[];
    },
    async exec(text: string) {
      await target.unsafe(text).simple();
    },
  });
  // Fail at start, not on the first request, when the server is unreachable.
  await sql`select 1`;
  return {
    kind: 'postgres',
    ...wrap(sql),
    transaction: <R>(fn: (tx: Queryable) => Promise<R>) => sql.begin((tx) => fn(wrap(tx))) as Promise<R>,
    close: () => sql.end({ timeout: 5 }),
  };
}
