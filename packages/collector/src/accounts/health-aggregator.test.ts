import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import type { Database } from '../db/database.ts';
import { backends } from '../test-support/databases.ts';
import { storedEvents } from '../test-support/test-app.ts';
import { createHealthAggregator } from './health-aggregator.ts';
import { daysAgo, ev, get, healthApp, healthConfig, ingest, NOW, scenarioEvents } from './health-fixture.ts';

describe.each(backends())('health aggregator on $name', (backend) => {
  let db: Database | undefined;
  afterEach(async () => {
    await db?.close();
    db = undefined;
  });

  it('scores accounts from ingested events as computed by hand', async () => {
    db = await backend.open();
    const { app, aggregator } = healthApp(db);
    await ingest(app, scenarioEvents());
    await aggregator.catchUp();

    const big = (await get(app, '/v1/accounts/big')).body;
    // Outcome 0.3·100 + 0.2·75 + 0.2·50 + 0.1·60 + 0.1·85.71 + 0.1·100 = 79.57; NPS (2 − 1) / 3 = 33.3 → 66.7.
    expect(big).toMatchObject({ name: 'Big Co', tier: 'A', outcome: 79.6, experience: 66.7, nps: 33.3, stage: 'growth', activated: true, timeToValueDays: 10 });
    // Tier A: 0.7 · 79.57 + 0.3 · 66.67 = 75.7, green.
    expect(big).toMatchObject({ health: 75.7, band: 'green', flags: ['detractor_90d'], weights: { outcome: 0.7, experience: 0.3 } });
    expect(big.usage).toEqual({ activeUsers30d: 3, activeDays30d: 10, eventsLast30d: 13, eventsPrev30d: 3, trend: 3.333 });
    expect(big.outcomeComponents.map((c: { key: string; value: number }) => [c.key, c.value])).toEqual([
      ['activation', 100],
      ['adoption', 75],
      ['usage_frequency', 50],
      ['usage_breadth', 60],
      ['usage_recency', 85.7],
      ['activated_in_window', 100],
    ]);
    expect(big.flagReasons[0].reason).toContain('user u3 scored 6');
    expect(big.milestones.map((m: { milestone: string }) => m.milestone)).toEqual(['created_project', 'invited_teammate', 'shared_report']);

    // Not activated 40 days after signup: 0.2·5 + 0.1·100 + 0.1·64.29 = 17.4; no survey, so health = outcome.
    const late = (await get(app, '/v1/accounts/late')).body;
    expect(late).toMatchObject({ health: 17.4, band: 'red', stage: 'growth', activated: false, flags: ['not_activated_day_30', 'no_experience_data'], experience: null });
    expect(late.weights).toEqual({ outcome: 1, experience: 0 });

    // Contract ends in 30 days, never active: outcome 0, red while renewing.
    const renew = (await get(app, '/v1/accounts/renew')).body;
    expect(renew).toMatchObject({ health: 0, band: 'red', stage: 'renewal', contractEndAt: daysAgo(-30), signupAt: daysAgo(400) });
    expect(renew.flags).toEqual(['not_activated_day_30', 'inactive_14d', 'red_in_renewal', 'no_experience_data']);
  });

  it('reports detractors, not-activated accounts (once) and band changes to onChange', async () => {
    db = await backend.open();
    const { app, aggregator, changes } = healthApp(db);
    await ingest(app, scenarioEvents());
    await aggregator.catchUp();
    expect(changes.filter((c) => c.kind === 'detractor')).toEqual([
      { kind: 'detractor', workspaceId: 'acme', accountId: 'big', userId: 'u3', score: 6, comment: 'Exports are slow', surveyId: 'nps-q4' },
    ]);
    expect(changes.filter((c) => c.kind === 'not_activated').sort((a, b) => a.accountId.localeCompare(b.accountId))).toEqual([
      { kind: 'not_activated', workspaceId: 'acme', accountId: 'late', daysSinceSignup: 40 },
      { kind: 'not_activated', workspaceId: 'acme', accountId: 'renew', daysSinceSignup: 400 },
    ]);
    expect(changes.some((c) => c.kind === 'band_change')).toBe(false);

    changes.length = 0;
    // late reaches both required milestones now: 0.3·100 + 0.2·50 + 0.2·10 + 0.1·100 + 0.1·99.7 + 0.1·0 = 62.0, yellow.
    await ingest(app, [
      ev('track', { userId: 'u10', groupId: 'late', event: 'Milestone Reached', properties: { milestone: 'created_project' }, timestamp: daysAgo(1 / 24) }),
      ev('track', { userId: 'u10', groupId: 'late', event: 'Milestone Reached', properties: { milestone: 'invited_teammate' }, timestamp: daysAgo(1 / 24) }),
    ]);
    await aggregator.catchUp();
    expect(changes).toEqual([{ kind: 'band_change', workspaceId: 'acme', accountId: 'late', from: 'red', to: 'yellow', health: 62 }]);
    await aggregator.sweep();
    expect(changes).toHaveLength(1);

    const timeline = (await get(app, '/v1/accounts/late/timeline')).body.entries as Array<{ kind: string; summary: string; data: Record<string, unknown> }>;
    // Still growth (2 of 4 milestones), so no stage change; newest first.
    expect(timeline.map((e) => e.kind)).toEqual(['band_change', 'milestone', 'milestone']);
    expect(timeline[0]!.data).toEqual({ from: 'red', to: 'yellow', health: 62 });
    expect(timeline[0]!.summary).toBe('Health band red → yellow (health 62.0)');
    expect(timeline.slice(1).map((e) => e.data.milestone).sort()).toEqual(['created_project', 'invited_teammate']);
  });

  it('resumes from its cursor after a restart without counting an event twice', async () => {
    db = await backend.open();
    const first = healthApp(db);
    await ingest(first.app, scenarioEvents());
    await first.aggregator.catchUp();
    await first.aggregator.stop();
    const extra = [1, 2, 3].map((k) => ev('track', { userId: 'u10', groupId: 'late', event: 'Report Shared', timestamp: daysAgo(k) }));
    await ingest(first.app, extra);

    // A new process: a fresh aggregator on the same database picks up after the stored cursor.
    const second = healthApp(db);
    await second.aggregator.catchUp();
    await second.aggregator.catchUp();
    const late = (await get(second.app, '/v1/accounts/late')).body;
    expect(late.usage).toMatchObject({ eventsLast30d: 4, eventsPrev30d: 1, activeDays30d: 4 });
    const big = (await get(second.app, '/v1/accounts/big')).body;
    expect(big.usage.eventsLast30d).toBe(13);
    const cursor = await db.query<{ last_seq: string }>(`SELECT last_seq::text AS last_seq FROM aggregator_cursors`);
    const max = await db.query<{ seq: string }>('SELECT max(seq)::text AS seq FROM events');
    expect(cursor[0]!.last_seq).toBe(max[0]!.seq);
  });

  it('scores the same when a backlog is folded in small batches and rescored once drained', async () => {
    db = await backend.open();
    const { app, aggregator } = healthApp(db);
    await ingest(app, scenarioEvents());
    await aggregator.catchUp();
    const expected = (await get(app, '/v1/accounts?limit=500')).body;

    const other = await backend.open();
    try {
      const changes: unknown[] = [];
      const small = createHealthAggregator({ db: other, config: healthConfig, now: () => NOW, batchSize: 4, onChange: (c) => changes.push(c) });
      const second = createApp({ db: other, config: healthConfig, aggregator: small, now: () => NOW });
      await ingest(second, scenarioEvents());
      await small.catchUp();
      expect((await get(second, '/v1/accounts?limit=500')).body).toEqual(expected);
      expect(changes).toHaveLength(3); // one detractor, two not-activated
      const timeline = (await get(second, '/v1/accounts/big/timeline')).body.entries;
      expect(timeline).toHaveLength(6);
    } finally {
      await other.close();
    }
  });

  it('gets past a seq gap left by a rolled-back insert', async () => {
    db = await backend.open();
    const { app, aggregator } = healthApp(db);
    await ingest(app, [ev('group', { userId: 'g1', groupId: 'gap', timestamp: daysAgo(1), traits: { name: 'Gap' } })]);
    await db
      .transaction(async (tx) => {
        await tx.query(`INSERT INTO events (workspace_id, message_id, type, user_id, group_id, event, timestamp, original_timestamp, received_at)
          VALUES ('acme', 'rolled-back', 'track', 'g1', 'gap', 'Report Shared', now(), now(), now())`);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    await ingest(app, [ev('track', { userId: 'g1', groupId: 'gap', event: 'Report Shared', timestamp: daysAgo(0.5) })]);
    const seqs = await db.query<{ seq: string }>('SELECT seq::text AS seq FROM events ORDER BY events.seq');
    expect(seqs.map((r) => Number(r.seq))).toEqual([1, 3]);
    await aggregator.catchUp();
    expect((await get(app, '/v1/accounts/gap')).body.usage.eventsLast30d).toBe(1);
  });

  it('follows ingest without an explicit catch-up once started (wake after commit)', async () => {
    db = await backend.open();
    const { app, aggregator } = healthApp(db);
    aggregator.start();
    try {
      await ingest(app, scenarioEvents());
      const deadline = Date.now() + 10_000;
      let status = 404;
      while (status !== 200 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 20));
        status = (await get(app, '/v1/accounts/renew')).status;
      }
      expect(status).toBe(200);
    } finally {
      await aggregator.stop();
    }
  });

  it('ignores workspaces it has no config for and keeps workspaces apart', async () => {
    db = await backend.open();
    const { app, aggregator } = healthApp(db);
    await ingest(app, [ev('group', { userId: 'x', groupId: 'big', timestamp: daysAgo(1), traits: { name: 'Other Big' } })], 'wk_other');
    await ingest(app, scenarioEvents());
    await aggregator.catchUp();
    expect((await get(app, '/v1/accounts/big')).body.name).toBe('Big Co');
    expect((await get(app, '/v1/accounts/big', 'sk_other')).body.name).toBe('Other Big');
    expect((await get(app, '/v1/accounts', 'sk_other')).body.total).toBe(1);
  });

  it('rescans time-sensitive scores in the sweep (day 30 passing)', async () => {
    db = await backend.open();
    let now = NOW;
    const { app, aggregator, changes } = healthApp(db, () => now);
    await ingest(app, [ev('group', { userId: 'n1', groupId: 'fresh', timestamp: daysAgo(29), traits: { createdAt: daysAgo(29) } })]);
    await aggregator.catchUp();
    expect((await get(app, '/v1/accounts/fresh')).body).toMatchObject({ stage: 'onboarding' });
    expect(changes.some((c) => c.kind === 'not_activated')).toBe(false);
    now = NOW + 2 * 86_400_000;
    expect(await aggregator.sweep()).toBe(1);
    expect((await get(app, '/v1/accounts/fresh')).body).toMatchObject({ stage: 'growth', flags: expect.arrayContaining(['not_activated_day_30']) });
    expect(changes).toContainEqual({ kind: 'not_activated', workspaceId: 'acme', accountId: 'fresh', daysSinceSignup: 31 });
    expect(healthConfig.workspaces[0]!.id).toBe('acme');
  });

  it('deletes a user: events, responses and activity go, and the account is rescored', async () => {
    db = await backend.open();
    const { app, aggregator } = healthApp(db);
    const events = scenarioEvents();
    const u3Answer = events.filter((e) => e.userId === 'u3' && e.event === 'Survey Responded');
    await ingest(app, [
      ...events.filter((e) => !u3Answer.includes(e)),
      ev('track', { anonymousId: 'anon-u3', event: 'Page Viewed', groupId: 'big', timestamp: daysAgo(6) }),
      ev('identify', { anonymousId: 'anon-u3', userId: 'u3', timestamp: daysAgo(6) }),
    ]);
    await aggregator.catchUp();
    // Answering later raises the detractor flag on an already scored account: a timeline entry naming u3.
    await ingest(app, u3Answer);
    await aggregator.catchUp();
    expect(JSON.stringify((await get(app, '/v1/accounts/big/timeline')).body)).toContain('user u3 scored 6');
    const before = (await get(app, '/v1/accounts/big')).body;
    expect(before.usage.activeUsers30d).toBe(4);

    const res = await get(app, '/v1/users/u3', 'sk_acme', 'DELETE');
    expect(res.status).toBe(200);
    // Their group, survey and identify events and the page view of the anonymous id they identified from.
    expect(res.body).toEqual({ userId: 'u3', deleted: { events: 4, responses: 1, activityDays: 2, timelineEntries: 2 }, accounts: ['big'] });
    expect((await storedEvents(app, 'sk_acme', '&userId=u3')).length).toBe(0);
    expect((await storedEvents(app, 'sk_acme', '&anonymousId=anon-u3')).length).toBe(0);

    const after = (await get(app, '/v1/accounts/big')).body;
    // Without u3 (and anon-u3): NPS 100 → experience 100; 2 of 4 users active; their survey and page view are gone.
    expect(after).toMatchObject({ nps: 100, experience: 100, flags: [] });
    expect(before.usage.eventsLast30d).toBe(14);
    expect(after.usage).toMatchObject({ activeUsers30d: 2, eventsLast30d: 12 });
    expect(after.health).not.toBe(before.health);
    const results = (await get(app, '/v1/surveys/results?kind=nps')).body;
    expect(results.comments).toEqual([]);
    expect(results.responses).toBe(2);
    const timeline = (await get(app, '/v1/accounts/big/timeline')).body.entries as Array<{ data: { userId?: string } }>;
    expect(timeline.length).toBeGreaterThan(0);
    expect(JSON.stringify(timeline)).not.toMatch(/u3/);
  });
});

