import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import postgres from 'postgres';
import { inject } from 'vitest';
import type { Database } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { createPgliteDatabase } from '../db/pglite-database.ts';
import { createPostgresDatabase } from '../db/postgres-database.ts';

/** One storage backend the store-touching tests run on. */
export interface Backend {
  name: 'pglite' | 'postgres';
  /** A fresh, migrated database (in memory for PGlite, a new database for PostgreSQL). */
  open(): Promise<Database>;
  /** Connection string of a fresh database (PostgreSQL only; for process-level tests). */
  freshUrl?(): Promise<string>;
}

async function createDatabaseOn(adminUrl: string): Promise<string> {
  const name = `cairn_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  return adminUrl.replace(/\/postgres$/, `/${name}`);
}

/**
 * The backends to run on: PGlite always, PostgreSQL when the global setup started it
 * (vitest `describe.each(backends())`).
 */
export function backends(): Backend[] {
  const list: Backend[] = [
    {
      name: 'pglite',
      async open() {
        const seed = new Blob([new Uint8Array(readFileSync(inject('pgliteSeed')))]);
        const db = await createPgliteDatabase(undefined, { loadDataDir: seed });
        await migrate(db);
        return db;
      },
    },
  ];
  const adminUrl = inject('pgUrl');
  if (adminUrl) {
    list.push({
      name: 'postgres',
      freshUrl: () => createDatabaseOn(adminUrl),
      async open() {
        const db = await createPostgresDatabase(await createDatabaseOn(adminUrl));
        await migrate(db);
        return db;
      },
    });
  }
  return list;
}
