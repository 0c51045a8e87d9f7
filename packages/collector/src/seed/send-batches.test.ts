import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { backends } from '../test-support/databases.ts';
import { testApp, testConfig } from '../test-support/test-app.ts';
import { demoData, seedDemo } from './seed-demo.ts';

const workspace = testConfig.workspaces.find((w) => w.id === 'demo')!;

describe.each(backends())('seeding through the ingest API on $name', (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await backend.open();
  });
  afterAll(() => db.close());

  it('stores every generated event once, backdated timestamps kept, and a second run adds nothing', async () => {
    const app = testApp(db);
    const fetch = ((url: string, init: RequestInit) => app.request(url, init)) as typeof globalThis.fetch;
    const now = Date.now();
    const progress: number[] = [];
    const first = await seedDemo({ workspace, accounts: 6, now, url: 'http://collector.test', writeKey: 'wk_demo', fetch, onProgress: (sent) => progress.push(sent) });
    expect(first).toMatchObject({ accounts: 6, accepted: first.events, duplicates: 0, rejected: 0 });
    expect(progress.at(-1)).toBe(first.events);
    const [{ count }] = (await db.query<{ count: number }>("SELECT count(*)::int AS count FROM events WHERE workspace_id = 'demo'")) as [{ count: number }];
    expect(count).toBe(first.events);
    // Skew correction with sentAt = now leaves the original (backdated) times within the request's latency.
    const expected = demoData({ workspace, accounts: 6, now }).events[0]!;
    const [stored] = await db.query<{ timestamp: Date | string }>("SELECT timestamp FROM events WHERE workspace_id = 'demo' AND message_id = $1", [expected.messageId]);
    expect(Math.abs(new Date(stored!.timestamp).getTime() - Date.parse(expected.timestamp))).toBeLessThan(60_000);
    const second = await seedDemo({ workspace, accounts: 6, now, url: 'http://collector.test', writeKey: 'wk_demo', fetch });
    expect(second).toMatchObject({ accepted: 0, duplicates: first.events });
  });

  it('waits out a 429 and fails clearly on an unknown write key', async () => {
    let calls = 0;
    const app = testApp(db);
    const fetch = ((url: string, init: RequestInit) => {
      calls += 1;
      return calls === 1 ? Promise.resolve(new Response('{}', { status: 429, headers: { 'retry-after': '1' } })) : app.request(url, init);
    }) as typeof globalThis.fetch;
    const result = await seedDemo({ workspace, accounts: 1, seed: 99, url: 'http://collector.test', writeKey: 'wk_demo', fetch });
    expect(calls).toBeGreaterThan(1);
    expect(result.accepted + result.duplicates).toBe(result.events);
    const direct = ((url: string, init: RequestInit) => app.request(url, init)) as typeof globalThis.fetch;
    await expect(seedDemo({ workspace, accounts: 1, url: 'http://collector.test', writeKey: 'wk_nope', fetch: direct })).rejects.toThrow(/^Failed to seed the demo data: .*401|unknown/);
  });
});