// Only PostgreSQL runs transactions side by side; PGlite has one connection, so its seqs commit in order.
describe.each(backends().filter((b) => b.name === 'postgres'))('health aggregator with concurrent writers on $name', (backend) => {
  it('waits for a transaction that took a lower seq and commits later, and counts its event once', async () => {
    const db = await backend.open();
    try {
      const { app, aggregator } = healthApp(db);
      await ingest(app, [ev('group', { userId: 'c1', groupId: 'slow', timestamp: daysAgo(1), traits: { name: 'Slow' } })]);
      await aggregator.catchUp();
      let inserted!: () => void;
      const holding = new Promise<void>((resolve) => (inserted = resolve));
      const slow = db.transaction(async (tx) => {
        await tx.query(`INSERT INTO events (workspace_id, message_id, type, user_id, group_id, event, timestamp, original_timestamp, received_at)
          VALUES ('acme', 'slow-one', 'track', 'c1', 'slow', 'Report Shared', '2026-11-21T12:00:00Z', now(), now())`);
        inserted();
        await new Promise((r) => setTimeout(r, 400));
      });
      await holding;
      await ingest(app, [ev('track', { userId: 'c1', groupId: 'slow', event: 'Report Shared', timestamp: daysAgo(0.5) })]);
      const caughtUp = aggregator.catchUp();
      await slow;
      await caughtUp;
      await aggregator.catchUp();
      const usage = (await get(app, '/v1/accounts/slow')).body.usage;
      expect(usage.eventsLast30d).toBe(2);
    } finally {
      await db.close();
    }
  });
});
