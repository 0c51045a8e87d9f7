import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { makeDetail, sampleNps } from './testing/fixtures.ts';
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

test('clicking an account opens its page by hash route, and back returns to the filtered list', async () => {
  renderDashboard({ hash: '#/accounts?band=red&sort=health' });
  await userEvent.click(page.getByRole('link', { name: 'Globex' }));
  await expect.element(page.getByRole('heading', { level: 1, name: 'Globex' })).toBeVisible();
  expect(location.hash).toBe('#/accounts/acc_red');
  // Focus moves to the new page's heading for keyboard and screen-reader users.
  await expect.element(page.getByRole('heading', { level: 1, name: 'Globex' })).toHaveFocus();

  const requested = api.requests.map((request) => `${request.url.pathname}${request.url.search}`);
  expect(requested).toEqual(expect.arrayContaining(['/v1/accounts/acc_red', '/v1/accounts/acc_red/timeline', '/v1/surveys/results?kind=nps&accountId=acc_red']));

  await userEvent.click(page.getByRole('link', { name: '← All accounts' }));
  await expect.element(page.getByRole('heading', { name: 'Accounts' })).toBeVisible();
  expect(location.hash).toBe('#/accounts?band=red&sort=health');
});

test('the score breakdown shows the weights, both scores and every component with its detail', async () => {
  renderDashboard({ hash: '#/accounts/acc_red' });
  const breakdown = page.getByRole('region', { name: 'Score breakdown' });
  await expect.element(breakdown).toHaveTextContent('Health 45.5 = 70% × Outcome 50 + 30% × Experience 35');

  const outcome = breakdown.getByRole('table', { name: 'Outcome: 50' });
  const activation = outcome.getByRole('row', { name: /Activation/ });
  await expect.element(activation).toHaveTextContent('75');
  await expect.element(activation).toHaveTextContent('40%');
  await expect.element(activation).toHaveTextContent('3 of 4 required milestones');
  await expect.element(outcome.getByRole('row', { name: /Adoption breadth/ })).toHaveTextContent('4 of 8 milestones');

  const experience = breakdown.getByRole('table', { name: 'Experience: 35' });
  await expect.element(experience.getByRole('row', { name: /CSAT/ })).toHaveTextContent('No data (left out)');
  await expect.element(experience.getByRole('row', { name: /NPS/ })).toHaveTextContent('100%');
});

test('with no experience data the formula says health is the outcome score', async () => {
  api.data.details.acc_red = makeDetail({ experience: null, health: 50, outcome: 50, experienceComponents: [], flags: ['no_experience_data'], flagReasons: [] });
  renderDashboard({ hash: '#/accounts/acc_red' });
  await expect.element(page.getByRole('region', { name: 'Score breakdown' })).toHaveTextContent('no experience data, so health is the outcome score');
  await expect.element(page.getByRole('region', { name: 'Risk flags' }).getByText('No experience data')).toBeVisible();
});

test('flag reasons are listed in words', async () => {
  renderDashboard({ hash: '#/accounts/acc_red' });
  const flags = page.getByRole('region', { name: 'Risk flags' });
  await expect.element(flags.getByRole('listitem').filter({ hasText: 'Red in renewal window' })).toHaveTextContent('Health is red 40 days before the contract ends.');
  await expect.element(flags.getByRole('listitem').filter({ hasText: 'Detractor in last 90 days' })).toHaveTextContent('2 detractor responses in the last 90 days.');
});

test('the NPS trend is an accessible SVG chart with a data table', async () => {
  renderDashboard({ hash: '#/accounts/acc_red' });
  const section = page.getByRole('region', { name: 'NPS trend' });
  const chart = section.getByRole('img', { name: /NPS by week/ });
  await expect.element(chart).toBeVisible();
  const svg = chart.element() as SVGSVGElement;
  expect(svg.tagName.toLowerCase()).toBe('svg');
  expect(svg.querySelector('title')?.textContent).toBe('NPS by week');
  expect(svg.querySelector('desc')?.textContent).toMatch(/latest −67 .*lowest −67, highest \+25/);
  // Three weeks with data, one gap: three points and a line broken in two.
  expect(svg.querySelectorAll('circle')).toHaveLength(3);
  expect(svg.querySelector('path.chart-line')?.getAttribute('d')?.match(/M/g)).toHaveLength(2);

  await expect.element(section).toHaveTextContent('NPS −20 from 10 responses: 3 promoters, 2 passives, 5 detractors.');
  await userEvent.click(section.getByText('NPS by week: data table'));
  const table = section.getByRole('table', { name: 'NPS by week' });
  await expect.element(table).toBeVisible();
  expect(table.getByRole('row').all()).toHaveLength(5);
  await expect.element(table.getByRole('row').nth(2)).toHaveTextContent('No data');
  await expect.element(table.getByRole('row').nth(4)).toHaveTextContent('−673');
});

test('the timeline lists milestones and events newest first, and the comments are shown', async () => {
  renderDashboard({ hash: '#/accounts/acc_red' });
  const timeline = page.getByRole('region', { name: 'Milestones and timeline' });
  await expect.element(timeline.getByText('created_project', { exact: true })).toBeVisible();
  await expect.element(timeline.getByRole('listitem').filter({ hasText: 'created_project' }).getByText('Required')).toBeVisible();
  const events = timeline.getByRole('list').nth(1).getByRole('listitem');
  await expect.element(events.first()).toHaveTextContent('Band changed from yellow to red');
  await expect.element(events.last()).toHaveTextContent('Reached created_project');

  const nps = page.getByRole('region', { name: 'NPS trend' });
  await expect.element(nps.getByText('Exports keep timing out.')).toBeVisible();
  await expect.element(nps.getByText('Love the new reports!')).toBeVisible();
  await expect.element(nps.getByRole('listitem').filter({ hasText: 'Love the new reports!' })).toHaveTextContent('Anonymous user');
});

test('an account with no NPS responses says so instead of drawing an empty chart', async () => {
  api.data.nps = sampleNps({ responses: 0, score: null, distribution: {}, weekly: [], comments: [] });
  renderDashboard({ hash: '#/accounts/acc_red' });
  await expect.element(page.getByText('No NPS responses from this account yet.')).toBeVisible();
  expect(page.getByRole('img').all()).toHaveLength(0);
});

test('an unknown account shows the collector’s error; a failing section does not hide the others', async () => {
  renderDashboard({ hash: '#/accounts/acc_missing' });
  await expect.element(page.getByRole('alert').filter({ hasText: 'Failed to find the account' })).toBeVisible();

  const { http, HttpResponse } = await import('msw');
  api.worker.use(http.get('/v1/accounts/:id/timeline', () => HttpResponse.error()));
  renderDashboard({ hash: '#/accounts/acc_red' });
  await expect.element(page.getByRole('heading', { level: 1, name: 'Globex' })).toBeVisible();
  await expect
    .element(page.getByRole('region', { name: 'Milestones and timeline' }).getByRole('alert'))
    .toHaveTextContent('Failed to load the timeline: the collector could not be reached. Please check the connection and try again.');
});

test('the north-star series is drawn when the product has one', async () => {
  api.data.details.acc_red = makeDetail({
    northStar: {
      name: 'Reports shared',
      series: [
        { weekStart: '2026-10-12', value: 4 },
        { weekStart: '2026-10-19', value: 9 },
      ],
    },
  });
  renderDashboard({ hash: '#/accounts/acc_red' });
  await expect.element(page.getByRole('img', { name: /Reports shared by week/ })).toBeVisible();
});
