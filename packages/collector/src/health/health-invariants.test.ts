import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pruneFacts, type AccountFacts, type SurveyResponseFact } from './account-facts.ts';
import { bandFor } from './band.ts';
import { addDays, DAY_MS, utcDay } from './days.ts';
import { NOW } from './facts-fixture.ts';
import { parseHealthConfig } from './health-config.ts';
import { scoreAccount } from './health.ts';

const config = parseHealthConfig({ milestones: { required: ['a', 'b'], all: ['c', 'd', 'e'] } });
const daysAgo = fc.double({ min: -5, max: 400, noNaN: true }).map((d) => new Date(NOW.getTime() - d * DAY_MS).toISOString());
const response: fc.Arbitrary<SurveyResponseFact> = fc.oneof(
  fc.record({ kind: fc.constant('nps' as const), score: fc.integer({ min: 0, max: 10 }), at: daysAgo, userId: fc.option(fc.constantFrom('u1', 'u2', 'u3')) }),
  fc.record({ kind: fc.constant('csat' as const), score: fc.integer({ min: 1, max: 5 }), at: daysAgo, userId: fc.option(fc.constantFrom('u1', 'u2')) }),
  fc.record({ kind: fc.constant('ces' as const), score: fc.integer({ min: 1, max: 7 }), at: daysAgo, userId: fc.option(fc.constantFrom('u1', 'u2')) }),
);
const facts: fc.Arbitrary<AccountFacts> = fc.record({
  accountId: fc.constant('acme'),
  traits: fc.record({ tier: fc.constantFrom('A', 'B', 'C', 'x') }),
  signupAt: fc.option(daysAgo),
  contractEndAt: fc.option(daysAgo.map((at) => new Date(2 * NOW.getTime() - Date.parse(at)).toISOString())), // −5 … 400 days ahead
  milestones: fc.array(fc.record({ milestone: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'other'), reachedAt: daysAgo }), { maxLength: 8 }),
  activity: fc
    .array(fc.tuple(fc.integer({ min: -3, max: 90 }), fc.integer({ min: 0, max: 500 }), fc.array(fc.constantFrom('u1', 'u2', 'u3', 'u4'))), { maxLength: 40 })
    .map((days) => Object.fromEntries(days.map(([back, events, users]) => [addDays(utcDay(NOW), -back), { events, users }]))),
  responses: fc.array(response, { maxLength: 12 }),
  knownUsers: fc.integer({ min: 0, max: 10 }),
  lastSeenAt: fc.option(daysAgo),
});

describe('scoreAccount invariants', () => {
  it('keeps every score in range, the band consistent, health = outcome without experience, and pruning neutral', () => {
    fc.assert(
      fc.property(facts, (f) => {
        const r = scoreAccount(f, config, NOW);
        expect(r.health).toBeGreaterThanOrEqual(0);
        expect(r.health).toBeLessThanOrEqual(100);
        expect(r.outcome).toBeGreaterThanOrEqual(0);
        expect(r.outcome).toBeLessThanOrEqual(100);
        expect(r.band).toBe(bandFor(r.health, config.bands));
        if (r.experience === null) {
          expect(r.health).toBe(r.outcome);
          expect(r.flags).toContain('no_experience_data');
        } else {
          expect(r.experience).toBeGreaterThanOrEqual(0);
          expect(r.experience).toBeLessThanOrEqual(100);
          expect(r.flags).not.toContain('no_experience_data');
        }
        for (const part of [r.components.outcome, r.components.experience]) {
          const total = part.reduce((sum, c) => sum + c.weight, 0);
          // renormalised weights sum to 1 (or 0 when nothing has data), up to the 4-decimal display rounding
          expect(total === 0 || Math.abs(total - 1) < 1e-3).toBe(true);
        }
        expect(r.flags.includes('red_in_renewal')).toBe(r.stage === 'renewal' && r.band === 'red');
        // Pruning what lies beyond factsHorizonDays never changes a score.
        expect(scoreAccount(pruneFacts(f, config, NOW), config, NOW)).toEqual(r);
      }),
      { numRuns: 300, seed: 20261123 },
    );
  });
});
