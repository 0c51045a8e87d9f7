// Account health end to end: two accounts driven through the real SDK in Chromium, scored by the
// real collector process, shown in the dashboard; a detractor answer reaches a webhook receiver, signed.
import { test as base, expect, type Browser, type Page } from '@playwright/test';
import { startCollector, type CollectorProcess } from './harness/collector-process.ts';
import { startFixtureServer, type FixtureServer } from './harness/fixture-server.ts';
import { waitForSdk, type PageCairn } from './harness/fixtures.ts';
import { waitFor } from './harness/wait-for.ts';
import { isValidCairnSignature, startWebhookReceiver, type WebhookReceiver } from './harness/webhook-receiver.ts';

const DAY = 86_400_000;
const secret = 'whsec_e2e_health_0123456789';

/** A workspace whose health config makes the two accounts' scores easy to compute by hand. */
const healthWorkspace = (webhookUrl: string) => ({
  id: 'x-health',
  name: 'Health e2e',
  writeKey: 'wk_x_health',
  secretKey: 'sk_x_health',
  health: {
    milestones: { required: ['project-created', 'report-shared'], all: ['project-created', 'report-shared', 'teammate-invited', 'weekly-digest'] },
    // Everything happens today: one active day is full usage frequency.
    usage: { targetActiveDays: 1 },
  },
  webhooks: [{ url: webhookUrl, secret, events: ['detractor'] }],
});

interface Story {
  user: { id: string; traits: Record<string, unknown> };
  account: { id: string; traits: Record<string, unknown> };
  milestones: string[];
  nps: { score: number; comment?: string };
  csat?: number;
}

const stories = (now: number): Record<'green' | 'red', Story> => ({
  // Tier A, signed up 10 days ago, both required milestones and one more (3 of 4), promoter + satisfied.
  // Outcome: 0.3·100 + 0.2·75 + 0.2·100 + 0.1·100 + 0.1·100 + 0.1·100 = 95; experience 100 (NPS 100 → 100, CSAT 100 %);
  // health 0.7·95 + 0.3·100 = 96.5 → green; activated, not all milestones → growth; no flags.
  green: {
    user: { id: 'u-green-ada', traits: { name: 'Ada Green', email: 'ada@green.example' } },
    account: { id: 'acct-e2e-green', traits: { name: 'Greenfield Labs', tier: 'A', createdAt: new Date(now - 10 * DAY).toISOString(), contractEndAt: new Date(now + 300 * DAY).toISOString() } },
    milestones: ['project-created', 'report-shared', 'teammate-invited'],
    nps: { score: 10, comment: 'Love it' },
    csat: 5,
  },
  // Tier C, signed up 40 days ago, one of two required milestones, contract ends in 30 days, a detractor.
  // Outcome: 0.3·50 + 0.2·25 + 0.2·100 + 0.1·100 + 0.1·100 + 0.1·0 = 60; experience 0 (NPS −100 → 0);
  // health 0.8·60 + 0.2·0 = 48 → red; renewal stage; not activated by day 30, detractor, red in renewal.
  red: {
    user: { id: 'u-red-bob', traits: { name: 'Bob Red', email: 'bob@red.example' } },
    account: { id: 'acct-e2e-red', traits: { name: 'Redwood Freight', tier: 'C', createdAt: new Date(now - 40 * DAY).toISOString(), contractEndAt: new Date(now + 30 * DAY).toISOString() } },
    milestones: ['project-created'],
    nps: { score: 2, comment: 'Reports are slow & exports break' },
  },
});

