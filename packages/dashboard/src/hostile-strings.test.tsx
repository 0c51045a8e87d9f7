import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { HOSTILE, makeAccount, makeDetail, sampleNps, sampleTimeline } from './testing/fixtures.ts';
import { startMockApi, type MockApi } from './testing/mock-api.ts';
import { cleanupDashboard, renderDashboard } from './testing/render-dashboard.ts';

declare global {
  interface Window {
    __cairnXss?: number;
  }
}

let api: MockApi;
beforeAll(async () => {
  api = await startMockApi();
});
afterEach(() => {
  cleanupDashboard();
  api.reset();
  delete window.__cairnXss;
});
afterAll(() => api.worker.stop());

/** No element was parsed out of a string: the markup stayed text. */
function expectNoInjectedMarkup(container: HTMLElement) {
  expect(container.querySelectorAll('img, script, iframe, [onerror]')).toHaveLength(0);
  expect(window.__cairnXss).toBeUndefined();
}

test('hostile account names and ids in the list appear as text', async () => {
  api.data.accounts = [makeAccount({ name: HOSTILE, accountId: `id-${HOSTILE}` }), makeAccount({ accountId: `<b>bold</b>`, name: null })];
  const { container } = renderDashboard();
  await expect.element(page.getByRole('link', { name: HOSTILE })).toBeVisible();
  await expect.element(page.getByText(`id-${HOSTILE}`)).toBeVisible();
  await expect.element(page.getByRole('link', { name: '<b>bold</b>' })).toBeVisible();
  expect(container.querySelector('b')).toBeNull();
  expectNoInjectedMarkup(container);
});

test('hostile strings on the account page (name, details, reasons, milestones, timeline, comments, users) appear as text', async () => {
  api.data.details.acc_red = makeDetail({
    name: HOSTILE,
    outcomeComponents: [{ key: 'activation', label: HOSTILE, value: 10, weight: 1, detail: HOSTILE }],
    flagReasons: [{ flag: 'detractor_90d', reason: HOSTILE }],
    milestones: [{ milestone: HOSTILE, reachedAt: '2026-10-01T00:00:00Z', required: true }],
    northStar: { name: HOSTILE, series: [{ weekStart: '2026-10-05', value: 3 }] },
  });
  api.data.timeline = [...sampleTimeline(), { at: '2026-10-02T00:00:00Z', kind: 'milestone', summary: HOSTILE, data: {} }];
  api.data.nps = sampleNps({ comments: [{ at: '2026-10-20T00:00:00Z', accountId: 'acc_red', userId: HOSTILE, score: 2, comment: `${HOSTILE}\n<script>window.__cairnXss=2</script>` }] });
  const { container } = renderDashboard({ hash: '#/accounts/acc_red' });

  await expect.element(page.getByRole('heading', { level: 1, name: HOSTILE })).toBeVisible();
  await expect.element(page.getByText(`${HOSTILE}\n<script>window.__cairnXss=2</script>`)).toBeVisible();
  await expect.element(page.getByRole('region', { name: 'Risk flags' })).toHaveTextContent(HOSTILE);
  await expect.element(page.getByRole('region', { name: 'Milestones and timeline' }).getByText(HOSTILE).first()).toBeVisible();
  await expect.element(page.getByRole('region', { name: 'Score breakdown' }).getByRole('row', { name: HOSTILE })).toHaveTextContent(`${HOSTILE}10100%${HOSTILE}`);
  await expect.element(page.getByRole('img', { name: new RegExp(`${HOSTILE.slice(0, 8)}`) })).toBeVisible();
  expect(container.textContent?.split(HOSTILE).length ?? 0).toBeGreaterThan(7);
  expectNoInjectedMarkup(container);
});

test('a hostile error message from the server appears as text', async () => {
  const { http, HttpResponse } = await import('msw');
  api.worker.use(http.get('/v1/accounts', () => HttpResponse.json({ error: { code: 'x', message: HOSTILE } }, { status: 500 })));
  const { container } = renderDashboard();
  await expect.element(page.getByRole('alert')).toHaveTextContent(HOSTILE);
  expectNoInjectedMarkup(container);
});

test('a hostile search term goes to the API as a query value, not into the page', async () => {
  const { container } = renderDashboard();
  await userEvent.fill(page.getByLabelText('Search'), HOSTILE);
  await userEvent.keyboard('{Enter}');
  await expect.poll(() => api.requestsTo('/v1/accounts').at(-1)?.url.searchParams.get('q')).toBe(HOSTILE);
  expectNoInjectedMarkup(container);
});

test('no source file writes HTML from strings', () => {
  const sources = import.meta.glob<string>(['./**/*.{ts,tsx}', '!./**/*.test.{ts,tsx}'], { query: '?raw', import: 'default', eager: true });
  expect(Object.keys(sources).length).toBeGreaterThan(20);
  for (const [path, text] of Object.entries(sources)) {
    expect(text, path).not.toMatch(/dangerouslySetInnerHTML|\.innerHTML|outerHTML|insertAdjacentHTML|document\.write|javascript:/);
  }
});
