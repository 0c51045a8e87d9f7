// Private modes and locked-down browsers: without IndexedDB the SDK falls back to memory,
// still delivers, and never throws into the host page.
import { expect, test, type PageCairn } from './harness/fixtures.ts';

const breakages = {
  'indexedDB.open throws': () => {
    IDBFactory.prototype.open = () => {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    };
  },
  'window.indexedDB is missing': () => {
    Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
  },
};

for (const [name, breakage] of Object.entries(breakages)) {
  test(`${name}: events are still delivered and no exception reaches the page`, async ({ page, events, openFixture, pageErrors }) => {
    await page.addInitScript(breakage);
    await page.addInitScript(() => {
      const w = window as unknown as { __rejections: string[] };
      w.__rejections = [];
      addEventListener('unhandledrejection', (event) => w.__rejections.push(String(event.reason)));
    });
    await openFixture({ init: { flushInterval: 200 } });
    const event = `Private Mode Event (${name})`;
    await page.evaluate((event) => {
      const cairn = window.cairn as unknown as PageCairn;
      cairn.identify('user-private', { plan: 'free' });
      for (let i = 0; i < 5; i += 1) cairn.track(event, { i });
    }, event);

    const stored = await events.waitForCount(5, { event });
    expect(stored.map((e) => e.properties?.i)).toEqual([0, 1, 2, 3, 4]);
    expect(new Set(stored.map((e) => e.userId))).toEqual(new Set(['user-private']));
    expect(pageErrors).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __rejections: string[] }).__rejections)).toEqual([]);
  });
}
