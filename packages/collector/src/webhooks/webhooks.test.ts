import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { DetractorResponse } from '../accounts/account-change.ts';
import { stopAggregatorOf } from '../accounts/running-aggregators.ts';
import { parseConfig, type CollectorConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { createPgliteDatabase } from '../db/pglite-database.ts';
import { createPostgresDatabase } from '../db/postgres-database.ts';
import { backends } from '../test-support/databases.ts';
import { post, testApp, trackEvent } from '../test-support/test-app.ts';
import { startReceiver, type Receiver } from './receiver-fixture.ts';
import { verifySignature } from './signature.ts';
import type { WebhookMessage } from './webhook-message.ts';
import { createWebhooks, type Webhooks, type WebhooksOptions } from './webhooks.ts';

const secret = 'whsec_test_0123456789abcdef';

const configFor = (url: string, events?: string[]): CollectorConfig =>
  parseConfig({
    workspaces: [
      { id: 'demo', name: 'Demo', writeKeys: ['wk_demo'], secretKeys: ['sk_demo'], rateLimit: { eventsPerSecond: 1e5, burst: 1e5 }, webhooks: [{ url, secret, ...(events ? { events } : {}) }] },
      { id: 'quiet', writeKeys: ['wk_quiet'] },
    ],
  });

const detractor = (accountId: string, comment = 'Reports are too slow'): DetractorResponse => ({
  kind: 'detractor',
  workspaceId: 'demo',
  accountId,
  userId: 'user_1',
  score: 2,
  comment,
  surveyId: 'nps-main',
});

// Short delays keep the suite quick; the production defaults are in webhook-dispatcher.ts.
const fast = { pollMs: 50, timeoutMs: 10_000, retry: { baseDelayMs: 20, maxDelayMs: 200 } } satisfies Partial<WebhooksOptions>;

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Failed to wait for ${what} within ${timeoutMs} ms.`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe.each(backends())('webhooks on $name', (backend) => {
  let db: Database;
  let receiver: Receiver | undefined;
  let webhooks: Webhooks | undefined;
  beforeAll(async () => {
    db = await backend.open();
  });
  afterAll(() => db.close());
  afterEach(async () => {
    await webhooks?.stop(0);
    await receiver?.close();
    webhooks = undefined;
    receiver = undefined;
    await db.query('DELETE FROM webhook_deliveries');
  });

  it('delivers a detractor response as signed, Slack-compatible JSON and then forgets it', async () => {
    receiver = await startReceiver();
    webhooks = createWebhooks({ db, config: configFor(receiver.url), ...fast });
    webhooks.start();
    await webhooks.notify(detractor('acct_sig'));
    const [request] = await receiver.waitFor(1);
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.headers['cairn-event']).toBe('detractor');
    expect(verifySignature(request!.headers['cairn-signature'] as string, request!.body, secret)).toMatchObject({ ok: true });
    expect(verifySignature(request!.headers['cairn-signature'] as string, request!.body, 'whsec_wrong_0123456789')).toMatchObject({ ok: false });
    const message = JSON.parse(request!.body) as WebhookMessage;
    expect(message.text).toContain('Detractor at account *acct_sig*');
    expect(message.text).toContain('Reports are too slow');
    expect(message.cairn).toMatchObject({ ...detractor('acct_sig'), deliveryId: request!.headers['cairn-delivery'] });
    await until('the outbox to empty', async () => ((await webhooks!.outbox.pending()).length === 0 ? true : undefined));
    expect(await webhooks.outbox.failed()).toEqual([]);
  });

  it('sends a change only to targets subscribed to its kind, and nothing for a workspace without webhooks', async () => {
    receiver = await startReceiver();
    webhooks = createWebhooks({ db, config: configFor(receiver.url, ['band_change']), ...fast });
    await webhooks.notify(detractor('acct_filter'));
    await webhooks.notify({ kind: 'not_activated', workspaceId: 'quiet', accountId: 'a', daysSinceSignup: 40 });
    expect(await webhooks.outbox.pending()).toEqual([]);
    await webhooks.notify({ kind: 'band_change', workspaceId: 'demo', accountId: 'acct_filter', from: 'green', to: 'yellow', health: 70 });
    expect((await webhooks.outbox.pending()).map((d) => d.kind)).toEqual(['band_change']);
  });

  it('retries after a 500 and succeeds, with the same delivery id and a fresh valid signature', async () => {
    receiver = await startReceiver((n) => (n === 0 ? { status: 500 } : { status: 204 }));
    webhooks = createWebhooks({ db, config: configFor(receiver.url), ...fast });
    webhooks.start();
    await webhooks.notify(detractor('acct_retry'));
    const [first, second] = await receiver.waitFor(2);
    expect(second!.headers['cairn-delivery']).toBe(first!.headers['cairn-delivery']);
    expect(second!.body).toBe(first!.body);
    expect(verifySignature(second!.headers['cairn-signature'] as string, second!.body, secret).ok).toBe(true);
    await until('the outbox to empty', async () => ((await webhooks!.outbox.pending()).length === 0 ? true : undefined));
    expect(receiver.requests).toHaveLength(2);
  });

  it('honours Retry-After on a 429', async () => {
    receiver = await startReceiver(() => ({ status: 429, headers: { 'retry-after': '120' } }));
    webhooks = createWebhooks({ db, config: configFor(receiver.url), ...fast, retry: { baseDelayMs: 20, maxDelayMs: 600_000 } });
    webhooks.start();
    const before = Date.now();
    await webhooks.notify(detractor('acct_429'));
    await receiver.waitFor(1);
    // The backoff alone would be 10-20 ms here; the receiver asked for two minutes (below the cap).
    const due = await until('the retry to be scheduled', async () => {
      const [row] = await webhooks!.outbox.pending();
      return row?.attempts === 1 && row.lastError !== null ? await webhooks!.outbox.nextDueAt() : undefined;
    });
    expect(due).toBeGreaterThanOrEqual(before + 120_000);
    expect(due).toBeLessThanOrEqual(Date.now() + 120_000);
    expect(receiver.requests).toHaveLength(1);
  });

  it('gives up after maxAttempts on 503s, and at once on a 404, recording why', async () => {
    receiver = await startReceiver((n) => (n < 3 ? { status: 503 } : { status: 404 }));
    webhooks = createWebhooks({ db, config: configFor(receiver.url), ...fast, maxAttempts: 3 });
    webhooks.start();
    await webhooks.notify(detractor('acct_gone'));
    await until('the first delivery to be given up', async () => ((await webhooks!.outbox.failed()).length === 1 ? true : undefined));
    await webhooks.notify(detractor('acct_404'));
    const failed = await until('both deliveries to be given up', async () => {
      const rows = await webhooks!.outbox.failed();
      return rows.length === 2 ? rows : undefined;
    });
    expect(failed.map((f) => [f.accountId, f.attempts, f.lastStatus])).toEqual([
      ['acct_gone', 3, 503],
      ['acct_404', 1, 404],
    ]);
    expect(failed[0]!.lastError).toMatch(/^HTTP 503/);
    expect(receiver.requests).toHaveLength(4);
    expect(await webhooks.outbox.pending()).toEqual([]);
  });

  it('never holds up ingest: events are stored and answered while a receiver hangs', async () => {
    receiver = await startReceiver(() => 'hang');
    const config = configFor(receiver.url);
    webhooks = createWebhooks({ db, config, ...fast, timeoutMs: 60_000 });
    webhooks.start();
    const app = testApp(db, { config });
    await webhooks.notify(detractor('acct_hang_1'));
    await webhooks.notify(detractor('acct_hang_2'));
    await receiver.waitFor(2);
    for (let i = 0; i < 5; i += 1) {
      const response = await post(app, '/v1/batch', { batch: [trackEvent({ event: `While hanging ${i}` })] });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ accepted: 1 });
    }
    // The deliveries were still waiting for the receiver the whole time.
    expect(receiver.hanging).toBe(2);
    expect((await webhooks.outbox.pending()).length).toBe(2);
    // Stopping cuts them short and puts them back, uncounted, for the next start.
    await webhooks.stop(0);
    expect((await webhooks.outbox.pending()).map((d) => d.attempts)).toEqual([0, 0]);
  });
});

describe.each(backends())('ingest to webhook on $name', (backend) => {
  it('a detractor answer ingested through /v1/batch reaches the receiver through the aggregator, signed', async () => {
    const db = await backend.open();
    const receiver = await startReceiver();
    const config = configFor(receiver.url);
    const webhooks = createWebhooks({ db, config, ...fast });
    try {
      webhooks.start();
      const app = testApp(db, { config, onAccountChange: (change) => void webhooks.notify(change) });
      const at = new Date().toISOString();
      const common = { userId: 'user_dora', groupId: 'acct_e2e', anonymousId: 'anon-dora', timestamp: at };
      const response = await post(app, '/v1/batch', {
        sentAt: at,
        batch: [
          { ...trackEvent(common), type: 'group', event: undefined, traits: { name: 'Dora Inc' } },
          trackEvent({ ...common, event: 'Survey Responded', properties: { surveyId: 'nps-main', kind: 'nps', score: 3, comment: 'Slow & buggy' } }),
        ],
      });
      expect(response.status).toBe(200);
      const [request] = await receiver.waitFor(1);
      expect(verifySignature(request!.headers['cairn-signature'] as string, request!.body, secret).ok).toBe(true);
      expect(JSON.parse(request!.body)).toMatchObject({
        text: expect.stringContaining('Slow &amp; buggy'),
        cairn: { kind: 'detractor', workspaceId: 'demo', accountId: 'acct_e2e', userId: 'user_dora', score: 3, comment: 'Slow & buggy', surveyId: 'nps-main' },
      });
    } finally {
      await stopAggregatorOf(db);
      await webhooks.stop(0);
      await receiver.close();
      await db.close();
    }
  });
});

describe('webhook outbox across a restart', () => {
  it('on PGlite: a delivery queued before the stop is sent by the next process', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cairn-webhooks-'));
    const receiver = await startReceiver();
    try {
      cpSync(inject('pgliteSeedDir'), dir, { recursive: true });
      const config = configFor(receiver.url);
      const first = await createPgliteDatabase(dir);
      await migrate(first);
      // Not started: as if the process died right after the commit that queued it.
      await createWebhooks({ db: first, config, ...fast }).notify(detractor('acct_restart'));
      await first.close();
      expect(receiver.requests).toHaveLength(0);

      const second = await createPgliteDatabase(dir);
      const webhooks = createWebhooks({ db: second, config, ...fast });
      webhooks.start();
      const [request] = await receiver.waitFor(1);
      expect(JSON.parse(request!.body)).toMatchObject({ cairn: { accountId: 'acct_restart' } });
      await until('the outbox to empty', async () => ((await webhooks.outbox.pending()).length === 0 ? true : undefined));
      await webhooks.stop();
      await second.close();
    } finally {
      await receiver.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.runIf(backends().some((b) => b.name === 'postgres'))('on PostgreSQL: the same, with a new connection pool', async () => {
    const backend = backends().find((b) => b.name === 'postgres')!;
    const url = await backend.freshUrl!();
    const receiver = await startReceiver();
    try {
      const config = configFor(receiver.url);
      const first = await createPostgresDatabase(url);
      await migrate(first);
      await createWebhooks({ db: first, config, ...fast }).notify(detractor('acct_restart_pg'));
      await first.close();
      const second = await createPostgresDatabase(url);
      const webhooks = createWebhooks({ db: second, config, ...fast });
      webhooks.start();
      const [request] = await receiver.waitFor(1);
      expect(JSON.parse(request!.body)).toMatchObject({ cairn: { accountId: 'acct_restart_pg' } });
      await until('the outbox to empty', async () => ((await webhooks.outbox.pending()).length === 0 ? true : undefined));
      await webhooks.stop();
      await second.close();
    } finally {
      await receiver.close();
    }
  });
});
