// The engine's pure rules: URL globs, sampling, restraint, lifecycle stage, state merging, config merging.
import type { Survey } from '@cairn/protocol';
import { expect, test } from 'vitest';
import type { Identity } from '../identity.ts';
import { globToRegExp, urlMatches } from './glob.ts';
import { stageOf } from './lifecycle.ts';
import { mergeConfigs } from './merge-configs.ts';
import { restraint } from './restraint.ts';
import { inSample } from './sample.ts';
import { emptyState, mergeState } from './user-state.ts';

const DAY = 864e5;
const now = Date.UTC(2026, 5, 1);
const ago = (d: number) => new Date(now - d * DAY).toISOString();
const who = (traits = {}, groupTraits = {}): Identity => ({ anonymousId: 'a', traits, groupTraits });

test('URL globs: * spans any run, everything else is literal', () => {
  expect(urlMatches('/app/*', '/app/reports/1', '?x=1')).toBe(true);
  expect(urlMatches('/app/*', '/application', '')).toBe(false);
  expect(urlMatches('/settings', '/settings', '?tab=2')).toBe(true);
  expect(urlMatches('/a.b', '/axb', '')).toBe(false);
  expect(urlMatches('*?plan=pro*', '/billing', '?plan=pro&x=1')).toBe(true);
  expect(globToRegExp('/(x)+').test('/(x)+')).toBe(true);
});

test('sampling is deterministic per user and survey and close to the percentage', () => {
  expect(inSample('u1', 'nps', 37)).toBe(inSample('u1', 'nps', 37));
  expect(inSample('u1', 'nps', 0)).toBe(false);
  expect(inSample('u1', 'nps', 100)).toBe(true);
  const n = Array.from({ length: 4000 }, (_, i) => inSample('user' + i, 'nps', 25)).filter(Boolean).length;
  expect(n / 4000).toBeGreaterThan(0.22);
  expect(n / 4000).toBeLessThan(0.28);
  const other = Array.from({ length: 4000 }, (_, i) => inSample('user' + i, 'nps', 25) === inSample('user' + i, 'csat', 25)).filter(Boolean).length;
  expect(other / 4000, 'independent across surveys').toBeLessThan(0.7);
});

test('restraint: recontact after an answer, snooze after a dismissal or an unanswered show, global cap', () => {
  const sv: Survey = { id: 's', kind: 'nps', recontactDays: 30 };
  const t = { globalDays: 14, snoozeDays: 7 };
  const st = (surveys: object, lastPromptAt?: string) => ({ ...emptyState(), surveys: { s: surveys }, ...(lastPromptAt ? { lastPromptAt } : {}) });
  expect(restraint(sv, emptyState(), t, now)).toBeUndefined();
  expect(restraint(sv, st({ respondedAt: ago(29) }), t, now)).toBe('recontact');
  expect(restraint(sv, st({ respondedAt: ago(31) }), t, now)).toBeUndefined();
  expect(restraint(sv, st({ dismissedAt: ago(6) }), t, now)).toBe('snoozed');
  expect(restraint(sv, st({ shownAt: ago(6) }), t, now)).toBe('snoozed');
  expect(restraint(sv, st({ dismissedAt: ago(8) }), t, now)).toBeUndefined();
  expect(restraint(sv, st({}, ago(13)), t, now)).toBe('cap');
  expect(restraint(sv, st({}, ago(15)), t, now)).toBeUndefined();
});

test('stage: trait first (account, then user), else renewal, onboarding, active, growth', () => {
  const p = (activated: boolean, adopted = activated) => ({ activated, adopted });
  expect(stageOf(who({ stage: 'growth' }, { stage: 'renewal' }), p(false), now)).toBe('renewal');
  expect(stageOf(who({ stage: 'active' }), p(false), now)).toBe('active');
  expect(stageOf(who({}, { contractEndAt: new Date(now + 60 * DAY).toISOString() }), p(true), now)).toBe('renewal');
  expect(stageOf(who({ createdAt: ago(5) }), p(false), now)).toBe('onboarding');
  expect(stageOf(who(), p(false), now)).toBe('onboarding');
  expect(stageOf(who({ createdAt: ago(40) }), p(false), now)).toBe('growth');
  expect(stageOf(who({ createdAt: ago(5) }), p(true, false), now)).toBe('growth');
  expect(stageOf(who({ createdAt: ago(5) }), p(true, true), now)).toBe('active');
});

test('merging state: reached keeps the earliest time, shown/answered the latest; merging twice changes nothing', () => {
  const local = { ...emptyState(), milestones: { a: ago(1) }, surveys: { s: { shownAt: ago(10) } }, checklists: { c: { completedSteps: { x: ago(1) }, mode: 'open' as const } } };
  const server = { milestones: { a: ago(5), b: ago(2) }, surveys: { s: { shownAt: ago(3), respondedAt: ago(3) } }, checklists: { c: { completedSteps: { y: ago(4) }, dismissedAt: ago(2) } }, lastPromptAt: ago(3) };
  const m = mergeState(local, server);
  expect(m.milestones).toEqual({ a: ago(5), b: ago(2) });
  expect(m.surveys.s).toEqual({ shownAt: ago(3), respondedAt: ago(3) });
  expect(m.checklists.c).toEqual({ completedSteps: { x: ago(1), y: ago(4) }, dismissedAt: ago(2), mode: 'open' });
  expect(m.lastPromptAt).toBe(ago(3));
  expect(mergeState(m, server)).toEqual(m);
});

test('merging configs: later wins by id; a config naming no throttle keeps the earlier one; bad ones are reported', () => {
  const errors: string[] = [];
  const c = mergeConfigs(
    [{ milestones: [{ id: 'a', event: 'A' }, { id: 'b', event: 'B' }], throttle: { globalDays: 30 } }, { milestones: [{ id: 'a', event: 'A2' }] }, { surveys: 'x' }],
    (e) => errors.push(e),
    () => {},
  )!;
  expect(c.milestones.map((m) => [m.id, m.event])).toEqual([['b', 'B'], ['a', 'A2']]);
  expect(c.throttle).toEqual({ globalDays: 30, snoozeDays: 7 });
  expect(errors).toEqual(['surveys: must be an array, got "x"']);
  expect(mergeConfigs([42], () => {}, () => {})).toBeUndefined();
});
