import { migrate } from './migrate.ts';
import type { Database } from './database.ts';
import { createPgliteDatabase } from './pglite-database.ts';
import { createPostgresDatabase } from './postgres-database.ts';

/**
 * Opens the configured store and brings its schema up to date: PostgreSQL when
 * `databaseUrl` is given, else PGlite in `dataDir`.
 */
export async function openDatabase(options: { databaseUrl?: string; dataDir?: string }): Promise<Database> {
  let db: Database;
  try {
    db = options.databaseUrl ? await createPostgresDatabase(options.databaseUrl) : await createPgliteDatabase(options.dataDir);
  } catch (error) {
    const where = options.databaseUrl ? 'PostgreSQL at DATABASE_URL' : `PGlite in ${options.dataDir ?? 'memory'}`;
    throw new Error(`Failed to open the database: ${where} did not start (${(error as Error).message}). Please check that it is reachable and not used by another process.`);
  }
  try {
    await migrate(db);
  } catch (error) {
    await db.close().catch(() => {});
    throw new Error(`Failed to migrate the database: ${(error as Error).message}. Please check the database user may create tables.`);
  }
  return db;
}
