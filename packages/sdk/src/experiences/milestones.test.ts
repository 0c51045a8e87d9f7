import { expect, test } from 'vitest';
import { sleep, until } from '../test-support/fake-collector.ts';
import { useEngineBench, cfg, daysAgo } from '../test-support/experiences.ts';

const { collector, b } = useEngineBench();

const milestones = cfg({
  milestones: [
    { id: 'report', event: 'Report Created', count: 2 },
    { id: 'shared', event: 'Report Shared', where: { channel: 'email' }, required: true },
    { id: 'invited', event: 'Teammate Invited', required: true },
  ],
});

test('a milestone is emitted once per user, after `count` matching events, even after a reload', async () => {
  collector.served.state = { u1: { milestones: {}, checklists: {}, surveys: {} } };
  const a = b.make({ experiences: milestones });
  a.c.identify('u1');
  a.c.track('Report Created');
  await until(() => b.loads.length, 'the engine');
  await sleep(50);
  expect(a.named('Milestone Reached')).toEqual([]);
  a.c.track('Report Created');
  a.c.track('Report Created');
  await until(() => a.named('Milestone Reached').length, 'Milestone Reached');
  await sleep(50);
  expect(a.named('Milestone Reached')).toEqual([{ milestone: 'report' }]);
  // Only the user's requests for state, never for widgets: milestones alone draw nothing.
  expect(b.widgetRequests()).toBe(0);
  expect(b.loads.map((u) => new URL(u).pathname)).toEqual(['/cairn-experiences.js']);

  b.close();
  const reload = b.make({ experiences: milestones });
  reload.c.identify('u1');
  reload.c.track('Report Created');
  await until(() => b.loads.length === 2, 'the engine again');
  await sleep(100);
  expect(reload.named('Milestone Reached')).toEqual([]);
});

test('events before the engine loaded count, and the property match decides', async () => {
  const a = b.make({ experiences: milestones });
  // Recorded synchronously after init, long before the config and the engine arrive.
  a.c.track('Report Shared', { channel: 'slack' });
  a.c.track('Report Shared', { channel: 'email' });
  await until(() => a.named('Milestone Reached').length, 'Milestone Reached');
  await sleep(50);
  expect(a.named('Milestone Reached')).toEqual([{ milestone: 'shared' }]);
});

test('a milestone the collector already has (another device) is not emitted again', async () => {
  collector.served.state = { u2: { milestones: { invited: daysAgo(2) }, checklists: {}, surveys: {} } };
  const a = b.make({ experiences: milestones });
  a.c.identify('u2');
  a.c.track('Teammate Invited');
  await until(() => collector.gets.some((g) => g.url.pathname === '/v1/state'), 'the state request');
  await sleep(150);
  expect(a.named('Milestone Reached')).toEqual([]);
  const state = collector.gets.find((g) => g.url.pathname === '/v1/state')!.url.searchParams;
  expect([state.get('key'), state.get('userId')]).toEqual(['wk_x', 'u2']);
});

test('activation: the last required milestone carries activated and time to value from the signup trait', async () => {
  const a = b.make({ experiences: milestones });
  a.c.identify('u3', { createdAt: daysAgo(3) });
  a.c.track('Teammate Invited');
  await until(() => a.named('Milestone Reached').length === 1, 'the first milestone');
  expect(a.rec.activated).toEqual([]);
  a.c.track('Report Shared', { channel: 'email' });
  await until(() => a.rec.activated.length, 'activation');
  const last = a.named('Milestone Reached')[1]!;
  expect(last).toMatchObject({ milestone: 'shared', activated: true });
  expect(last.timeToValueDays).toBeCloseTo(3, 1);
  expect(a.rec.activated[0]!.timeToValueDays).toBeCloseTo(3, 1);
  expect(Date.parse(a.rec.activated[0]!.at)).toBeGreaterThan(Date.now() - 5000);
});

test("time to value falls back to the account's signup trait", async () => {
  const a = b.make({ experiences: cfg({ milestones: [{ id: 'm', event: 'Done', required: true }] }) });
  a.c.group('acme', { createdAt: daysAgo(10) });
  a.c.track('Done');
  await until(() => a.rec.activated.length, 'activation');
  expect(a.rec.activated[0]!.timeToValueDays).toBeCloseTo(10, 1);
});

test('Milestone Reached goes through the normal delivery path', async () => {
  const a = b.make({ experiences: milestones });
  a.c.track('Teammate Invited');
  await until(() => a.named('Milestone Reached').length, 'Milestone Reached');
  await a.c.flush();
  await until(() => collector.events().some((e) => e.event === 'Milestone Reached'), 'delivery');
  expect(collector.events().find((e) => e.event === 'Milestone Reached')!.properties).toEqual({ milestone: 'invited' });
});
