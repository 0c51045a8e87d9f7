import { describe, expect, it } from 'vitest';
import type { AccountFacts, DayActivity, SurveyResponseFact } from './account-facts.ts';
import { DAY_MS } from './days.ts';
import { ago, buildFacts, NOW } from './facts-fixture.ts';
import { parseHealthConfig } from './health-config.ts';
import { scoreAccount } from './health.ts';

const config = parseHealthConfig({ milestones: { required: ['a', 'b'], all: ['c', 'd'] } });
const responses = (kind: SurveyResponseFact['kind'], scores: number[], daysAgo: number): SurveyResponseFact[] =>
  scores.map((score, i) => ({ kind, score, at: ago(daysAgo), userId: `${kind}-u${i + 1}` }));

// Ten active days Nov 11 … Nov 20, 5 events each, users u1 … u4; 80 events on Oct 20 (previous window).
const activity: Record<string, DayActivity> = { '2026-10-20': { events: 80, users: ['u7'] } };
for (let day = 11; day <= 20; day += 1) activity[`2026-11-${day}`] = { events: 5, users: [`u${(day % 4) + 1}`] };

/**
 * The reference account. Outcome (see outcome.test.ts for the same arithmetic):
 * activation 2/2 = 100 · 0.3 + adoption 3/4 = 75 · 0.2 + frequency 10/20 = 50 · 0.2 + breadth 4/8 = 50 · 0.1
 * + recency (1 − 3.5/14) = 75 · 0.1 + activated on day 10 = 100 · 0.1 = 30 + 15 + 10 + 5 + 7.5 + 10 = 77.5.
 * Experience: NPS [10, 10, 9, 8, 2] = (3 − 1)/5 = 40 → 70; CSAT [5, 4, 3, 2, 1] = 2/5 = 40; CES [7, 5, 6] = 6 → 83.333;
 * 0.5 · 70 + 0.25 · 40 + 0.25 · 83.333 = 65.833.
 */
const reference = (over: Partial<AccountFacts> = {}): AccountFacts =>
  buildFacts({
    signupAt: ago(53),
    milestones: [
      { milestone: 'a', reachedAt: ago(48) },
      { milestone: 'b', reachedAt: ago(43) },
      { milestone: 'c', reachedAt: ago(30) },
    ],
    activity,
    knownUsers: 8,
    lastSeenAt: ago(3.5),
    // NPS 114 days ago: inside its 180-day window, outside the 90-day detractor window.
    responses: [...responses('nps', [10, 10, 9, 8, 2], 114), ...responses('csat', [5, 4, 3, 2, 1], 10), ...responses('ces', [7, 5, 6], 5)],
    ...over,
  });

