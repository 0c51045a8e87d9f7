import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { SEARCH_DEBOUNCE_MS } from './account-filters.tsx';
import { makeAccount } from './testing/fixtures.ts';
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

const lastListQuery = () => api.requestsTo('/v1/accounts').at(-1)?.url.searchParams;
const rowOf = (name: string) => page.getByRole('row').filter({ has: page.getByRole('link', { name }) });

test('the table renders one row per account with health, band, tier, stage and readable flags', async () => {
  renderDashboard();
  await expect.element(rowOf('Globex')).toBeVisible();
  expect(page.getByRole('row').all()).toHaveLength(4); // header + 3

  const red = rowOf('Globex');
  await expect.element(red).toHaveTextContent('31.2');
  await expect.element(red.getByText('Red', { exact: true })).toBeVisible();
  await expect.element(red.getByText('Red in renewal window')).toBeVisible();
  await expect.element(red.getByText('Detractor in last 90 days')).toBeVisible();
  await expect.element(red.getByText('Renewal', { exact: true })).toBeVisible();
  await expect.element(red).toHaveTextContent('−20');

  const yellow = rowOf('Initech');
  await expect.element(yellow.getByText('Yellow', { exact: true })).toBeVisible();
  await expect.element(yellow.getByText('Not activated by day 30')).toBeVisible();
  await expect.element(yellow.getByText('Not activated', { exact: true })).toBeVisible();

  const green = rowOf('Umbrella');
  await expect.element(green.getByText('Green', { exact: true })).toBeVisible();
  await expect.element(green).toHaveTextContent('Activated in 6 d');
  await expect.element(green.getByText('None')).toBeVisible();

  expect(lastListQuery()?.get('sort')).toBe('health');
  expect(lastListQuery()?.get('limit')).toBe('50');
  expect(api.requestsTo('/v1/accounts').at(-1)?.authorization).toBe('Bearer sk_test_good');
});

test('an account without a name shows its id, linking to its page', async () => {
  api.data.accounts = [makeAccount({ accountId: 'acc/odd id', name: null })];
  renderDashboard();
  const link = page.getByRole('link', { name: 'acc/odd id' });
  await expect.element(link).toHaveAttribute('href', '#/accounts/acc%2Fodd%20id');
});

test('each filter changes the query, and the URL keeps it', async () => {
  renderDashboard();
  await expect.element(rowOf('Globex')).toBeVisible();

  await userEvent.selectOptions(page.getByLabelText('Band'), 'red');
  await expect.poll(() => lastListQuery()?.get('band')).toBe('red');
  await userEvent.selectOptions(page.getByLabelText('Tier'), 'A');
  await expect.poll(() => lastListQuery()?.get('tier')).toBe('A');
  await userEvent.selectOptions(page.getByLabelText('Stage'), 'renewal');
  await expect.poll(() => lastListQuery()?.get('stage')).toBe('renewal');
  await userEvent.selectOptions(page.getByLabelText('Flag', { exact: true }), 'Detractor in last 90 days');
  await expect.poll(() => lastListQuery()?.get('flag')).toBe('detractor_90d');
  await userEvent.fill(page.getByLabelText('Search'), 'glob');
  await expect.poll(() => lastListQuery()?.get('q'), { timeout: SEARCH_DEBOUNCE_MS + 2000 }).toBe('glob');

  expect(Object.fromEntries(lastListQuery()!)).toEqual({ band: 'red', tier: 'A', stage: 'renewal', flag: 'detractor_90d', q: 'glob', sort: 'health', limit: '50' });
  expect(location.hash).toBe('#/accounts?band=red&tier=A&stage=renewal&flag=detractor_90d&q=glob&sort=health');

  await userEvent.click(page.getByRole('button', { name: 'Clear filters' }));
  await expect.poll(() => Object.fromEntries(lastListQuery()!)).toEqual({ sort: 'health', limit: '50' });
  await expect.element(page.getByLabelText('Search')).toHaveValue('');
});

test('typing a search sends one request after the pause, not one per key', async () => {
  renderDashboard();
  await expect.element(rowOf('Globex')).toBeVisible();
  const before = api.requestsTo('/v1/accounts').length;
  await userEvent.type(page.getByLabelText('Search'), 'initech');
  await expect.poll(() => lastListQuery()?.get('q'), { timeout: SEARCH_DEBOUNCE_MS + 2000 }).toBe('initech');
  expect(api.requestsTo('/v1/accounts').length - before).toBe(1);
});

test('a filter picked while a search is still pending is kept when the search is sent', async () => {
  renderDashboard();
  await expect.element(rowOf('Globex')).toBeVisible();
  await userEvent.fill(page.getByLabelText('Search'), 'umb');
  await userEvent.selectOptions(page.getByLabelText('Band'), 'green');
  await expect.poll(() => lastListQuery()?.get('q'), { timeout: SEARCH_DEBOUNCE_MS + 2000 }).toBe('umb');
  expect(lastListQuery()?.get('band')).toBe('green');
});

