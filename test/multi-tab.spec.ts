// Three tabs of one browser profile share one queue; the Web Locks leader sends, nothing twice.
import { repeatedMessageIds } from './harness/events-api.ts';
import { expect, recordBatches, test, type PageCairn } from './harness/fixtures.ts';
import { sleep } from './harness/wait-for.ts';

test('three tabs tracking at once: every event stored exactly once and no event sent twice', async ({ context, page, events, openFixture }) => {
  const sent = recordBatches(context);
  const tabs = [page, await context.newPage(), await context.newPage()];
  const errors: Error[] = [];
  for (const tab of tabs) tab.on('pageerror', (error) => errors.push(error));
  for (const tab of tabs) await openFixture({ page: tab, init: { flushInterval: 200, flushAt: 10 } });

  await Promise.all(
    tabs.map((tab, t) =>
      tab.evaluate(async (t) => {
        const cairn = window.cairn as unknown as PageCairn;
        for (let i = 0; i < 20; i += 1) {
          cairn.track('Tab Event', { tab: t, i });
          // Interleave the tabs' writes instead of one burst per tab.
          if (i % 5 === 4) await new Promise((resolve) => setTimeout(resolve, 30));
        }
      }, t),
    ),
  );

  const stored = await events.waitForCount(60, { event: 'Tab Event' }, 30_000);
  // Give a second sender, if there were one, time to repeat itself before counting.
  await sleep(1_500);
  const final = await events.list({ event: 'Tab Event' });
  expect(final).toHaveLength(60);
  expect(repeatedMessageIds(final)).toEqual([]);
  const keys = new Set(stored.map((e) => `${e.properties?.tab}:${e.properties?.i}`));
  expect(keys.size).toBe(60);

  const sentIds = sent.flatMap((batch) => batch.messageIds);
  const tabEventIds = new Set(final.map((e) => e.messageId));
  expect(repeatedMessageIds(sentIds.map((messageId) => ({ messageId })))).toEqual([]);
  expect(sentIds.filter((id) => tabEventIds.has(id))).toHaveLength(60);
  expect(errors).toEqual([]);
});
