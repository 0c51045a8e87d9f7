import { describe, expect, it } from 'vitest';
import { accountName, toAccountDetail, toAccountSummary } from './account-view.ts';
import { ago, buildFacts, NOW } from './facts-fixture.ts';
import { parseHealthConfig } from './health-config.ts';
import { scoreAccount } from './health.ts';

const config = parseHealthConfig({ milestones: { required: ['a'] } });
const facts = buildFacts({
  accountId: 'acc_1',
  traits: { name: 'Acme Corp', tier: 'a', plan: 'pro' },
  signupAt: ago(40),
  milestones: [{ milestone: 'a', reachedAt: ago(38) }],
  activity: { '2026-11-22': { events: 3, users: ['u1', 'u2'] } },
  knownUsers: 2,
  lastSeenAt: ago(1),
  responses: [{ kind: 'csat', score: 5, at: ago(2), userId: 'u1' }],
});

describe('toAccountSummary / toAccountDetail', () => {
  it('maps the score onto the CSM API shapes', () => {
    const scored = scoreAccount(facts, config, NOW);
    const summary = toAccountSummary(facts, scored);
    expect(summary).toMatchObject({
      accountId: 'acc_1',
      name: 'Acme Corp',
      tier: 'A',
      stage: 'active',
      health: scored.health,
      activated: true,
      timeToValueDays: 2, // 40 − 38
      activeUsers30d: 2,
      lastSeenAt: ago(1),
      nps: null,
    });
    const detail = toAccountDetail(facts, scored);
    expect(detail).toMatchObject({ ...summary, traits: facts.traits, signupAt: ago(40), csat: 100, ces: null, northStar: null });
    expect(detail.weights).toEqual({ outcome: 0.7, experience: 0.3 });
    expect(detail.usage).toEqual({ activeUsers30d: 2, activeDays30d: 1, eventsLast30d: 3, eventsPrev30d: 0, trend: null });
    expect(detail.milestones).toEqual([{ milestone: 'a', reachedAt: ago(38), required: true }]);
    expect(detail.outcomeComponents.map((c) => c.key)).toEqual(['activation', 'adoption', 'usage_frequency', 'usage_breadth', 'usage_recency', 'activated_in_window']);
    expect(detail.experienceComponents.map((c) => c.key)).toEqual(['nps', 'csat', 'ces']);
  });

  it('has no name without a non-empty name trait', () => {
    expect(accountName({})).toBeNull();
    expect(accountName({ name: '  ' })).toBeNull();
    expect(accountName({ name: 42 })).toBeNull();
  });
});
