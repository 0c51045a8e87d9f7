import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { backends } from '../test-support/databases.ts';
import { createEventWriter } from './event-writer.ts';
import { prepareEvents } from './prepare-events.ts';

const rows = (ids: string[]) =>
  prepareEvents(
    ids.map((messageId) => ({ type: 'track', event: 'E', messageId, anonymousId: 'a', timestamp: '2026-01-01T00:00:00Z' })),
    { workspaceId: 'w', receivedAt: Date.parse('2026-01-01T00:00:01Z') },
  ).rows;

describe.each(backends())('group-commit writer on $name', (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await backend.open();
  });
  afterAll(() => db.close());

  it('coalesces concurrent writes into one insert and answers each with its own counts', async () => {
    const statements: string[] = [];
    const counting: Database = { ...db, query: (sql, params) => (statements.push(sql), db.query(sql, params)) };
    const writer = createEventWriter(counting, { concurrency: 1 });
    const results = await Promise.all([writer.write(rows(['c1', 'c2'])), writer.write(rows(['c2', 'c3'])), writer.write(rows(['c3', 'c3', 'c4']))]);
    expect(statements).toHaveLength(1);
    expect(results).toEqual([
      { accepted: 2, duplicates: 0 },
      { accepted: 1, duplicates: 1 },
      { accepted: 1, duplicates: 2 },
    ]);
    const stored = await db.query<{ message_id: string }>("SELECT message_id FROM events WHERE workspace_id = 'w' ORDER BY seq");
    expect(stored.map((r) => r.message_id)).toEqual(['c1', 'c2', 'c3', 'c4']);
  });

  it('splits the queue into flushes of at most maxRows and drains', async () => {
    const statements: string[] = [];
    const counting: Database = { ...db, query: (sql, params) => (statements.push(sql), db.query(sql, params)) };
    const writer = createEventWriter(counting, { concurrency: 1, maxRows: 4 });
    const pending = [0, 1, 2, 3, 4].map((i) => writer.write(rows([`s${i}a`, `s${i}b`])));
    await writer.drain();
    expect(statements.length).toBe(3);
    expect((await Promise.all(pending)).every((r) => r.accepted === 2)).toBe(true);
  });

  it('fails every request of a flush whose commit fails, and only after trying', async () => {
    const failing: Database = { ...db, query: () => Promise.reject(Object.assign(new Error('server closed the connection'), { code: '57P01' })) };
    const writer = createEventWriter(failing);
    const results = await Promise.allSettled([writer.write(rows(['f1'])), writer.write(rows(['f2']))]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    await writer.drain();
  });
});
