import type { WireEvent } from '@cairn/protocol';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ago, NOW } from './facts-fixture.ts';
import { emptyFactsState, foldEvent, type FactsState } from './fold-event.ts';
import { parseHealthConfig } from './health-config.ts';
import { scoreAccount } from './health.ts';

const config = parseHealthConfig({
  milestones: { required: ['created_project'] },
  northStar: { name: 'Reports shared', event: 'Report Shared', aggregation: 'sum', property: 'recipients', windowWeeks: 4 },
});
let n = 0;
const ev = (over: Partial<WireEvent>): WireEvent => ({ type: 'track', messageId: `m${(n += 1)}`, timestamp: ago(1), anonymousId: 'anon-1', ...over });
const fold = (events: WireEvent[], state: FactsState = emptyFactsState('acme')) => events.reduce((s, e) => foldEvent(s, e, config), state);

describe('foldEvent', () => {
  it('keeps activity, users, milestones, responses and the north star per day', () => {
    const t1 = '2026-11-20T09:00:00.000Z';
    const t2 = '2026-11-20T17:30:00.000Z';
    const t3 = '2026-11-22T08:00:00.000Z';
    const { facts, users } = fold([
      ev({ type: 'page', timestamp: t1, userId: 'u1' }),
      ev({ event: 'Milestone Reached', properties: { milestone: 'created_project' }, timestamp: t2, userId: 'u2' }),
      ev({ event: 'Milestone Reached', properties: { milestone: 'created_project' }, timestamp: t3, userId: 'u1' }), // later: ignored
      ev({ event: 'Survey Responded', properties: { surveyId: 's', kind: 'nps', score: 9 }, timestamp: t3, userId: 'u1' }),
      ev({ event: 'Survey Responded', properties: { surveyId: 's', kind: 'mood', score: 9 }, timestamp: t3 }), // unknown kind
      ev({ event: 'Report Shared', properties: { recipients: 3 }, timestamp: t3, userId: 'u1' }),
      ev({ event: 'Report Shared', properties: { recipients: 'many' }, timestamp: t3, userId: 'u2' }), // not a number: counted, adds 0
      ev({ type: 'identify', timestamp: t3, userId: 'u3', traits: { email: 'x@y.z' } }), // known user, not activity
    ]);
    expect(facts.activity).toEqual({
      '2026-11-20': { events: 2, users: ['u1', 'u2'] },
      '2026-11-22': { events: 5, users: ['u1', 'anon-1', 'u2'] },
    });
    expect(facts.lastSeenAt).toBe(t3);
    expect(facts.signupAt).toBe(t1); // first event, no signup trait
    expect([...users]).toEqual(['u1', 'u2', 'anon-1', 'u3']);
    expect(facts.knownUsers).toBe(4);
    expect(facts.milestones).toEqual([{ milestone: 'created_project', reachedAt: t2 }]);
    expect(facts.responses).toEqual([{ kind: 'nps', score: 9, at: t3, userId: 'u1' }]);
    expect(facts.northStar).toEqual({ '2026-11-22': { count: 2, sum: 3, users: ['u1', 'u2'] } });
  });

  it('takes the signup date from the createdAt trait over the first event, and the contract end from its trait', () => {
    const state = fold([
      ev({ timestamp: ago(5) }),
      ev({ type: 'group', groupId: 'acme', timestamp: ago(4), traits: { name: 'Acme', createdAt: '2026-01-15T00:00:00Z', contractEndAt: 1798761600000 } }),
      ev({ timestamp: ago(300) }), // an old offline event no longer moves the trait's signup date
      ev({ type: 'group', groupId: 'acme', timestamp: ago(3), traits: { plan: 'pro' } }),
    ]);
    expect(state.facts.signupAt).toBe('2026-01-15T00:00:00.000Z');
    expect(state.facts.contractEndAt).toBe('2027-01-01T00:00:00.000Z'); // epoch ms 1798761600000
    expect(state.facts.traits).toEqual({ name: 'Acme', createdAt: '2026-01-15T00:00:00Z', contractEndAt: 1798761600000, plan: 'pro' });
    const cleared = fold([ev({ type: 'group', timestamp: ago(1), traits: { contractEndAt: null } })], state);
    expect(cleared.facts.contractEndAt).toBeNull();
  });

  it('does not modify the state it is given and ignores events without a valid timestamp', () => {
    const before = fold([ev({ userId: 'u1' })]);
    const copy = structuredClone(before.facts);
    fold([ev({ userId: 'u9', event: 'Milestone Reached', properties: { milestone: 'x' } })], before);
    expect(before.facts).toEqual(copy);
    expect(before.users.has('u9')).toBe(false);
    expect(foldEvent(before, ev({ timestamp: 'yesterday' }), config)).toBe(before);
  });

  it('gives the same facts in any order (traits aside), so late offline events need no care', () => {
    const event = fc.record({
      kind: fc.constantFrom('page', 'milestone', 'survey', 'north'),
      daysAgo: fc.integer({ min: 0, max: 70 }),
      user: fc.constantFrom('u1', 'u2', 'u3', undefined),
      value: fc.integer({ min: 0, max: 10 }),
    });
    const toWire = (e: { kind: string; daysAgo: number; user: string | undefined; value: number }): WireEvent => {
      const base = { timestamp: ago(e.daysAgo), userId: e.user, anonymousId: undefined };
      if (e.kind === 'page') return ev({ ...base, type: 'page' });
      if (e.kind === 'milestone') return ev({ ...base, event: 'Milestone Reached', properties: { milestone: `m${e.value % 3}` } });
      if (e.kind === 'survey') return ev({ ...base, event: 'Survey Responded', properties: { kind: 'nps', score: e.value } });
      return ev({ ...base, event: 'Report Shared', properties: { recipients: e.value } });
    };
    const normalise = (s: FactsState) => ({
      ...s.facts,
      activity: Object.fromEntries(Object.entries(s.facts.activity).map(([d, b]) => [d, { ...b, users: [...b.users].sort() }])),
      northStar: Object.fromEntries(Object.entries(s.facts.northStar ?? {}).map(([d, b]) => [d, { ...b, users: [...b.users].sort() }])),
      milestones: [...s.facts.milestones].sort((a, b) => a.milestone.localeCompare(b.milestone)),
      responses: [...s.facts.responses].sort((a, b) => a.at.localeCompare(b.at) || a.score - b.score || String(a.userId).localeCompare(String(b.userId))),
    });
    fc.assert(
      fc.property(fc.array(event, { maxLength: 30 }).chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length }))), ([list, shuffled]) => {
        const a = fold(list.map(toWire));
        const b = fold(shuffled.map(toWire));
        expect(normalise(b)).toEqual(normalise(a));
        expect(scoreAccount(b.facts, config, NOW)).toEqual(scoreAccount(a.facts, config, NOW));
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});
