// Offline: events recorded while the collector is down survive a reload and arrive exactly once.
import { repeatedMessageIds } from './harness/events-api.ts';
import { cairnLog, expect, test, waitForSdk, type PageCairn } from './harness/fixtures.ts';

test('50 events tracked while the collector is down survive a reload and are stored exactly once when it is back', async ({ page, collector, events, openFixture, pageErrors }) => {
  test.setTimeout(150_000); // includes a collector restart (PGlite start) on a busy machine
  // The bundle comes from the fixture server so the reloaded page still runs the SDK while the collector is down.
  await openFixture({ script: 'fixtures', init: { flushInterval: 200, retryBaseMs: 200, retryMaxMs: 1_000 } });
  await page.evaluate(() => (window.cairn as unknown as PageCairn).track('Warm Up'));
  await events.waitForCount(1, { event: 'Warm Up' });

  await collector.stop();
  expect(collector.lastExit, 'graceful exit on SIGTERM').toEqual({ code: 0, signal: null });

  await page.evaluate(() => {
    const cairn = window.cairn as unknown as PageCairn;
    for (let i = 0; i < 50; i += 1) cairn.track('Offline Event', { i });
  });
  // A failed delivery attempt is reported as a retryable error: the SDK tried, and kept the events.
  await expect.poll(async () => (await cairnLog(page)).error.length, { timeout: 10_000 }).toBeGreaterThan(0);

  await page.reload();
  await waitForSdk(page);
  await collector.start();

  const stored = await events.waitForCount(50, { event: 'Offline Event' }, 30_000);
  expect(stored.map((e) => e.properties?.i).sort((a, b) => Number(a) - Number(b))).toEqual(Array.from({ length: 50 }, (_, i) => i));
  expect(repeatedMessageIds(stored)).toEqual([]);
  expect(await events.list({ event: 'Warm Up' })).toHaveLength(1);
  expect(pageErrors).toEqual([]);
});
