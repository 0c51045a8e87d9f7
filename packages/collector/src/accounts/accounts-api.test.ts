import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import type { Database } from '../db/database.ts';
import { backends } from '../test-support/databases.ts';
import { daysAgo, ev, get, healthApp, ingest, scenarioEvents } from './health-fixture.ts';

const CSM_ROUTES: Array<[string, string]> = [
  ['GET', '/v1/accounts'],
  ['GET', '/v1/accounts.csv'],
  ['GET', '/v1/accounts/big'],
  ['GET', '/v1/accounts/big/timeline'],
  ['GET', '/v1/surveys/results?kind=nps'],
  ['DELETE', '/v1/users/u1'],
];

/** Eight filler accounts with health from their activity: `fill-k` was active on k of the last 30 days. */
function fillers(): Record<string, unknown>[] {
  const events: Record<string, unknown>[] = [];
  for (let k = 1; k <= 8; k += 1) {
    const name = k === 1 ? '=HYPERLINK("http://evil.example","x")' : k === 2 ? 'Comma, "Quoted" Co' : `Filler ${k}`;
    events.push(ev('group', { userId: `f${k}`, groupId: `fill-${k}`, timestamp: daysAgo(10), traits: { name, createdAt: daysAgo(10) } }));
    for (let d = 0; d < k; d += 1) events.push(ev('track', { userId: `f${k}`, groupId: `fill-${k}`, event: 'Report Shared', timestamp: daysAgo(d + 0.5) }));
  }
  return events;
}

