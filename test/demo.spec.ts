// The demo app as a vendor ships it: served by the collector at /demo/, Cairn embedded with the snippet.
import { demoWorkspace } from './harness/collector-process.ts';
import { eventsApi } from './harness/events-api.ts';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, waitForSdk, type PageCairn } from './harness/fixtures.ts';

const HOUR = 3_600_000;

test('demo page: stub calls replay in order, events carry userId, groupId, one anonymousId and skew-corrected timestamps', async ({ page, collector, pageErrors }) => {
  // Hold cairn.js until the app and the test have made their calls, so they all land in the stub.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(`${collector.url}/cairn.js`, async (route) => {
    await held;
    await route.continue();
  });
  // The browser's clock runs an hour fast; the collector must correct it from sentAt.
  await page.clock.install({ time: Date.now() + HOUR });

  // Not 'load': that waits for the held async script.
  await page.goto(`${collector.url}/demo/`, { waitUntil: 'domcontentloaded' });
  await expect(page.getByTestId('projects-view')).toBeVisible();
  expect(await page.evaluate(() => Array.isArray(window.cairn))).toBe(true);
  await page.evaluate(() => {
    const cairn = window.cairn as unknown as PageCairn;
    cairn.track('Stub Call', { n: 1 });
    cairn.track('Stub Call', { n: 2 });
  });
  release();
  await waitForSdk(page);

  await page.getByTestId('new-project-name').fill('Customer portal');
  await page.getByTestId('create-project').click();
  await expect(page.getByTestId('board-view')).toBeVisible();
  await expect(page).toHaveURL(/\/demo\/projects\/customer-portal$/);
  await page.getByTestId('new-task-title').fill('Write the brief');
  await page.getByTestId('create-task').click();
  await page.getByTestId('start-t5').click();
  await page.getByTestId('complete-t5').click();
  await expect(page.getByTestId('column-done').getByText('Write the brief')).toBeVisible();
  await page.getByTestId('share-report').click();
  await page.getByTestId('nav-team').click();
  await page.getByTestId('invite-email').fill('lin@northwind.example');
  await page.getByTestId('invite-submit').click();
  await expect(page.getByTestId('member-lin@northwind.example')).toBeVisible();
  await expect(page.getByTestId('notice')).toHaveText('Invitation sent to lin@northwind.example.');
  await page.evaluate(() => (window.cairn as unknown as PageCairn).flush());

  const expected = [
    'identify',
    'group',
    'page',
    'track:Stub Call',
    'track:Stub Call',
    'track:Project Created',
    'page',
    'track:Task Created',
    'track:Task Completed',
    'track:Report Shared',
    'page',
    'track:Teammate Invited',
  ];
  const stored = await eventsApi(collector.url, demoWorkspace.secretKey).waitForCount(expected.length);
  expect(stored.map((e) => (e.type === 'track' ? `track:${e.event}` : e.type))).toEqual(expected);
  expect(stored.filter((e) => e.event === 'Stub Call').map((e) => e.properties?.n)).toEqual([1, 2]);

  expect(new Set(stored.map((e) => e.userId))).toEqual(new Set(['user_ada']));
  expect(stored[0]?.traits).toMatchObject({ name: 'Ada Lovelace', email: 'ada@northwind.example', createdAt: '2026-10-02T09:00:00.000Z' });
  expect(stored[1]).toMatchObject({ groupId: 'acct_northwind', traits: { name: 'Northwind Traders', plan: 'growth', tier: 'B' } });
  expect(new Set(stored.slice(1).map((e) => e.groupId))).toEqual(new Set(['acct_northwind']));
  const anonymousIds = new Set(stored.map((e) => e.anonymousId));
  expect(anonymousIds.size).toBe(1);
  expect([...anonymousIds][0]).toMatch(/\S{8,}/);

  for (const event of stored) {
    const skew = Date.parse(event.receivedAt) - Date.parse(event.timestamp);
    // Without correction the stored time would be an hour ahead of receipt.
    expect(Math.abs(skew), `${event.type} ${event.event ?? ''} stored ${event.timestamp}, received ${event.receivedAt}`).toBeLessThan(30_000);
  }
  expect(stored.filter((e) => e.type === 'page').map((e) => e.properties?.path)).toEqual(['/demo/', '/demo/projects/customer-portal', '/demo/team']);
  expect(pageErrors).toEqual([]);
});

test('demo screens have no serious or critical accessibility violations (axe)', async ({ page, collector }) => {
  await page.goto(`${collector.url}/demo/`);
  for (const [nav, view] of [['nav-projects', 'projects-view'], ['nav-team', 'team-view'], ['nav-settings', 'settings-view']] as const) {
    await page.getByTestId(nav).click();
    await expect(page.getByTestId(view)).toBeVisible();
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${view}: ${v.id}`)).toEqual([]);
  }
  await page.getByTestId('nav-projects').click();
  await page.getByTestId('project-website-relaunch').getByRole('link').click();
  await expect(page.getByTestId('board-view')).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `board-view: ${v.id}`)).toEqual([]);
});
