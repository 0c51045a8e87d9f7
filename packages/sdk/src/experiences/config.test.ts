import { afterEach, expect, test, vi } from 'vitest';
import { CONFIG_KEY } from '../remote-config.ts';
import { sleep, until } from '../test-support/fake-collector.ts';
import { useEngineBench, cfg } from '../test-support/experiences.ts';

const { collector, b } = useEngineBench();

afterEach(() => {
  vi.restoreAllMocks();
});

const remote = { milestones: [{ id: 'remote', event: 'Remote Thing' }] };
const reached = (a: ReturnType<typeof b.make>) => a.named('Milestone Reached').map((p) => p.milestone);

test('the remote config is cached and revalidated with its ETag: a 304 keeps the cached copy', async () => {
  collector.served.config = remote;
  const first = b.make();
  await until(() => b.loads.length, 'the engine');
  expect(collector.gets[0]).toMatchObject({ ifNoneMatch: null, status: 200 });
  expect(collector.gets[0]!.url.searchParams.get('key')).toBe('wk_x');
  first.c.track('Remote Thing');
  await until(() => reached(first).length, 'the remote milestone');
  b.close();

  // The collector still has the same version: it answers 304 without a body.
  localStorage.removeItem('cairn_x:a:' + first.c._identity().anonymousId);
  const second = b.make();
  await until(() => b.loads.length === 2, 'the engine again');
  expect(collector.gets[1]).toMatchObject({ ifNoneMatch: '"v1"', status: 304 });
  second.c.track('Remote Thing');
  await until(() => reached(second).length, 'the cached milestone');

  // A new version replaces the cache.
  b.close();
  collector.served.config = { milestones: [{ id: 'v2', event: 'Remote Thing' }] };
  collector.served.etag = '"v2"';
  localStorage.clear();
  localStorage.setItem(CONFIG_KEY, JSON.stringify({ k: 'wk_x', e: '"v1"', c: remote }));
  const third = b.make();
  await until(() => b.loads.length === 3, 'the engine a third time');
  third.c.track('Remote Thing');
  await until(() => reached(third).length, 'the new milestone');
  expect(reached(third)).toEqual(['v2']);
  expect(JSON.parse(localStorage.getItem(CONFIG_KEY)!)).toMatchObject({ e: '"v2"' });

  // The workspace's config is gone (404): the cached one no longer applies, and nothing loads.
  b.close();
  delete collector.served.config;
  const fourth = b.make();
  await until(() => collector.gets.length === 4, 'the fourth config request');
  await sleep(100);
  expect(b.loads).toHaveLength(3);
  expect(fourth.rec.errors).toEqual([]);
});

test('offline: the cached config still applies', async () => {
  localStorage.setItem(CONFIG_KEY, JSON.stringify({ k: 'wk_x', e: '"v1"', c: remote }));
  vi.spyOn(window, 'fetch').mockRejectedValue(new TypeError('Failed to fetch'));
  const a = b.make();
  a.c.track('Remote Thing');
  await until(() => reached(a).length, 'the cached milestone');
});

test('config in init() works without a remote one and wins over it by id', async () => {
  const code = cfg({ milestones: [{ id: 'remote', event: 'Code Thing' }, { id: 'code', event: 'Other' }] });
  const alone = b.make({ experiences: code });
  alone.c.track('Code Thing');
  await until(() => reached(alone).length, 'the code milestone');
  expect(collector.gets[0]!.status).toBe(404);
  b.close();
  localStorage.clear();

  collector.served.config = { ...remote, surveys: [] };
  const merged = b.make({ experiences: code });
  merged.c.track('Remote Thing');
  merged.c.track('Code Thing');
  await until(() => reached(merged).length, 'a milestone');
  await sleep(50);
  expect(reached(merged)).toEqual(['remote']);
  expect(merged.named('Milestone Reached')).toHaveLength(1);
});

test('a page whose config is empty loads neither the engine nor the widgets', async () => {
  collector.served.config = { milestones: [], checklists: [], surveys: [] };
  const a = b.make({ experiences: {} });
  a.c.track('Anything');
  await until(() => collector.gets.length, 'the config request');
  await sleep(150);
  expect(b.loads).toEqual([]);
  expect(b.widgetRequests()).toBe(0);
});

test('a bad config is reported through the logger and on("error"), never thrown; a good one still applies', async () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  collector.served.config = remote;
  const a = b.make({ experiences: { milestones: [{ id: 'broken' }], checklists: 'nope' } as never });
  await until(() => a.rec.errors.length, 'the error');
  expect(a.rec.errors[0]).toMatch(/^Failed to load the experience config: milestones\[0\]\.event: is required; checklists: must be an array.*\. Please fix the config\.$/);
  expect(warn.mock.calls.some(([line]) => String(line).startsWith('[cairn] Failed to load the experience config'))).toBe(true);
  a.c.track('Remote Thing');
  await until(() => reached(a).length, 'the remote milestone');
});

test('unknown keys are warned about and ignored', async () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  const a = b.make({ experiences: cfg({ milestones: [{ id: 'm', event: 'E' }], future: 1 }) });
  a.c.track('E');
  await until(() => reached(a).length, 'the milestone');
  expect(a.rec.errors).toEqual([]);
  expect(warn.mock.calls.map(([l]) => String(l))).toContain('[cairn] Ignored part of the experience config: future: unknown key ignored. Please remove it or update the SDK.');
});

test('with requireConsent nothing is fetched or loaded until consent', async () => {
  collector.served.config = remote;
  const a = b.make({ requireConsent: true });
  a.c.track('Remote Thing');
  await sleep(150);
  expect(collector.gets).toEqual([]);
  expect(b.loads).toEqual([]);
  a.c.consent(true);
  await until(() => reached(a).length, 'the milestone after consent');
});

test('consent withdrawn: the engine stops and deletes the progress it stored', async () => {
  const a = b.make({ headless: true, experiences: cfg({ milestones: [{ id: 'm', event: 'E' }], surveys: [{ id: 'nps', kind: 'nps', target: { url: '/later/*' } }] }) });
  a.c.track('E');
  await until(() => reached(a).length, 'the milestone');
  expect(Object.keys(localStorage).some((k) => k.startsWith('cairn_x:'))).toBe(true);
  a.c.consent(false);
  expect(Object.keys(localStorage).filter((k) => k.startsWith('cairn_x:'))).toEqual([]);
  // A navigation the engine would otherwise react to (the core records nothing once denied).
  const back = location.pathname + location.search;
  history.pushState(null, '', '/later/page');
  await sleep(150);
  history.replaceState(null, '', back);
  expect(a.rec.surveys).toEqual([]);
});
