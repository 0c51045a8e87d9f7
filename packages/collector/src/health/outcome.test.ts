import { describe, expect, it } from 'vitest';
import type { ActivationStatus } from './activation.ts';
import { parseHealthConfig } from './health-config.ts';
import { outcomeScore } from './outcome.ts';
import type { UsageMetrics } from './usage.ts';

const activation = (over: Partial<ActivationStatus> = {}): ActivationStatus => ({
  activated: false,
  activatedAt: null,
  timeToValueDays: null,
  requiredReached: [],
  requiredMissing: [],
  milestonesReached: [],
  daysSinceSignup: null,
  activatedInWindow: null,
  ...over,
});
const usage = (over: Partial<UsageMetrics> = {}): UsageMetrics => ({
  activeDays: 0,
  activeUsers: 0,
  eventsLast: 0,
  eventsPrev: 0,
  trend: null,
  daysSinceLastSeen: null,
  ...over,
});
const byKey = (components: { key: string; value: number | null; weight: number; detail: string }[]) =>
  Object.fromEntries(components.map((c) => [c.key, c]));

describe('outcomeScore', () => {
  const config = parseHealthConfig({ milestones: { required: ['a', 'b'], all: ['c', 'd'] } });

  it('weights every component with the defaults', () => {
    const score = outcomeScore(
      {
        activation: activation({
          activated: true,
          requiredReached: ['a', 'b'],
          milestonesReached: ['a', 'b', 'c'],
          timeToValueDays: 10,
          daysSinceSignup: 53,
          activatedInWindow: true,
        }),
        usage: usage({ activeDays: 10, activeUsers: 4, daysSinceLastSeen: 3.5 }),
        knownUsers: 8,
      },
      config,
    );
    // activation 2/2 = 100 · 0.3 = 30
    // adoption 3/4 = 75 · 0.2 = 15
    // frequency 10/20 days = 50 · 0.2 = 10
    // breadth 4/8 users = 50 · 0.1 = 5
    // recency (1 − 3.5/14) = 75 · 0.1 = 7.5
    // in window 100 · 0.1 = 10
    // outcome = 30 + 15 + 10 + 5 + 7.5 + 10 = 77.5
    expect(score.value).toBeCloseTo(77.5, 10);
    const c = byKey(score.components);
    expect(c.activation).toMatchObject({ value: 100, weight: expect.closeTo(0.3, 10), detail: '2 of 2 required milestones' });
    expect(c.adoption).toMatchObject({ value: 75, weight: expect.closeTo(0.2, 10), detail: '3 of 4 milestones' });
    expect(c.usage_frequency).toMatchObject({ value: 50, detail: 'active on 10 of the last 30 days (target 20)' });
    expect(c.usage_breadth).toMatchObject({ value: 50, detail: '4 of 8 known users active in the last 30 days' });
    expect(c.usage_recency).toMatchObject({ value: 75, detail: 'last seen 3.5 days ago (0 at 14)' });
    expect(c.activated_in_window).toMatchObject({ value: 100, detail: 'activated on day 10, within the 30-day window' });
  });

  it('leaves out components without data and renormalises the rest', () => {
    const score = outcomeScore(
      { activation: activation(), usage: usage({ activeDays: 5, daysSinceLastSeen: 7 }), knownUsers: 0 },
      parseHealthConfig({}),
    );
    // present: activation 0 (w 0.3), frequency 5/20 = 25 (w 0.2), recency 1 − 7/14 = 50 (w 0.1); total w 0.6
    // outcome = (0.3 · 0 + 0.2 · 25 + 0.1 · 50) / 0.6 = 10 / 0.6 = 16.667
    expect(score.value).toBeCloseTo(16.6667, 4);
    const c = byKey(score.components);
    expect(c.activation?.weight).toBeCloseTo(0.5, 10); // 0.3 / 0.6
    expect(c.usage_frequency?.weight).toBeCloseTo(0.3333, 4); // 0.2 / 0.6
    expect(c.usage_recency?.weight).toBeCloseTo(0.1667, 4); // 0.1 / 0.6
    expect(c.adoption).toMatchObject({ value: null, weight: 0, detail: 'no milestones configured' });
    expect(c.usage_breadth).toMatchObject({ value: null, weight: 0, detail: 'no known users' });
    expect(c.activated_in_window).toMatchObject({ value: null, weight: 0, detail: 'signup date unknown' });
  });

  it('caps usage at 100 and scores never-seen and long-idle accounts 0 on recency', () => {
    const busy = byKey(outcomeScore({ activation: activation(), usage: usage({ activeDays: 25, activeUsers: 12, daysSinceLastSeen: 0 }), knownUsers: 10 }, config).components);
    expect(busy.usage_frequency?.value).toBe(100); // 25 ≥ target 20
    expect(busy.usage_breadth?.value).toBe(100); // 12 active of 10 known (late identify): capped
    expect(busy.usage_recency?.value).toBe(100);
    const idle = byKey(outcomeScore({ activation: activation(), usage: usage({ daysSinceLastSeen: 20 }), knownUsers: 1 }, config).components);
    expect(idle.usage_recency?.value).toBe(0); // past 14 days
    const never = byKey(outcomeScore({ activation: activation(), usage: usage(), knownUsers: 1 }, config).components);
    expect(never.usage_recency).toMatchObject({ value: 0, detail: 'never seen' });
  });

  it('scores a late or missing activation 0 in the window component and explains it', () => {
    const late = byKey(outcomeScore({ activation: activation({ activated: true, requiredReached: ['a', 'b'], timeToValueDays: 41.2, daysSinceSignup: 60, activatedInWindow: false }), usage: usage(), knownUsers: 1 }, config).components);
    expect(late.activated_in_window).toMatchObject({ value: 0, detail: 'activated on day 41, after the 30-day window' });
    const missing = byKey(outcomeScore({ activation: activation({ requiredReached: ['a'], requiredMissing: ['b'], daysSinceSignup: 34, activatedInWindow: false }), usage: usage(), knownUsers: 1 }, config).components);
    expect(missing.activation).toMatchObject({ value: 50, detail: '1 of 2 required milestones; missing: b' }); // 1/2
    expect(missing.activated_in_window).toMatchObject({ value: 0, detail: 'not activated by day 30 (now day 34)' });
    const pending = byKey(outcomeScore({ activation: activation({ daysSinceSignup: 12.5 }), usage: usage(), knownUsers: 1 }, config).components);
    expect(pending.activated_in_window).toMatchObject({ value: null, detail: 'day 12 of 30, not activated yet' });
  });
});
