import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './db/database.ts';
import { backends } from './test-support/databases.ts';
import { post, testApp, trackEvent } from './test-support/test-app.ts';

describe.each(backends())('GET /v1/events on $name', (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await backend.open();
  });
  afterAll(() => db.close());

  const get = (app: ReturnType<typeof testApp>, query: string, auth?: string) =>
    app.request(`/v1/events${query}`, auth ? { headers: { authorization: auth } } : {});

  it('needs a secret key: 401 without or with a wrong one, 403 with a write key', async () => {
    const app = testApp(db);
    expect((await get(app, '')).status).toBe(401);
    expect((await get(app, '', 'Bearer sk_wrong')).status).toBe(401);
    const forbidden = await get(app, '', 'Bearer wk_demo');
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toMatchObject({ error: { code: 'write_key_not_allowed' } });
  });

  it('pages through the workspace events in seq order, filtered, without other workspaces', async () => {
    const app = testApp(db);
    const mine = Array.from({ length: 5 }, (_, i) => trackEvent({ userId: 'u-page', event: i % 2 ? 'Odd' : 'Even', properties: { i } }));
    await post(app, '/v1/batch', { batch: mine });
    await post(app, '/v1/batch', { batch: [trackEvent({ userId: 'u-page' })] }, 'wk_strict', { origin: 'https://app.example.com' });

    const first = (await (await get(app, '?userId=u-page&limit=3', 'Bearer sk_demo')).json()) as { events: Array<Record<string, unknown>>; next: number };
    expect(first.events.map((e) => (e.properties as { i: number }).i)).toEqual([0, 1, 2]);
    expect(first.next).toBe(first.events[2]!.seq);
    const second = (await (await get(app, `?userId=u-page&limit=3&after=${first.next}`, 'Bearer sk_demo')).json()) as { events: Array<Record<string, unknown>>; next: null };
    expect(second.events.map((e) => (e.properties as { i: number }).i)).toEqual([3, 4]);
    expect(second.next).toBeNull();
    const seqs = [...first.events, ...second.events].map((e) => e.seq as number);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(first.events[0]).toMatchObject({ type: 'track', messageId: mine[0]!.messageId, userId: 'u-page', anonymousId: 'anon-1', event: 'Even' });
    expect(typeof first.events[0]!.receivedAt).toBe('string');

    const odd = (await (await get(app, '?userId=u-page&event=Odd', 'Bearer sk_demo')).json()) as { events: unknown[] };
    expect(odd.events).toHaveLength(2);
    const strict = (await (await get(app, '?userId=u-page', 'Bearer sk_strict')).json()) as { events: unknown[] };
    expect(strict.events).toHaveLength(1);
  });

  it('rejects a bad limit or cursor with 400', async () => {
    const app = testApp(db);
    expect((await get(app, '?limit=0', 'Bearer sk_demo')).status).toBe(400);
    expect((await get(app, '?limit=abc', 'Bearer sk_demo')).status).toBe(400);
    expect((await get(app, '?after=-1', 'Bearer sk_demo')).status).toBe(400);
  });
});
