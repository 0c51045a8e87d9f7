// Delivery answers from the collector: retry on 503 and 429 (honouring Retry-After), drop on 400.
// page.route() answers the first request itself and passes every later one to the real collector.
import type { Route } from '@playwright/test';
import { cairnLog, expect, test, type PageCairn } from './harness/fixtures.ts';

/** A collector-like error answer the browser can read cross-origin (status and Retry-After). */
function fulfillError(route: Route, status: number, code: string, headers: Record<string, string> = {}) {
  return route.fulfill({
    status,
    contentType: 'application/json',
    headers: { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'Retry-After', ...headers },
    body: JSON.stringify({ error: { code, message: `Failed to ingest: injected ${status} by the test. Please retry.` } }),
  });
}

const messageIdsOf = (route: Route) => ((route.request().postDataJSON() as { batch: { messageId: string }[] }).batch ?? []).map((e) => e.messageId);

test('503 then 200: the batch is retried and stored once', async ({ page, collector, events, openFixture }) => {
  const attempts: string[][] = [];
  await page.route(`${collector.url}/v1/batch`, async (route) => {
    attempts.push(messageIdsOf(route));
    if (attempts.length === 1) await fulfillError(route, 503, 'storage_unavailable');
    else await route.continue();
  });
  await openFixture({ init: { flushInterval: 100, retryBaseMs: 100, retryMaxMs: 500 } });
  await page.evaluate(() => (window.cairn as unknown as PageCairn).track('After 503'));

  const [stored] = await events.waitForCount(1, { event: 'After 503' });
  expect(attempts.length).toBeGreaterThanOrEqual(2);
  expect(attempts[0]).toEqual([stored?.messageId]);
  expect(attempts[1]).toContain(stored?.messageId);
  await page.evaluate(() => (window.cairn as unknown as PageCairn).flush());
  expect(await events.list({ event: 'After 503' })).toHaveLength(1);
});

test('429 with Retry-After: 2 makes the retry wait at least 2 s, then the event is stored once', async ({ page, collector, events, openFixture }) => {
  const times: { answered?: number; arrived: number }[] = [];
  await page.route(`${collector.url}/v1/batch`, async (route) => {
    const attempt: { answered?: number; arrived: number } = { arrived: Date.now() };
    times.push(attempt);
    if (times.length === 1) {
      attempt.answered = Date.now();
      await fulfillError(route, 429, 'rate_limited', { 'retry-after': '2' });
    } else await route.continue();
  });
  // Backoff alone would retry after ≤ 100 ms; only Retry-After explains a 2 s wait.
  await openFixture({ init: { flushInterval: 100, retryBaseMs: 50, retryMaxMs: 100 } });
  await page.evaluate(() => (window.cairn as unknown as PageCairn).track('After 429'));

  await events.waitForCount(1, { event: 'After 429' });
  expect(times.length).toBeGreaterThanOrEqual(2);
  const waited = times[1]!.arrived - times[0]!.answered!;
  expect(waited).toBeGreaterThanOrEqual(2_000);
  expect(await events.list({ event: 'After 429' })).toHaveLength(1);
});

test('400: the batch is dropped, reported through on("dropped"), and later events still flow', async ({ page, collector, events, openFixture }) => {
  let attempts = 0;
  await page.route(`${collector.url}/v1/batch`, async (route) => {
    attempts += 1;
    await fulfillError(route, 400, 'invalid_json');
  });
  await openFixture({ init: { flushInterval: 100, retryBaseMs: 100, retryMaxMs: 500 } });
  await page.evaluate(() => (window.cairn as unknown as PageCairn).track('Doomed'));

  await expect.poll(async () => (await cairnLog(page)).dropped, { timeout: 10_000 }).toContainEqual(
    expect.objectContaining({ reason: 'client_error', status: 400, count: 1 }),
  );
  expect(attempts).toBe(1);

  await page.unroute(`${collector.url}/v1/batch`);
  await page.evaluate(() => (window.cairn as unknown as PageCairn).track('After Drop'));
  await events.waitForCount(1, { event: 'After Drop' });
  expect(await events.list({ event: 'Doomed' })).toEqual([]);
  expect(attempts).toBe(1);
});
