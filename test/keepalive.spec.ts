// Closing the page right after track(): the pagehide flush with fetch(keepalive) delivers it.
import { expect, test, type PageCairn } from './harness/fixtures.ts';

test('an event tracked right before the page closes still arrives', async ({ page, events, openFixture }) => {
  // No timer-driven flush could send it before the page is gone.
  await openFixture({ init: { flushInterval: 600_000, flushAt: 1_000 } });
  await page.evaluate(() => (window.cairn as unknown as PageCairn).track('Closing Time', { tab: 'closing' }));
  const closed = new Promise((resolve) => page.once('close', resolve));
  await page.close({ runBeforeUnload: true });
  await closed;

  const [stored] = await events.waitForCount(1, { event: 'Closing Time' });
  expect(stored?.properties).toMatchObject({ tab: 'closing' });
});
