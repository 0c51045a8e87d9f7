import type { Survey, Targeting } from '@cairn/protocol';
import { afterEach, describe, expect, test } from 'vitest';
import { sleep, until } from '../test-support/fake-collector.ts';
import { useEngineBench, cfg, daysAgo } from '../test-support/experiences.ts';

const { collector, b } = useEngineBench();
const startPath = location.pathname + location.search;

afterEach(() => {
  history.replaceState(null, '', startPath);
});

const nps = (target?: Targeting, extra: Partial<Survey> = {}): Survey => ({ id: 'nps', kind: 'nps', ...(target ? { target } : {}), ...extra });
/** A headless client with one survey; `settle` waits long enough for a prompt that would show. */
function headless(surveys: Survey[], throttle = { globalDays: 0, snoozeDays: 0 }, extra: Record<string, unknown> = {}) {
  return b.make({ headless: true, experiences: cfg({ surveys, throttle, milestones: [{ id: 'm1', event: 'Key Action', required: true }], ...extra }) });
}
const settle = () => sleep(150);
const shownIds = (a: ReturnType<typeof b.make>) => a.rec.surveys.map((s) => s.survey.id);

describe('targeting', () => {
  test('event: shown only after the user tracked it', async () => {
    const a = headless([nps({ event: 'Report Shared' })]);
    a.c.track('Report Viewed');
    await settle();
    expect(shownIds(a)).toEqual([]);
    a.c.track('Report Shared');
    await until(() => a.rec.surveys.length, 'the survey');
    expect(a.rec.surveys[0]!.survey).toMatchObject({ id: 'nps', kind: 'nps' });
    expect(a.named('Survey Shown')).toEqual([{ surveyId: 'nps', kind: 'nps' }]);
  });

  test('url: a glob over the path, re-checked on SPA navigation', async () => {
    const a = headless([nps({ url: '/app/reports/*' })]);
    a.c.track('Anything');
    await settle();
    expect(shownIds(a)).toEqual([]);
    history.pushState(null, '', '/app/settings');
    await settle();
    expect(shownIds(a)).toEqual([]);
    history.pushState(null, '', '/app/reports/42?tab=1');
    await until(() => a.rec.surveys.length, 'the survey after navigation');
  });

  test('days since signup: within the bounds only, and never without a signup date', async () => {
    const a = headless([nps({ minDaysSinceSignup: 7, maxDaysSinceSignup: 30 })]);
    a.c.track('Anything');
    await settle();
    expect(shownIds(a)).toEqual([]);
    a.c.identify('u1', { createdAt: daysAgo(3) });
    await settle();
    expect(shownIds(a)).toEqual([]);
    a.c.identify('u1', { createdAt: daysAgo(40) });
    await settle();
    expect(shownIds(a)).toEqual([]);
    a.c.identify('u1', { createdAt: daysAgo(10) });
    await until(() => a.rec.surveys.length, 'the survey at day 10');
  });

  test('user and account traits, with "any of" lists', async () => {
    const a = headless([nps({ userTraits: { role: ['admin', 'owner'] }, accountTraits: { plan: 'pro' } })]);
    a.c.identify('u1', { role: 'admin' });
    a.c.group('acme', { plan: 'free' });
    await settle();
    expect(shownIds(a)).toEqual([]);
    a.c.identify('u1', { role: 'viewer' });
    a.c.group('acme', { plan: 'pro' });
    await settle();
    expect(shownIds(a)).toEqual([]);
    a.c.identify('u1', { role: 'owner' });
    await until(() => a.rec.surveys.length, 'the survey');
  });

  test('stage: from the stage trait, else computed from signup and activation', async () => {
    const a = headless([nps({ stage: ['growth', 'active'] })]);
    a.c.identify('u1', { createdAt: daysAgo(2) });
    await settle();
    expect(shownIds(a), 'a new user is onboarding').toEqual([]);
    a.c.track('Key Action');
    await until(() => a.rec.surveys.length, 'the survey once activated (every milestone: active)');
    b.close();

    const c = headless([nps({ stage: ['renewal'] })]);
    c.c.identify('u2', { createdAt: daysAgo(400) });
    c.c.group('acme', { stage: 'growth' });
    await settle();
    expect(shownIds(c)).toEqual([]);
    c.c.group('acme', { stage: 'renewal' });
    await until(() => c.rec.surveys.length, 'the survey in renewal (trait)');
  });

  test('sampling: deterministic per user and survey', async () => {
    const none = headless([nps(undefined, { sample: 0 })]);
    none.c.identify('u1');
    await settle();
    expect(shownIds(none)).toEqual([]);
    b.close();
    localStorage.clear();
    const all = headless([nps(undefined, { sample: 100 })]);
    all.c.identify('u1');
    await until(() => all.rec.surveys.length, 'the survey at 100 %');
  });

  test('delay: shown after delaySeconds, and not when the targeting stops holding meanwhile', async () => {
    const a = headless([nps({ url: '/app/*' }, { delaySeconds: 0.4 })]);
    history.pushState(null, '', '/app/home');
    await sleep(200);
    expect(shownIds(a)).toEqual([]);
    await until(() => a.rec.surveys.length, 'the delayed survey');
    b.close();
    localStorage.clear();

    const c = headless([nps({ url: '/app/*' }, { delaySeconds: 0.3 })]);
    history.pushState(null, '', '/app/home');
    await sleep(100);
    history.pushState(null, '', '/elsewhere');
    await sleep(500);
    expect(shownIds(c)).toEqual([]);
  });
});