test('sortable column headers change the sort and announce it', async () => {
  renderDashboard();
  const health = page.getByRole('columnheader', { name: /Health/ });
  await expect.element(health).toHaveAttribute('aria-sort', 'ascending');

  await userEvent.click(health.getByRole('button'));
  await expect.poll(() => lastListQuery()?.get('sort')).toBe('-health');
  await expect.element(health).toHaveAttribute('aria-sort', 'descending');

  await userEvent.click(page.getByRole('button', { name: /^NPS/ }));
  await expect.poll(() => lastListQuery()?.get('sort')).toBe('nps');
  await userEvent.click(page.getByRole('button', { name: /^NPS/ }));
  await expect.poll(() => lastListQuery()?.get('sort')).toBe('-nps');

  await userEvent.click(page.getByRole('button', { name: /^Active users/ }));
  await expect.poll(() => lastListQuery()?.get('sort')).toBe('-activeUsers30d');
  await userEvent.click(page.getByRole('button', { name: /^Account/ }));
  await expect.poll(() => lastListQuery()?.get('sort')).toBe('name');
  await userEvent.click(page.getByRole('button', { name: /^Last seen/ }));
  await expect.poll(() => lastListQuery()?.get('sort')).toBe('lastSeenAt');
  await expect.element(health).toHaveAttribute('aria-sort', 'none');
  expect(location.hash).toContain('sort=lastSeenAt');
});

test('pages forward with the cursor and back again', async () => {
  api.data.pages = {
    '': { accounts: [makeAccount({ accountId: 'a1', name: 'First page co' })], total: 3, next: 'c2' },
    c2: { accounts: [makeAccount({ accountId: 'a2', name: 'Second page co' })], total: 3, next: 'c3' },
    c3: { accounts: [makeAccount({ accountId: 'a3', name: 'Third page co' })], total: 3, next: null },
  };
  renderDashboard({ hash: '#/accounts?limit=1' });
  await expect.element(page.getByText('First page co')).toBeVisible();
  await expect.element(page.getByRole('button', { name: 'Previous page' })).toBeDisabled();

  await userEvent.click(page.getByRole('button', { name: 'Next page' }));
  await expect.element(page.getByText('Second page co')).toBeVisible();
  expect(lastListQuery()?.get('cursor')).toBe('c2');
  await userEvent.click(page.getByRole('button', { name: 'Next page' }));
  await expect.element(page.getByText('Third page co')).toBeVisible();
  await expect.element(page.getByText('Showing 3–3 of 3')).toBeVisible();
  await expect.element(page.getByRole('button', { name: 'Next page' })).toBeDisabled();

  await userEvent.click(page.getByRole('button', { name: 'Previous page' }));
  await expect.element(page.getByText('Second page co')).toBeVisible();
  expect(lastListQuery()?.get('cursor')).toBe('c2');

  // A new filter starts again at page one.
  await userEvent.selectOptions(page.getByLabelText('Band'), 'green');
  await expect.element(page.getByText('First page co')).toBeVisible();
  expect(lastListQuery()?.has('cursor')).toBe(false);
});

test('empty list: says no accounts yet, or that no account matches the filters', async () => {
  api.data.accounts = [];
  renderDashboard();
  await expect.element(page.getByText(/No accounts yet/)).toBeVisible();
  renderDashboard({ hash: '#/accounts?band=red' });
  await expect.element(page.getByText('No accounts match these filters. Clear a filter to see more.')).toBeVisible();
});

test('a server error shows its message and a retry that loads again', async () => {
  const { http, HttpResponse } = await import('msw');
  api.worker.use(
    http.get('/v1/accounts', () => HttpResponse.json({ error: { code: 'storage_unavailable', message: 'Failed to read accounts: storage is unavailable. Please retry shortly.' } }, { status: 503 }), {
      once: true,
    }),
  );
  renderDashboard();
  await expect.element(page.getByRole('alert')).toHaveTextContent('Failed to read accounts: storage is unavailable. Please retry shortly.');
  await userEvent.click(page.getByRole('button', { name: 'Try again' }));
  await expect.element(rowOf('Globex')).toBeVisible();
});

test('loading is announced while the list is on its way', async () => {
  const { delay, http, HttpResponse } = await import('msw');
  api.worker.use(
    http.get('/v1/accounts', async () => {
      await delay(300);
      return HttpResponse.json({ accounts: [], total: 0, next: null });
    }),
  );
  renderDashboard();
  await expect.element(page.getByRole('status').filter({ hasText: 'Loading accounts…' })).toBeVisible();
  await expect.element(page.getByText(/No accounts yet/)).toBeVisible();
});

test('CSV export fetches the filtered CSV with the key in the header and saves it as a file', async () => {
  const { download } = renderDashboard({ hash: '#/accounts?band=red&stage=renewal&q=glo&sort=-nps' });
  await userEvent.click(page.getByRole('button', { name: 'Export CSV' }));
  await expect.poll(() => download.mock.calls.length).toBe(1);

  const [request] = api.requestsTo('/v1/accounts.csv');
  expect(request?.authorization).toBe('Bearer sk_test_good');
  expect(request?.url.search).toBe('?band=red&stage=renewal&q=glo&sort=-nps');
  const [blob, filename] = download.mock.calls[0]!;
  expect(await blob.text()).toBe(api.data.csv);
  expect(filename).toMatch(/^cairn-accounts-\d{4}-\d{2}-\d{2}\.csv$/);
});

test('a failed CSV export says why', async () => {
  const { http, HttpResponse } = await import('msw');
  api.worker.use(http.get('/v1/accounts.csv', () => new HttpResponse('upstream down', { status: 502, statusText: 'Bad Gateway' })));
  const { download } = renderDashboard();
  await userEvent.click(page.getByRole('button', { name: 'Export CSV' }));
  await expect.element(page.getByRole('alert')).toHaveTextContent('Failed to export accounts: the collector answered 502 Bad Gateway. Please try again in a moment.');
  expect(download).not.toHaveBeenCalled();
});