const test = base.extend<object, { receiver: WebhookReceiver; collector: CollectorProcess; fixtures: FixtureServer }>({
  receiver: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads dependencies from this pattern
    async ({}, use) => {
      const receiver = await startWebhookReceiver();
      await use(receiver);
      await receiver.close();
    },
    { scope: 'worker' },
  ],
  collector: [
    async ({ receiver }, use) => {
      const collector = await startCollector({ workspaces: [healthWorkspace(receiver.url)] });
      await use(collector);
      await collector.dispose();
    },
    { scope: 'worker', timeout: 90_000 },
  ],
  fixtures: [
    // eslint-disable-next-line no-empty-pattern -- see receiver
    async ({}, use) => {
      const server = await startFixtureServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
});

/** Plays one account's story in its own browser context (own IndexedDB queue and anonymous id) through the snippet. */
async function play(browser: Browser, collector: CollectorProcess, fixtures: FixtureServer, story: Story): Promise<void> {
  const context = await browser.newContext();
  const page: Page = await context.newPage();
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.goto(fixtures.pageUrl({ collector: collector.url, init: { writeKey: 'wk_x_health', flushInterval: 200 } }));
  await waitForSdk(page);
  await page.evaluate(async (s) => {
    const cairn = window.cairn as unknown as PageCairn;
    cairn.identify(s.user.id, s.user.traits);
    cairn.group(s.account.id, s.account.traits);
    for (const milestone of s.milestones) cairn.track('Milestone Reached', { milestone });
    cairn.track('Survey Responded', { surveyId: 'nps-main', kind: 'nps', score: s.nps.score, ...(s.nps.comment ? { comment: s.nps.comment } : {}) });
    if (s.csat !== undefined) cairn.track('Survey Responded', { surveyId: 'csat-main', kind: 'csat', score: s.csat });
    await cairn.flush();
  }, story);
  expect(errors).toEqual([]);
  await context.close();
}

test('two accounts driven through the SDK show their health, band and flags in the dashboard; the detractor reaches the webhook, signed', async ({ browser, page, collector, fixtures, receiver }) => {
  test.setTimeout(120_000);
  const { green, red } = stories(Date.now());
  await play(browser, collector, fixtures, green);
  await play(browser, collector, fixtures, red);

  // Scores follow ingest within about a second; wait until both accounts carry their survey answers.
  await waitFor('both accounts to be scored with their NPS', async () => {
    const response = await fetch(`${collector.url}/v1/accounts?limit=50`, { headers: { authorization: 'Bearer sk_x_health' } });
    const list = (await response.json()) as { accounts?: { accountId: string; nps: number | null }[] };
    const scored = list.accounts?.filter((a) => a.nps !== null).map((a) => a.accountId) ?? [];
    return scored.includes(green.account.id) && scored.includes(red.account.id) ? true : undefined;
  }, { timeout: 30_000, interval: 250 });

  await page.goto(`${collector.url}/dashboard/`);
  await page.getByLabel('Secret key').fill('sk_x_health');
  await page.getByRole('button', { name: 'Sign in' }).click();

  const row = (name: string) => page.getByRole('row').filter({ has: page.getByRole('link', { name }) });
  const greenRow = row('Greenfield Labs');
  await expect(greenRow.locator('.health-value')).toHaveText('96.5');
  await expect(greenRow.locator('.band')).toHaveText('Green');
  await expect(greenRow.getByRole('cell').nth(1)).toHaveText('A');
  await expect(greenRow).toContainText('Growth');
  await expect(greenRow).toContainText('None');
  await expect(greenRow).toContainText('Activated');

  const redRow = row('Redwood Freight');
  await expect(redRow.locator('.health-value')).toHaveText('48');
  await expect(redRow.locator('.band')).toHaveText('Red');
  await expect(redRow.getByRole('cell').nth(1)).toHaveText('C');
  await expect(redRow).toContainText('Renewal');
  await expect(redRow).toContainText('Not activated');
  await expect(redRow.getByRole('list', { name: 'Risk flags' }).getByRole('listitem')).toHaveText([
    'Not activated by day 30',
    'Detractor in last 90 days',
    'Red in renewal window',
  ]);

  // The detractor (and only it: the promoter raises nothing) reached the receiver, signed with the workspace's secret.
  const delivery = await receiver.waitForRequest('the detractor webhook', (r) => r.body.includes(red.account.id));
  expect(delivery.headers['content-type']).toBe('application/json');
  expect(delivery.headers['cairn-event']).toBe('detractor');
  expect(isValidCairnSignature(delivery.headers['cairn-signature'], delivery.body, secret)).toBe(true);
  expect(isValidCairnSignature(delivery.headers['cairn-signature'], delivery.body, 'whsec_some_other_secret_00')).toBe(false);
  expect(isValidCairnSignature(delivery.headers['cairn-signature'], delivery.body.replace('slow', 'fast'), secret)).toBe(false);
  const message = JSON.parse(delivery.body) as { text: string; cairn: Record<string, unknown> };
  expect(message.text).toContain('Detractor at account *acct-e2e-red*');
  expect(message.cairn).toMatchObject({ kind: 'detractor', workspaceId: 'x-health', accountId: red.account.id, userId: red.user.id, score: 2, comment: red.nps.comment, surveyId: 'nps-main' });
  expect(receiver.requests.filter((r) => r.body.includes(green.account.id))).toEqual([]);
});