describe('restraint', () => {
  test('recontact days: not within them after an answer (from the server state), again after', async () => {
    collector.served.state = { u1: { surveys: { nps: { shownAt: daysAgo(20), respondedAt: daysAgo(20) } } }, u2: { surveys: { nps: { shownAt: daysAgo(40), respondedAt: daysAgo(40) } } } };
    const a = headless([nps(undefined, { recontactDays: 30 })]);
    a.c.identify('u1');
    await settle();
    expect(shownIds(a)).toEqual([]);
    b.close();
    const c = headless([nps(undefined, { recontactDays: 30 })]);
    c.c.identify('u2');
    await until(() => c.rec.surveys.length, 'the survey after 40 days');
  });

  test('global cap: at most one prompt per globalDays across surveys', async () => {
    const surveys = [nps({ event: 'A' }), { id: 'csat', kind: 'csat' as const, target: { event: 'B' } }];
    const a = headless(surveys, { globalDays: 14, snoozeDays: 0 });
    a.c.identify('u1');
    a.c.track('A');
    await until(() => a.rec.surveys.length, 'the first survey');
    a.c.respond('nps', 10);
    a.c.track('B');
    await settle();
    expect(shownIds(a)).toEqual(['nps']);
    b.close();
    collector.served.state = { u2: { lastPromptAt: daysAgo(15), surveys: {} } };
    const c = headless(surveys, { globalDays: 14, snoozeDays: 0 });
    c.c.identify('u2');
    c.c.track('B');
    await until(() => c.rec.surveys.length, 'a survey 15 days after the last prompt');
    expect(shownIds(c)).toEqual(['csat']);
  });

  test('a dismissed prompt snoozes for snoozeDays', async () => {
    const a = headless([nps({ event: 'A' }, { recontactDays: 0 })], { globalDays: 0, snoozeDays: 7 });
    a.c.identify('u1');
    a.c.track('A');
    await until(() => a.rec.surveys.length, 'the survey');
    a.c.dismiss('nps');
    expect(a.named('Survey Dismissed')).toEqual([{ surveyId: 'nps', kind: 'nps' }]);
    a.c.track('A');
    await settle();
    expect(shownIds(a)).toEqual(['nps']);
    b.close();
    // Eight days later (as the collector remembers it).
    localStorage.clear();
    collector.served.state = { u1: { surveys: { nps: { shownAt: daysAgo(8), dismissedAt: daysAgo(8) } } } };
    const c = headless([nps({ event: 'A' }, { recontactDays: 0 })], { globalDays: 0, snoozeDays: 7 });
    c.c.identify('u1');
    c.c.track('A');
    await until(() => c.rec.surveys.length, 'the survey after the snooze');
  });

  test('never two prompts at once', async () => {
    const a = headless([nps(), { id: 'ces', kind: 'ces' }]);
    a.c.track('X');
    await until(() => a.rec.surveys.length, 'a survey');
    a.c.track('Y');
    await settle();
    expect(shownIds(a)).toEqual(['nps']);
    a.c.respond('nps', 8);
    a.c.track('Z');
    await until(() => a.rec.surveys.length === 2, 'the next survey once the first is answered');
    expect(shownIds(a)).toEqual(['nps', 'ces']);
  });

  test('two tabs (clients) of one user: only one shows the prompt', async () => {
    const one = headless([nps({ event: 'Go' })]);
    const two = headless([nps({ event: 'Go' })]);
    one.c.identify('u1');
    two.c.identify('u1');
    await settle();
    one.c.track('Go');
    two.c.track('Go');
    await until(() => one.rec.surveys.length + two.rec.surveys.length, 'a survey in one tab');
    await sleep(300);
    two.c.track('Go');
    one.c.track('Go');
    await settle();
    expect(one.rec.surveys.length + two.rec.surveys.length).toBe(1);
    expect(one.named('Survey Shown').length + two.named('Survey Shown').length).toBe(1);
  });
});

describe('headless', () => {
  test('respond() records Survey Responded with score and comment and ends the prompt; bad calls are reported', async () => {
    const a = headless([nps()]);
    a.c.track('X');
    await until(() => a.rec.surveys.length, 'the survey');
    a.c.respond('nps', 11);
    a.c.respond('other', 5);
    expect(a.rec.errors).toEqual([
      'Failed to record the answer: score 11 is not an integer from 0 to 10 (nps). Please pass a score on the scale.',
      `Failed to record the answer: survey "other" is not on screen. Please answer the survey passed to on('survey').`,
    ]);
    a.c.respond('nps', 9, '  Love the reports  ');
    a.c.respond('nps', 9);
    expect(a.named('Survey Responded')).toEqual([{ surveyId: 'nps', kind: 'nps', score: 9, comment: 'Love the reports' }]);
    await a.c.flush();
    await until(() => collector.events().some((e) => e.event === 'Survey Responded'), 'delivery');
    expect(b.widgetRequests()).toBe(0);
  });
});
