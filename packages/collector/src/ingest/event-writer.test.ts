import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { backends } from '../test-support/databases.ts';
import { createEventWriter, encodeColumns } from './event-writer.ts';
import { prepareEvents, type PreparedRow } from './prepare-events.ts';

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

  it('stores every value exactly as the row JSON says, for hostile strings and nested JSON', async () => {
    // Oracle: PostgreSQL's own reading of the same row JSON (the writer's previous jsonb_to_recordset path).
    const text = fc.string({ unit: fc.constantFrom('a', '"', '\\', ',', '{', '}', '[', ']', ':', 'null', '\n', '\t', 'é', '😀', ' ', 'NULL') });
    const json: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, text, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(text, tie('value'), { maxKeys: 3 })),
    })).value;
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ event: text, anonymousId: text, userId: fc.option(text, { nil: undefined }), properties: fc.option(fc.dictionary(text, json, { maxKeys: 4 }), { nil: undefined }), context: fc.option(fc.dictionary(text, json, { maxKeys: 3 }), { nil: undefined }) }), { minLength: 1, maxLength: 5 }),
        async (events) => {
          const raws = events.map((event) => ({ type: 'track', messageId: `p${(n += 1)}`, timestamp: '2026-01-01T00:00:00Z', ...event, anonymousId: event.anonymousId || 'anon' }));
          const prepared = prepareEvents(raws, { workspaceId: 'prop', receivedAt: Date.parse('2026-01-01T00:00:01Z') }).rows;
          if (prepared.length === 0) return;
          const writer = createEventWriter(db);
          expect(await writer.write(prepared)).toEqual({ accepted: prepared.length, duplicates: 0 });
          const stored = await db.query(
            `SELECT e.message_id, e.type, e.anonymous_id, e.user_id, e.group_id, e.event, e.name, e.timestamp, e.original_timestamp, e.sent_at, e.received_at,
               e.properties, e.traits, e.context, e.properties IS NOT DISTINCT FROM r.p AND e.traits IS NOT DISTINCT FROM r.tr AND e.context IS NOT DISTINCT FROM r.c
               AND (e.type, e.anonymous_id, e.user_id, e.group_id, e.event, e.name) IS NOT DISTINCT FROM (r.t, r.a, r.u, r.g, r.e, r.n)
               AND (e.timestamp, e.original_timestamp, e.sent_at, e.received_at) IS NOT DISTINCT FROM (r.ts, r.ots, r.sa, r.ra) AS same
             FROM jsonb_to_recordset($1::text::jsonb) AS r(w text, m text, t text, a text, u text, g text, e text, n text,
               ts timestamptz, ots timestamptz, sa timestamptz, ra timestamptz, p jsonb, tr jsonb, c jsonb)
             JOIN events e ON e.workspace_id = r.w AND e.message_id = r.m`,
            [`[${prepared.map((row) => row.json).join(',')}]`],
          );
          expect(stored).toHaveLength(prepared.length);
          for (const row of stored) expect(row.same, JSON.stringify(row)).toBe(true);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('stores a row whose JSON has another layout (parsed instead of scanned)', async () => {
    const [row] = rows(['layout1']) as [PreparedRow];
    const { c: _context, ...rest } = JSON.parse(row.json) as Record<string, unknown>;
    const json = JSON.stringify({ c: { page: 'x' }, ...rest, p: { k: 'v "q"' } });
    expect(encodeColumns([json])).toEqual(encodeColumns([JSON.stringify({ ...rest, p: { k: 'v "q"' }, c: { page: 'x' } })]));
    expect(await createEventWriter(db).write([{ key: row.key, json }])).toEqual({ accepted: 1, duplicates: 0 });
    const [stored] = await db.query<{ properties: unknown; context: unknown; event: string }>("SELECT properties, context, event FROM events WHERE message_id = 'layout1'");
    expect(stored).toEqual({ properties: { k: 'v "q"' }, context: { page: 'x' }, event: 'E' });
  });

  it('fails every request of a flush whose commit fails, and only after trying', async () => {
    const failing: Database = { ...db, query: () => Promise.reject(Object.assign(new Error('server closed the connection'), { code: '57P01' })) };
    const writer = createEventWriter(failing);
    const results = await Promise.allSettled([writer.write(rows(['f1'])), writer.write(rows(['f2']))]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    await writer.drain();
  });
});

describe('flush policy', () => {
  /** A store whose inserts finish only when the test says so; records the rows of each statement. */
  function heldStore() {
    const statements: number[] = [];
    const release: Array<() => void> = [];
    const db = {
      kind: 'postgres',
      query: (_sql: string, params: unknown[] = []) => {
        const count = (String(params[1]).match(/","|^\{"/g) ?? []).length;
        statements.push(count);
        return new Promise((resolve) => release.push(() => resolve([])));
      },
    } as unknown as Database;
    return { db, statements, release };
  }
  const tick = () => new Promise((r) => setImmediate(r));

  it('holds small writes while a flush is in flight and sends them together when it returns', async () => {
    const { db, statements, release } = heldStore();
    const writer = createEventWriter(db, { concurrency: 4, minRowsToOverlap: 10 });
    const first = writer.write(rows(['h1']));
    await tick();
    const later = [writer.write(rows(['h2', 'h3'])), writer.write(rows(['h4']))];
    await tick();
    await tick();
    expect(statements).toEqual([1]);
    release.shift()!();
    await first;
    await tick();
    expect(statements).toEqual([1, 3]);
    release.shift()!();
    await Promise.all(later);
    await writer.drain();
  });

  it('overlaps a second flush once enough rows are queued, up to the concurrency', async () => {
    const { db, statements, release } = heldStore();
    const writer = createEventWriter(db, { concurrency: 2, minRowsToOverlap: 3 });
    const pending = [writer.write(rows(['o1']))];
    await tick();
    pending.push(writer.write(rows(['o2', 'o3', 'o4'])));
    await tick();
    pending.push(writer.write(rows(['o5', 'o6', 'o7'])));
    await tick();
    expect(statements).toEqual([1, 3]);
    while (release.length > 0 || statements.length < 3) {
      release.shift()?.();
      await tick();
    }
    await Promise.all(pending);
    expect(statements).toEqual([1, 3, 3]);
    await writer.drain();
  });
});
