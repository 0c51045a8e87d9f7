import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { page } from 'vitest/browser';
import { makeAccount, makeDetail } from './testing/fixtures.ts';
import { startMockApi, type MockApi } from './testing/mock-api.ts';
import { cleanupDashboard, renderDashboard } from './testing/render-dashboard.ts';

let api: MockApi;
beforeAll(async () => {
  api = await startMockApi();
});
afterEach(async () => {
  cleanupDashboard();
  api.reset();
  await page.viewport(1280, 800);
});
afterAll(() => api.worker.stop());

const LONG = 'Aktiengesellschaft-für-Sehr-Lange-Kontonamen-Ohne-Leerzeichen-GmbH-und-Co-KG';

/** The page itself does not scroll sideways (a table may, inside its own box). */
function expectNoPageOverflow() {
  const root = document.documentElement;
  expect(root.scrollWidth).toBeLessThanOrEqual(root.clientWidth);
  expect(document.body.scrollWidth).toBeLessThanOrEqual(root.clientWidth);
}

test('phone width: the accounts list fits the page; the table scrolls in its box with the account column sticky', async () => {
  await page.viewport(375, 740);
  api.data.accounts = [makeAccount({ name: LONG }), ...api.data.accounts];
  renderDashboard();
  await expect.element(page.getByRole('link', { name: 'Globex' })).toBeVisible();
  expectNoPageOverflow();

  const scroller = page.getByRole('region', { name: 'Accounts table' }).element() as HTMLElement;
  expect(scroller.scrollWidth).toBeGreaterThan(scroller.clientWidth);
  const firstCell = page.getByRole('rowheader', { name: /Globex/ }).element() as HTMLElement;
  expect(getComputedStyle(firstCell).position).toBe('sticky');
  scroller.scrollLeft = 400;
  // The sticky account cell stays at the left edge of the scroll box.
  await expect.poll(() => Math.round(firstCell.getBoundingClientRect().left - scroller.getBoundingClientRect().left)).toBeLessThanOrEqual(1);
  // Every filter stays within the screen.
  for (const label of ['Search', 'Band', 'Tier', 'Stage']) {
    const box = page.getByLabelText(label, { exact: true }).element().getBoundingClientRect();
    expect(box.right).toBeLessThanOrEqual(document.documentElement.clientWidth);
  }
});

test('phone width: the account page fits the page, long names and the chart included', async () => {
  await page.viewport(375, 740);
  api.data.details.acc_red = makeDetail({ name: LONG });
  renderDashboard({ hash: '#/accounts/acc_red' });
  await expect.element(page.getByRole('heading', { level: 1, name: LONG })).toBeVisible();
  await expect.element(page.getByRole('img', { name: /NPS by week/ })).toBeVisible();
  expectNoPageOverflow();
  const chart = page.getByRole('img', { name: /NPS by week/ }).element().getBoundingClientRect();
  expect(chart.right).toBeLessThanOrEqual(document.documentElement.clientWidth);
});

test('1,280 px: the whole accounts table is visible without scrolling sideways', async () => {
  renderDashboard();
  await expect.element(page.getByRole('link', { name: 'Globex' })).toBeVisible();
  expectNoPageOverflow();
  const scroller = page.getByRole('region', { name: 'Accounts table' }).element() as HTMLElement;
  expect(scroller.scrollWidth).toBeLessThanOrEqual(scroller.clientWidth);
});
