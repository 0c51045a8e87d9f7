import { describe, expect, it } from 'vitest';
import type { DayActivity } from './account-facts.ts';
import { DAY_MS } from './days.ts';
import { ago, buildFacts, NOW } from './facts-fixture.ts';
import { parseHealthConfig } from './health-config.ts';
import { scoreAccount } from './health.ts';

const config = parseHealthConfig({ milestones: { required: ['a', 'b'] } });
const score = (over: Parameters<typeof buildFacts>[0]) => scoreAccount(buildFacts(over), config, NOW);
const reason = (result: ReturnType<typeof score>, flag: string) => result.flagReasons.find((r) => r.flag === flag)?.reason;
// A promoter keeps `no_experience_data` out of the way where a test is about another flag.
const promoter = { kind: 'nps' as const, score: 10, at: ago(1), userId: 'p' };

describe('not_activated_day_30', () => {
  it('is raised from day 30 without activation, naming the missing milestones', () => {
    const r = score({ signupAt: ago(35), lastSeenAt: ago(1), milestones: [{ milestone: 'a', reachedAt: ago(33) }] });
    expect(r.flags).toContain('not_activated_day_30');
    expect(reason(r, 'not_activated_day_30')).toBe(
      'Not activated 35 days after signup (window 30 days). Missing milestones: b. Accounts not activated in their first 30 days are at high churn risk.',
    );
    expect(score({ signupAt: ago(30), lastSeenAt: ago(1) }).flags).toContain('not_activated_day_30');
  });

  it('is not raised before day 30, once activated, or without a signup date', () => {
    expect(score({ signupAt: ago(29.99), lastSeenAt: ago(1) }).flags).not.toContain('not_activated_day_30');
    const both = [{ milestone: 'a', reachedAt: ago(2) }, { milestone: 'b', reachedAt: ago(1) }];
    expect(score({ signupAt: ago(60), lastSeenAt: ago(1), milestones: both }).flags).not.toContain('not_activated_day_30');
    expect(score({ signupAt: null, lastSeenAt: ago(1) }).flags).not.toContain('not_activated_day_30');
  });
});

describe('detractor_90d', () => {
  it("is raised by a user whose latest NPS answer in the last 90 days is 0–6", () => {
    const r = score({ responses: [{ kind: 'nps', score: 6, at: ago(89), userId: 'u1' }, { kind: 'nps', score: 9, at: ago(2), userId: 'u2' }] });
    expect(r.flags).toContain('detractor_90d');
    expect(reason(r, 'detractor_90d')).toBe(`1 detractor (NPS 0–6) in the last 90 days; latest: user u1 scored 6 on ${ago(89).slice(0, 10)}.`);
  });

  it('is not raised by a passive, an older detractor, or a detractor who since answered 9', () => {
    expect(score({ responses: [{ kind: 'nps', score: 7, at: ago(1), userId: 'u1' }] }).flags).not.toContain('detractor_90d');
    expect(score({ responses: [{ kind: 'nps', score: 0, at: ago(91), userId: 'u1' }] }).flags).not.toContain('detractor_90d');
    const changed = [{ kind: 'nps' as const, score: 3, at: ago(40), userId: 'u1' }, { kind: 'nps' as const, score: 9, at: ago(5), userId: 'u1' }];
    expect(score({ responses: changed }).flags).not.toContain('detractor_90d');
  });
});

describe('usage_drop', () => {
  // 100 events on one day of the previous window, `current` events today.
  const activity = (current: number): Record<string, DayActivity> => ({
    '2026-10-01': { events: 100, users: ['u1'] },
    ...(current > 0 ? { '2026-11-23': { events: current, users: ['u1'] } } : {}),
  });

  it('is raised by a drop of exactly 50 %', () => {
    const r = score({ activity: activity(50), lastSeenAt: ago(0.1) });
    expect(r.flags).toContain('usage_drop'); // (100 − 50) / 100 = 0.5 ≥ 0.5
    expect(reason(r, 'usage_drop')).toBe('Usage down 50%: 50 events in the last 30 days vs 100 in the 30 days before.');
    expect(r.usage.trend).toBe(-0.5);
  });

  it('is not raised by a 49 % drop or without a previous window', () => {
    expect(score({ activity: activity(51), lastSeenAt: ago(0.1) }).flags).not.toContain('usage_drop'); // 0.49
    expect(score({ activity: { '2026-11-23': { events: 1, users: ['u1'] } }, lastSeenAt: ago(0.1) }).flags).not.toContain('usage_drop');
  });

  it('uses a configured threshold without float surprises', () => {
    // 0.3 · 10 is 3.0000000000000004 in binary; 10 → 7 is still a 30 % drop
    const c = parseHealthConfig({ usageDropThreshold: 0.3 });
    const facts = buildFacts({ activity: { '2026-10-01': { events: 10, users: [] }, '2026-11-23': { events: 7, users: [] } } });
    expect(scoreAccount(facts, c, NOW).flags).toContain('usage_drop');
  });
});

describe('inactive_14d', () => {
  it('is raised at exactly 14 days without activity', () => {
    const r = score({ lastSeenAt: ago(14) });
    expect(r.flags).toContain('inactive_14d');
    expect(reason(r, 'inactive_14d')).toBe('No activity for 14 days (limit 14).');
  });

  it('is not raised just before 14 days', () => {
    expect(score({ lastSeenAt: new Date(NOW.getTime() - 14 * DAY_MS + 60_000).toISOString() }).flags).not.toContain('inactive_14d');
  });

  it('counts from signup when the account was never seen, and stays quiet when neither is known', () => {
    expect(reason(score({ signupAt: ago(20) }), 'inactive_14d')).toBe('No activity at all since signup 20 days ago.');
    expect(score({}).flags).not.toContain('inactive_14d');
  });
});

describe('red_in_renewal and no_experience_data', () => {
  it('raises red_in_renewal only for a red account in its renewal window', () => {
    const red = score({ contractEndAt: ago(-60), lastSeenAt: ago(13) });
    expect(red.stage).toBe('renewal');
    expect(red.band).toBe('red');
    expect(reason(red, 'red_in_renewal')).toBe(`Health ${red.health.toFixed(1)} (red) while the contract ends in 60 days (2027-01-22).`);
    const notRenewing = score({ contractEndAt: ago(-120), lastSeenAt: ago(13) });
    expect(notRenewing.band).toBe('red');
    expect(notRenewing.flags).not.toContain('red_in_renewal');
  });

  it('raises no_experience_data without any response in the windows, not with one', () => {
    expect(score({}).flags).toContain('no_experience_data');
    expect(score({ responses: [promoter] }).flags).not.toContain('no_experience_data');
  });

  it('lists flags in RiskFlag order', () => {
    const r = score({
      signupAt: ago(100),
      contractEndAt: ago(-10),
      lastSeenAt: ago(20),
      activity: { '2026-09-30': { events: 40, users: ['u1'] } },
      responses: [{ kind: 'nps', score: 2, at: ago(30), userId: 'u1' }],
    });
    expect(r.flags).toEqual(['not_activated_day_30', 'detractor_90d', 'usage_drop', 'inactive_14d', 'red_in_renewal']);
  });
});
