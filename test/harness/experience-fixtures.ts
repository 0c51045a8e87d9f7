import type { BrowserContext, Locator, Page } from '@playwright/test';
import { startCollector } from './collector-process.ts';
import { eventsApi, type EventsApi } from './events-api.ts';
import { startExperiencePageServer, type ExperiencePage, type ExperiencePageServer } from './experience-pages.ts';
import { demoExperiences, experienceWorkspaces } from './experience-workspaces.ts';
import { test as base, expect, waitForSdk } from './fixtures.ts';

interface ExperienceFixtures {
  /** Opens an experiences host page in `page` (or another tab) and waits for the real SDK. */
  openPage: (options: Omit<ExperiencePage, 'collector'> & { page?: Page; path?: string }) => Promise<Page>;
  /** `GET /v1/events` of one workspace of the suite's collector, by its secret key. */
  eventsOf: (workspace: { secretKey: string }) => EventsApi;
}

interface ExperienceWorkerFixtures {
  pageServer: ExperiencePageServer;
}

/**
 * The fixtures of `fixtures.ts` with a collector whose temp config carries experiences: the
 * suite's workspaces (`experience-workspaces.ts`) and the demo workspace's `experiences` from the
 * repo's cairn.config.json. Overriding the worker fixture gives these specs their own worker,
 * so the other specs keep a collector without experiences.
 */
export const test = base.extend<ExperienceFixtures, ExperienceWorkerFixtures>({
  sharedCollector: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads dependencies from this pattern
    async ({}, use) => {
      const experiences = demoExperiences();
      const collector = await startCollector({ demo: experiences ? { experiences } : {}, workspaces: experienceWorkspaces });
      await use(collector);
      await collector.dispose();
    },
    { scope: 'worker', timeout: 90_000 },
  ],
  pageServer: [
    // eslint-disable-next-line no-empty-pattern -- see sharedCollector
    async ({}, use) => {
      const server = await startExperiencePageServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  openPage: async ({ page, collector, pageServer }, use) => {
    await use(async ({ page: target = page, path, init, ...options }) => {
      // Short flush interval: the specs read what the collector stored.
      await target.goto(pageServer.pageUrl({ collector: collector.url, init: { flushInterval: 300, ...init }, ...options }, path));
      await waitForSdk(target);
      return target;
    });
  },
  eventsOf: async ({ collector }, use) => {
    await use((workspace) => eventsApi(collector.url, workspace.secretKey));
  },
});

export { expect };

/** The element that holds the widgets' shadow root (Playwright's locators pierce open shadow roots). */
export function widgetsHost(page: Page): Locator {
  return page.locator('cairn-widgets');
}

/** The survey prompt (a non-modal dialog). */
export function surveyDialog(page: Page): Locator {
  return widgetsHost(page).getByRole('dialog');
}

/** The checklist launcher or minimised button. */
export function checklistLauncher(page: Page): Locator {
  return widgetsHost(page).locator('button.launcher');
}

/** The open checklist panel. */
export function checklistPanel(page: Page): Locator {
  return widgetsHost(page).locator('section.checklist');
}

/** Step rows of the open checklist marked done. */
export function doneSteps(page: Page): Locator {
  return checklistPanel(page).locator('li.step[data-done]');
}

/** Opens the checklist panel if only the launcher is drawn. */
export async function openChecklist(page: Page): Promise<Locator> {
  const panel = checklistPanel(page);
  await expect(panel.or(checklistLauncher(page))).toBeVisible();
  if (!(await panel.isVisible())) await checklistLauncher(page).click();
  await expect(panel).toBeVisible();
  return panel;
}

/** Every request of `context` whose path ends with one of the lazy chunks, by chunk name. */
export function recordChunkRequests(context: BrowserContext): { widgets: string[]; experiences: string[] } {
  const seen = { widgets: [] as string[], experiences: [] as string[] };
  context.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.endsWith('/cairn-widgets.js')) seen.widgets.push(request.url());
    if (pathname.endsWith('/cairn-experiences.js')) seen.experiences.push(request.url());
  });
  return seen;
}

/** The browser's `window.cairn` as the specs call it inside `page.evaluate`. */
export type ExperienceCairn = {
  track(event: string, properties?: Record<string, unknown>): void;
  identify(userId: string, traits?: Record<string, unknown>): void;
  flush(): Promise<void>;
};

/** Tracks `event` in the page and sends it at once. */
export async function trackNow(page: Page, event: string, properties: Record<string, unknown> = {}): Promise<void> {
  await page.evaluate(
    async ([name, props]) => {
      const cairn = window.cairn as unknown as ExperienceCairn;
      cairn.track(name, props);
      await cairn.flush();
    },
    [event, properties] as const,
  );
}

/** A user id no other test (or earlier run against the same data) uses. */
export function freshUserId(label: string): string {
  return `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