describe.each(backends())('CSM API on $name', (backend) => {
  let db: Database;
  let app: Hono;
  beforeAll(async () => {
    db = await backend.open();
    const built = healthApp(db);
    app = built.app;
    await ingest(app, [...scenarioEvents(), ...fillers()]);
    await built.aggregator.catchUp();
  });
  afterAll(async () => {
    await db.close();
  });

  it.each(CSM_ROUTES)('%s %s refuses a missing or wrong secret key (401) and a write key (403)', async (method, path) => {
    const none = await get(app, path, null, method);
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('missing_secret_key');
    const wrong = await get(app, path, 'sk_nope', method);
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.message).toMatch(/^Failed to authenticate: .*\. Please .*\.$/);
    const write = await get(app, path, 'wk_acme', method);
    expect(write.status).toBe(403);
    expect(write.body).toEqual({ error: { code: 'write_key_not_allowed', message: expect.stringContaining('write key') } });
    // The other workspace's secret key sees none of this workspace's accounts.
    if (method === 'GET' && path.startsWith('/v1/accounts/big')) expect((await get(app, path, 'sk_other')).status).toBe(404);
  });

  it('lists accounts worst first by default and pages through all of them once with the cursor', async () => {
    const seen: Array<{ accountId: string; health: number }> = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { body: { accounts: typeof seen; total: number; next: string | null } } = await get(app, `/v1/accounts?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.body.total).toBe(11);
      seen.push(...page.body.accounts);
      cursor = page.body.next;
      pages += 1;
    } while (cursor !== null && pages < 10);
    expect(pages).toBe(4);
    expect(seen).toHaveLength(11);
    expect(new Set(seen.map((a) => a.accountId)).size).toBe(11);
    const healths = seen.map((a) => a.health);
    expect(healths).toEqual([...healths].sort((a, b) => a - b));
    expect(seen[0]!.accountId).toBe('renew');
  });

  it('sorts by every offered key in both directions', async () => {
    const ids = async (sort: string) => ((await get(app, `/v1/accounts?sort=${sort}&limit=500`)).body.accounts as Array<Record<string, unknown>>);
    const desc = await ids('-health');
    expect(desc[0]!.accountId).toBe('big');
    const byName = (await ids('name')).map((a) => String(a.name ?? a.accountId).toLowerCase());
    expect(byName).toEqual([...byName].sort());
    expect((await ids('-name')).map((a) => String(a.name ?? a.accountId).toLowerCase())).toEqual([...byName].reverse());
    const nps = await ids('-nps');
    expect(nps[0]!.accountId).toBe('big');
    expect(nps.at(-1)!.nps).toBeNull();
    expect((await ids('nps')).at(-1)!.nps).toBeNull();
    const active = (await ids('-activeUsers30d')).map((a) => a.activeUsers30d as number);
    expect(active).toEqual([...active].sort((a, b) => b - a));
    const silent = await ids('lastSeenAt');
    expect(silent[0]!.accountId).toBe('renew');
    expect(silent[0]!.lastSeenAt).toBeNull();
    expect((await ids('-lastSeenAt'))[0]!.accountId).toMatch(/^fill-/);
    // Pagination with a sort on a text and a time column.
    const first = (await get(app, '/v1/accounts?sort=lastSeenAt&limit=5')).body;
    const rest = (await get(app, `/v1/accounts?sort=lastSeenAt&limit=500&cursor=${first.next}`)).body;
    expect([...first.accounts, ...rest.accounts].map((a: { accountId: string }) => a.accountId)).toEqual(silent.map((a) => a.accountId));
    const firstByName = (await get(app, '/v1/accounts?sort=-name&limit=4')).body;
    const restByName = (await get(app, `/v1/accounts?sort=-name&limit=500&cursor=${firstByName.next}`)).body;
    expect([...firstByName.accounts, ...restByName.accounts]).toHaveLength(11);
  });

  it('filters by band, tier, stage, flag and text', async () => {
    const ids = async (query: string) => ((await get(app, `/v1/accounts?${query}`)).body.accounts as Array<{ accountId: string }>).map((a) => a.accountId).sort();
    expect(await ids('tier=A')).toEqual(['big']);
    expect(await ids('stage=renewal')).toEqual(['renew']);
    expect(await ids('flag=red_in_renewal')).toEqual(['renew']);
    expect(await ids('flag=detractor_90d')).toEqual(['big']);
    expect(await ids('band=green')).toEqual(['big']);
    expect(await ids('band=red&flag=not_activated_day_30')).toEqual(['late', 'renew']);
    expect(await ids('q=LATE')).toEqual(['late']);
    expect(await ids('q=fill-1')).toEqual(['fill-1']);
    expect(await ids('q=%25')).toEqual([]);
    expect((await get(app, '/v1/accounts?tier=A')).body.total).toBe(1);
  });

  it('answers bad queries with 400 and a JSON error', async () => {
    for (const query of ['band=purple', 'sort=colour', 'limit=0', 'limit=501', 'cursor=notacursor', 'flag=bad']) {
      const res = await get(app, `/v1/accounts?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error.message).toMatch(/^Failed to list accounts: .*\. Please .*\.$/);
    }
    expect((await get(app, '/v1/accounts/nobody')).status).toBe(404);
    expect((await get(app, '/v1/accounts/nobody/timeline')).status).toBe(404);
    expect((await get(app, '/v1/surveys/results?kind=xyz')).status).toBe(400);
  });

  it('gives the detail breakdown with every component and flag reason', async () => {
    const renew = (await get(app, '/v1/accounts/renew')).body;
    expect(renew.outcomeComponents.map((c: { key: string }) => c.key)).toEqual(['activation', 'adoption', 'usage_frequency', 'usage_breadth', 'usage_recency', 'activated_in_window']);
    expect(renew.experienceComponents.map((c: { key: string; value: null }) => [c.key, c.value])).toEqual([
      ['nps', null],
      ['csat', null],
      ['ces', null],
    ]);
    expect(renew.flagReasons.map((r: { flag: string }) => r.flag)).toEqual(renew.flags);
    expect(renew.flagReasons.find((r: { flag: string }) => r.flag === 'red_in_renewal').reason).toContain('ends in 30 days');
    expect(renew.northStar).toBeNull();
  });

  it('gives the timeline newest first', async () => {
    const { entries } = (await get(app, '/v1/accounts/big/timeline')).body as { entries: Array<{ at: string; kind: string; summary: string }> };
    expect(entries.map((e) => e.kind)).toEqual(['survey_response', 'survey_response', 'survey_response', 'milestone', 'milestone', 'milestone']);
    expect(entries.map((e) => e.at)).toEqual([daysAgo(2), daysAgo(3), daysAgo(4), daysAgo(40), daysAgo(50), daysAgo(55)]);
    expect(entries[2]!.summary).toBe('NPS 6 from u3: “Exports are slow”');
    expect(entries[5]!.summary).toBe('Milestone reached: created_project (required)');
    expect((await get(app, '/v1/accounts/big/timeline?limit=2')).body.entries).toHaveLength(2);
  });

  it('gives survey results: score, distribution, weekly trend and comments', async () => {
    const results = (await get(app, '/v1/surveys/results?kind=nps')).body;
    expect(results).toMatchObject({ kind: 'nps', surveyId: null, responses: 3, score: 33.3 });
    expect(results.distribution).toEqual({ 0: 0, 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 1, 7: 0, 8: 0, 9: 1, 10: 1 });
    expect(results.weekly).toHaveLength(12);
    // NOW is a Monday: the responses 2-4 days ago fall in the previous week.
    expect(results.weekly.at(-1)).toEqual({ weekStart: '2026-11-23', responses: 0, score: null });
    expect(results.weekly.at(-2)).toEqual({ weekStart: '2026-11-16', responses: 3, score: 33.3 });
    expect(results.comments).toEqual([{ at: daysAgo(4), accountId: 'big', userId: 'u3', score: 6, comment: 'Exports are slow' }]);
    expect((await get(app, '/v1/surveys/results?kind=nps&accountId=late')).body).toMatchObject({ responses: 0, score: null, comments: [] });
    expect((await get(app, '/v1/surveys/results?kind=nps&surveyId=nps-q4')).body).toMatchObject({ responses: 3, surveyId: 'nps-q4' });
    expect((await get(app, '/v1/surveys/results?kind=csat')).body).toMatchObject({ responses: 0, distribution: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } });
  });

  it('exports every matching account as CSV with quoting and a formula-injection guard', async () => {
    const res = await get(app, '/v1/accounts.csv?sort=name');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="cairn-accounts-acme-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = res.text.split('\r\n');
    expect(lines[0]).toBe('accountId,name,tier,stage,health,band,outcome,experience,nps,activated,activatedAt,timeToValueDays,activeUsers30d,lastSeenAt,flags');
    expect(lines).toHaveLength(13); // header, 11 accounts, final empty string after the last CRLF
    expect(lines.find((l) => l.startsWith('fill-1,'))).toMatch(/^fill-1,"'=HYPERLINK\(""http:\/\/evil\.example"",""x""\)",C,/);
    expect(lines.find((l) => l.startsWith('fill-2,'))).toMatch(/^fill-2,"Comma, ""Quoted"" Co",C,/);
    expect(lines.find((l) => l.startsWith('big,'))).toContain(',75.7,green,79.6,66.7,33.3,true,');
    const red = (await get(app, '/v1/accounts.csv?band=red&flag=red_in_renewal')).text.split('\r\n');
    expect(red).toHaveLength(3);
    expect(red[1]).toMatch(/^renew,Renew Inc,C,renewal,0,red,/);
  });

  it('serves an OpenAPI 3.1 document covering ingest, SDK reads and the CSM API', async () => {
    const res = await get(app, '/v1/openapi.json', null);
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    for (const path of ['/v1/batch', '/v1/track', '/v1/config', '/v1/state', '/v1/accounts', '/v1/accounts.csv', '/v1/accounts/{id}', '/v1/accounts/{id}/timeline', '/v1/surveys/results', '/v1/users/{id}']) {
      expect(res.body.paths, path).toHaveProperty([path]);
    }
  });
});
