import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { SESSION_STORAGE_KEY } from './session.ts';
import { BAD_KEY_MESSAGE } from './sign-in.tsx';
import { GOOD_KEY, startMockApi, type MockApi } from './testing/mock-api.ts';
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

test('a bad key shows the error and is not kept', async () => {
  renderDashboard({ key: null });
  await userEvent.fill(page.getByLabelText('Secret key'), 'sk_wrong');
  await userEvent.click(page.getByRole('button', { name: 'Sign in' }));

  await expect.element(page.getByRole('alert')).toHaveTextContent(BAD_KEY_MESSAGE);
  expect(api.requestsTo('/v1/accounts').at(-1)?.authorization).toBe('Bearer sk_wrong');
  expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
  await expect.element(page.getByLabelText('Secret key')).toHaveAttribute('aria-invalid', 'true');
});

test('an empty key is refused without a request', async () => {
  renderDashboard({ key: null });
  await userEvent.click(page.getByRole('button', { name: 'Sign in' }));
  await expect.element(page.getByRole('alert')).toHaveTextContent('the key is empty');
  expect(api.requests).toHaveLength(0);
});

test('a good key signs in: kept in sessionStorage, never in the URL, then the accounts load', async () => {
  renderDashboard({ key: null });
  await userEvent.fill(page.getByLabelText('Secret key'), GOOD_KEY);
  await userEvent.keyboard('{Enter}');

  await expect.element(page.getByRole('heading', { name: 'Accounts' })).toBeVisible();
  await expect.element(page.getByRole('link', { name: 'Globex' })).toBeVisible();
  expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBe(GOOD_KEY);
  expect(location.href).not.toContain(GOOD_KEY);
  for (const request of api.requests) expect(request.url.href).not.toContain(GOOD_KEY);
});

test('sign out forgets the key and shows the form again', async () => {
  renderDashboard();
  await userEvent.click(page.getByRole('button', { name: 'Sign out' }));
  await expect.element(page.getByLabelText('Secret key')).toBeVisible();
  expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
});

test('a key the collector stops accepting signs out with a notice', async () => {
  renderDashboard({ key: 'sk_revoked' });
  await expect.element(page.getByRole('status').filter({ hasText: 'no longer accepts' })).toBeVisible();
  await expect.element(page.getByLabelText('Secret key')).toBeVisible();
  expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
});
