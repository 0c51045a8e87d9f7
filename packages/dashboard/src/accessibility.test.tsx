import axe from 'axe-core';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { startMockApi, type MockApi } from './testing/mock-api.ts';
import { cleanupDashboard, renderDashboard } from './testing/render-dashboard.ts';

let api: MockApi;
beforeAll(async () => {
  api = await startMockApi();
});
afterEach(() => {
  cleanupDashboard();
  api.reset();
});
afterAll(() => api.worker.stop());

async function violations(container: HTMLElement) {
  const results = await axe.run(container, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'], rules: { region: { enabled: false } } });
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

test('axe finds no WCAG 2.1 AA violations on the sign-in form, the list and the account page', async () => {
  let { container } = renderDashboard({ key: null });
  await expect.element(page.getByLabelText('Secret key')).toBeVisible();
  expect(await violations(container)).toEqual([]);

  ({ container } = renderDashboard());
  await expect.element(page.getByRole('link', { name: 'Globex' })).toBeVisible();
  expect(await violations(container)).toEqual([]);

  ({ container } = renderDashboard({ hash: '#/accounts/acc_red' }));
  await expect.element(page.getByRole('img', { name: /NPS by week/ })).toBeVisible();
  await expect.element(page.getByText('Band changed from yellow to red')).toBeVisible();
  expect(await violations(container)).toEqual([]);
});

test('keyboard only: filter, sort and open an account', async () => {
  renderDashboard();
  await expect.element(page.getByRole('link', { name: 'Globex' })).toBeVisible();

  page.getByLabelText('Search').element().focus();
  await userEvent.keyboard('{Tab}');
  expect(document.activeElement).toBe(page.getByLabelText('Band').element());
  await userEvent.keyboard('{ArrowDown}');
  await expect.poll(() => api.requestsTo('/v1/accounts').at(-1)?.url.searchParams.get('band')).toBe('red');

  const sortHealth = page.getByRole('button', { name: /^Health/ });
  await expect.element(sortHealth).toBeVisible();
  (sortHealth.element() as HTMLElement).focus();
  await userEvent.keyboard('{Enter}');
  await expect.poll(() => api.requestsTo('/v1/accounts').at(-1)?.url.searchParams.get('sort')).toBe('-health');
  // The rows stay while the new order loads, so focus stays on the header just used.
  await expect.element(page.getByRole('columnheader', { name: /Health/ })).toHaveAttribute('aria-sort', 'descending');
  await expect.element(page.getByRole('button', { name: /^Health/ })).toHaveFocus();

  await expect.element(page.getByRole('link', { name: 'Globex' })).toBeVisible();
  (page.getByRole('link', { name: 'Globex' }).element() as HTMLElement).focus();
  await userEvent.keyboard('{Enter}');
  await expect.element(page.getByRole('heading', { level: 1, name: 'Globex' })).toHaveFocus();
});
