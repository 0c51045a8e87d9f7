import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../test-support/databases.ts';
import type { Database } from './database.ts';
import { migrate } from './migrate.ts';
import { migrations } from './migrations/index.ts';

describe.each(backends())('migrations on $name', (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await backend.open(); // already migrated once
  });
  afterAll(() => db.close());

  it('records each migration once and applies nothing on a second start', async () => {
    const recorded = await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(recorded.map((r) => r.version)).toEqual(migrations.map((m) => m.version));
    expect(await migrate(db)).toEqual([]);
  });

  it('applies an appended migration in order, once', async () => {
    const extra = [...migrations, { version: 999, name: 'test', sql: 'CREATE TABLE test_999 (id int); INSERT INTO test_999 VALUES (1);' }];
    expect(await migrate(db, extra)).toEqual([999]);
    expect(await migrate(db, extra)).toEqual([]);
    expect(await db.query('SELECT id FROM test_999')).toEqual([{ id: 1 }]);
  });

  it('rolls back a failing migration entirely', async () => {
    const broken = [...migrations, { version: 1000, name: 'broken', sql: 'CREATE TABLE test_1000 (id int); SELECT no_such_function();' }];
    await expect(migrate(db, broken)).rejects.toThrow();
    expect(await db.query("SELECT 1 FROM schema_migrations WHERE version = 1000")).toEqual([]);
    expect(await db.query("SELECT to_regclass('test_1000') AS t")).toEqual([{ t: null }]);
  });

  it('creates the events table with a seq identity and one row per (workspace, messageId)', async () => {
    await db.query("INSERT INTO events (workspace_id, message_id, type, timestamp, original_timestamp, received_at) VALUES ('w', 'm', 'track', now(), now(), now())");
    await expect(
      db.query("INSERT INTO events (workspace_id, message_id, type, timestamp, original_timestamp, received_at) VALUES ('w', 'm', 'track', now(), now(), now())"),
    ).rejects.toThrow(/unique|duplicate/i);
    await expect(db.query("INSERT INTO events (seq, workspace_id, message_id, type, timestamp, original_timestamp, received_at) VALUES (5, 'w', 'n', 'track', now(), now(), now())")).rejects.toThrow();
  });
});
