import { test as base, expect, type BrowserContext, type Page, type Request } from '@playwright/test';
import { startCollector, workspace, type CollectorProcess } from './collector-process.ts';
import { eventsApi, type EventsApi } from './events-api.ts';
import { startFixtureServer, type FixturePage, type FixtureServer } from './fixture-server.ts';

/** What the SDK reported through `cairn.on()` in a fixture page. */
export interface CairnLog {
  delivered: { count: number }[];
  dropped: { reason: string; count: number; status?: number; detail?: string; messageIds?: string[] }[];
  error: { message: string; status?: number; retryInMs?: number }[];
}

/** One `POST /v1/batch` the browser made, with the messageIds it carried. */
export interface SentBatch {
  at: number;
  url: string;
  messageIds: string[];
}

interface TestFixtures {
  /** The real collector, running when the test starts (see `sharedCollector`). */
  collector: CollectorProcess;
  /** `GET /v1/events` of this test's collector. */
  events: EventsApi;
  /** Uncaught exceptions of `page` (must stay empty: the SDK never throws into the host page). */
  pageErrors: Error[];
  /** Opens a fixture page with the snippet in `page`, waits until the real SDK replaced the stub. */
  openFixture: (options?: { page?: Page; collector?: string; script?: FixturePage['script']; init?: Partial<FixturePage['init']> }) => Promise<Page>;
}

interface WorkerFixtures {
  fixtureServer: FixtureServer;
  /**
   * One real collector per worker (temp port, data dir and config): a cold PGlite start takes
   * 10–25 s on this 2-core machine, too slow to pay per test. Tests stay independent by using
   * their own event names or ids; Playwright starts a fresh worker, hence a fresh collector,
   * after any failed test.
   */
  sharedCollector: CollectorProcess;
}

declare global {
  interface Window {
    /** The snippet's stub array, then the real SDK (`_real: true`). */
    cairn?: unknown;
    __cairnLog?: CairnLog;
  }
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  fixtureServer: [
    // Playwright reads a fixture's dependencies from this pattern, so it must stay an (empty) object pattern.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startFixtureServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  sharedCollector: [
    // eslint-disable-next-line no-empty-pattern -- see fixtureServer
    async ({}, use) => {
      const collector = await startCollector();
      await use(collector);
      await collector.dispose();
    },
    { scope: 'worker', timeout: 90_000 },
  ],
  collector: async ({ sharedCollector }, use, testInfo) => {
    // A test that stops the collector (offline) may fail before it restarts it.
    if (!sharedCollector.running) await sharedCollector.start();
    const from = sharedCollector.output().length;
    await use(sharedCollector);
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('collector output', { body: sharedCollector.output().slice(from), contentType: 'text/plain' });
    }
  },
  events: async ({ collector }, use) => {
    await use(eventsApi(collector.url, workspace.secretKey));
  },
  pageErrors: async ({ page }, use) => {
    const errors: Error[] = [];
    page.on('pageerror', (error) => errors.push(error));
    await use(errors);
  },
  openFixture: async ({ page, collector, fixtureServer }, use) => {
    await use(async ({ page: target = page, ...options } = {}) => {
      const url = fixtureServer.pageUrl({
        collector: options.collector ?? collector.url,
        script: options.script ?? 'collector',
        init: { writeKey: workspace.writeKey, ...options.init },
      });
      await target.goto(url);
      await waitForSdk(target);
      return target;
    });
  },
});

export { expect };

/** Waits until `cairn.js` ran and replaced the snippet's stub array. */
export async function waitForSdk(page: Page): Promise<void> {
  await page.waitForFunction(() => (window.cairn as { _real?: boolean } | undefined)?._real === true, undefined, { timeout: 10_000 });
}

/** What the SDK reported so far in a fixture page. */
export function cairnLog(page: Page): Promise<CairnLog> {
  return page.evaluate(() => window.__cairnLog ?? { delivered: [], dropped: [], error: [] });
}

/** Records every `POST …/v1/batch` the pages of `context` send, with the messageIds in each body. */
export function recordBatches(context: BrowserContext): SentBatch[] {
  const sent: SentBatch[] = [];
  context.on('request', (request: Request) => {
    if (request.method() !== 'POST' || !new URL(request.url()).pathname.endsWith('/v1/batch')) return;
    const body = request.postData();
    const batch = body ? ((JSON.parse(body) as { batch?: { messageId: string }[] }).batch ?? []) : [];
    sent.push({ at: Date.now(), url: request.url(), messageIds: batch.map((event) => event.messageId) });
  });
  return sent;
}

/** The browser's `window.cairn` as the tests call it inside `page.evaluate`. */
export type PageCairn = {
  track(event: string, properties?: Record<string, unknown>): void;
  identify(userId: string, traits?: Record<string, unknown>): void;
  group(accountId: string, traits?: Record<string, unknown>): void;
  flush(): Promise<void>;
};