describe('scoreAccount', () => {
  it('combines outcome and experience 80 / 20', () => {
    const r = scoreAccount(reference(), config, NOW);
    // 0.8 · 77.5 + 0.2 · 65.833 = 62 + 13.167 = 75.167 → 75.2
    expect(r.health).toBe(75.2);
    expect(r.band).toBe('green');
    expect(r.outcome).toBe(77.5);
    expect(r.experience).toBe(65.8);
    expect(r.weights).toEqual({ outcome: 0.8, experience: 0.2 });
    expect([r.nps, r.csat, r.ces]).toEqual([40, 40, 6]);
    expect(r.tier).toBe('C');
    expect(r.stage).toBe('growth'); // 3 of 4 milestones
    expect(r.flags).toEqual([]);
    expect(r.activated).toBe(true);
    expect(r.activatedAt).toBe(ago(43));
    expect(r.timeToValueDays).toBe(10); // 53 − 43
    expect(r.usage).toEqual({ activeUsers30d: 4, activeDays30d: 10, eventsLast30d: 50, eventsPrev30d: 80, trend: -0.375 }); // (50 − 80) / 80
    expect(r.milestones).toEqual([
      { milestone: 'a', reachedAt: ago(48), required: true },
      { milestone: 'b', reachedAt: ago(43), required: true },
      { milestone: 'c', reachedAt: ago(30), required: false },
    ]);
    expect(r.components.outcome.map((c) => [c.key, c.value, c.weight])).toEqual([
      ['activation', 100, 0.3],
      ['adoption', 75, 0.2],
      ['usage_frequency', 50, 0.2],
      ['usage_breadth', 50, 0.1],
      ['usage_recency', 75, 0.1],
      ['activated_in_window', 100, 0.1],
    ]);
    expect(r.components.experience.map((c) => [c.key, c.value, c.weight])).toEqual([
      ['nps', 70, 0.5],
      ['csat', 40, 0.25],
      ['ces', 83.3, 0.25],
    ]);
  });

  it('weights a tier-A account 70 / 30', () => {
    const r = scoreAccount(reference({ traits: { tier: 'A' } }), config, NOW);
    // 0.7 · 77.5 + 0.3 · 65.833 = 54.25 + 19.75 = 74.0: the same account drops to yellow as a key account
    expect(r.tier).toBe('A');
    expect(r.weights).toEqual({ outcome: 0.7, experience: 0.3 });
    expect(r.health).toBe(74);
    expect(r.band).toBe('yellow');
  });

  it('takes tier A from a rule on traits', () => {
    const ruled = parseHealthConfig({ milestones: { required: ['a', 'b'], all: ['c', 'd'] }, tier: { rules: [{ tier: 'A', trait: 'mrr', op: 'gte', value: 5000 }] } });
    expect(scoreAccount(reference({ traits: { mrr: 9000 } }), ruled, NOW).health).toBe(74);
  });

  it('uses outcome alone, flagged, when there are no responses', () => {
    const r = scoreAccount(reference({ responses: [] }), config, NOW);
    expect(r.health).toBe(77.5); // = outcome
    expect(r.experience).toBeNull();
    expect(r.weights).toEqual({ outcome: 1, experience: 0 });
    expect(r.flags).toEqual(['no_experience_data']);
    expect([r.nps, r.csat, r.ces]).toEqual([null, null, null]);
  });

  it('scores one response on its own', () => {
    const r = scoreAccount(reference({ responses: responses('nps', [10], 3) }), config, NOW);
    // NPS 100 → 100; 0.8 · 77.5 + 0.2 · 100 = 62 + 20 = 82
    expect(r.nps).toBe(100);
    expect(r.experience).toBe(100);
    expect(r.health).toBe(82);
  });

  it('scores all promoters and all detractors', () => {
    const promoters = scoreAccount(reference({ responses: responses('nps', [9, 10, 10], 10) }), config, NOW);
    expect(promoters.nps).toBe(100);
    expect(promoters.health).toBe(82); // 62 + 0.2 · 100

    const detractors: SurveyResponseFact[] = [
      { kind: 'nps', score: 0, at: ago(30), userId: 'u1' },
      { kind: 'nps', score: 3, at: ago(20), userId: 'u2' },
      { kind: 'nps', score: 6, at: ago(10), userId: 'u3' },
    ];
    const r = scoreAccount(reference({ responses: detractors }), config, NOW);
    // NPS −100 → 0: experience 0 is data, not missing; 0.8 · 77.5 + 0.2 · 0 = 62
    expect(r.nps).toBe(-100);
    expect(r.experience).toBe(0);
    expect(r.health).toBe(62);
    expect(r.band).toBe('yellow');
    expect(r.flags).toEqual(['detractor_90d']);
    expect(r.flagReasons[0]?.reason).toBe('3 detractors (NPS 0–6) in the last 90 days; latest: user u3 scored 6 on 2026-11-13.');
  });

  it('flags an account past day 30 that is not activated and moves it out of onboarding', () => {
    const r = scoreAccount(reference({ signupAt: ago(35), milestones: [{ milestone: 'a', reachedAt: ago(33) }], responses: [] }), config, NOW);
    expect(r.activated).toBe(false);
    expect(r.activatedAt).toBeNull();
    expect(r.timeToValueDays).toBeNull();
    expect(r.stage).toBe('growth');
    expect(r.flags).toEqual(['not_activated_day_30', 'no_experience_data']);
    // activation 1/2 = 50 · 0.3 + adoption 1/4 = 25 · 0.2 + 10 + 5 + 7.5 + not in window 0 · 0.1 = 15 + 5 + 10 + 5 + 7.5 = 42.5
    expect(r.health).toBe(42.5);
    expect(r.band).toBe('red');
  });

  it('puts an account in its renewal window in renewal, and flags it when red', () => {
    const green = scoreAccount(reference({ contractEndAt: ago(-60) }), config, NOW);
    expect(green.stage).toBe('renewal');
    expect(green.flags).toEqual([]);

    const red = scoreAccount(reference({ contractEndAt: ago(-60), signupAt: ago(35), milestones: [{ milestone: 'a', reachedAt: ago(33) }], responses: [] }), config, NOW);
    expect(red.stage).toBe('renewal');
    expect(red.band).toBe('red');
    expect(red.flags).toEqual(['not_activated_day_30', 'red_in_renewal', 'no_experience_data']);
    expect(red.flagReasons[1]?.reason).toBe('Health 42.5 (red) while the contract ends in 60 days (2027-01-22).');
  });

  it('handles a missing signup date: window part left out, onboarding until activated, no activation flag', () => {
    const r = scoreAccount(reference({ signupAt: null }), config, NOW);
    expect(r.timeToValueDays).toBeNull();
    const window = r.components.outcome.find((c) => c.key === 'activated_in_window');
    expect(window).toMatchObject({ value: null, weight: 0, detail: 'signup date unknown' });
    // 30 + 15 + 10 + 5 + 7.5 over weights 0.9 = 67.5 / 0.9 = 75
    expect(r.outcome).toBe(75);
    const pending = scoreAccount(reference({ signupAt: null, milestones: [], responses: [] }), config, NOW);
    expect(pending.stage).toBe('onboarding');
    expect(pending.flags).not.toContain('not_activated_day_30');
  });

  it('rounds only at the end', () => {
    const r = scoreAccount(
      buildFacts({ activity: { '2026-11-19': { events: 1, users: [] }, '2026-11-18': { events: 1, users: [] }, '2026-11-17': { events: 1, users: [] }, '2026-11-16': { events: 1, users: [] }, '2026-11-15': { events: 1, users: [] } }, lastSeenAt: ago(7), responses: responses('nps', [10, 10, 9, 8, 2], 100) }),
      parseHealthConfig({}),
      NOW,
    );
    // outcome (0.3 · 0 + 0.2 · 25 + 0.1 · 50) / 0.6 = 16.667; experience NPS 40 → 70
    // health 0.8 · 16.667 + 0.2 · 70 = 13.333 + 14 = 27.333 → 27.3 (rounding outcome first would give 0.8 · 16.7 + 14 = 27.36 → 27.4)
    expect(r.outcome).toBe(16.7);
    expect(r.health).toBe(27.3);
  });

  it('bands at 49.9 / 50 / 74.9 / 75 on the rounded score', () => {
    // Recency only: value = (1 − days / 14) · 100
    const recencyOnly = parseHealthConfig({ outcomeWeights: { activation: 0, adoption: 0, usage_frequency: 0, usage_breadth: 0, usage_recency: 1, activated_in_window: 0 } });
    const at = (days: number) => scoreAccount(buildFacts({ lastSeenAt: new Date(NOW.getTime() - Math.round(days * DAY_MS)).toISOString() }), recencyOnly, NOW);
    expect([at(7.014).health, at(7.014).band]).toEqual([49.9, 'red']); // 1 − 7.014/14 = 0.499
    expect([at(7).health, at(7).band]).toEqual([50, 'yellow']); // 1 − 7/14 = 0.5
    expect([at(3.514).health, at(3.514).band]).toEqual([74.9, 'yellow']); // 1 − 3.514/14 = 0.749
    expect([at(3.5).health, at(3.5).band]).toEqual([75, 'green']); // 1 − 3.5/14 = 0.75
    // 1 − 7.0006/14 = 0.499957 → 49.9957 rounds to 50.0, and the band follows the number shown
    expect([at(7.0006).health, at(7.0006).band]).toEqual([50, 'yellow']);
  });

  it('adds the north-star series when one is configured', () => {
    const withNorthStar = parseHealthConfig({ northStar: { name: 'Reports shared', event: 'Report Shared', windowWeeks: 2 } });
    const r = scoreAccount(buildFacts({ northStar: { '2026-11-23': { count: 3, sum: 0, users: ['u1'] } } }), withNorthStar, NOW);
    expect(r.northStar).toEqual({ name: 'Reports shared', series: [{ weekStart: '2026-11-16', value: 0 }, { weekStart: '2026-11-23', value: 3 }] });
    expect(scoreAccount(buildFacts(), config, NOW).northStar).toBeNull();
  });

  it('is pure: the same facts and now give the same result, and the facts are not modified', () => {
    const facts = reference();
    const copy = structuredClone(facts);
    expect(scoreAccount(facts, config, NOW)).toEqual(scoreAccount(facts, config, NOW));
    expect(facts).toEqual(copy);
  });
});
