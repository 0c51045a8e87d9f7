import type { Database } from './database.ts';
import { migrations as allMigrations, type Migration } from './migrations/index.ts';

/**
 * Applies the migrations not yet recorded in `schema_migrations`, each in its own
 * transaction. Safe to call on every start; an advisory lock keeps concurrent starts of
 * several collectors on one PostgreSQL from racing.
 *
 * @returns the versions applied now
 */
export async function migrate(db: Database, migrations: readonly Migration[] = allMigrations): Promise<number[]> {
  await db.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const applied: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    const done = await db.transaction(async (tx) => {
      // Transaction-scoped lock: 0x636169726e = "cairn".
      await tx.query('SELECT pg_advisory_xact_lock(426953320814)');
      const rows = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [migration.version]);
      if (rows.length > 0) return false;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      return true;
    });
    if (done) applied.push(migration.version);
  }
  return applied;
}
