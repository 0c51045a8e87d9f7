import { describe, expect, it } from 'vitest';
import { pruneFacts } from './account-facts.ts';
import { ago, buildFacts, NOW } from './facts-fixture.ts';
import { parseHealthConfig } from './health-config.ts';

describe('pruneFacts', () => {
  it('drops day buckets and responses beyond the horizon (180 days by default) and keeps the rest', () => {
    const facts = buildFacts({
      milestones: [{ milestone: 'a', reachedAt: ago(400) }],
      activity: {
        '2026-05-27': { events: 1, users: [] }, // Nov 23 − 180 days: kept
        '2026-05-26': { events: 1, users: [] }, // 181 days: dropped
      },
      responses: [
        { kind: 'nps', score: 9, at: ago(180), userId: null },
        { kind: 'nps', score: 9, at: ago(180.01), userId: null },
      ],
      northStar: { '2026-05-26': { count: 1, sum: 0, users: [] }, '2026-11-23': { count: 1, sum: 0, users: [] } },
    });
    const pruned = pruneFacts(facts, parseHealthConfig({}), NOW);
    expect(Object.keys(pruned.activity)).toEqual(['2026-05-27']);
    expect(pruned.responses.map((r) => r.at)).toEqual([ago(180)]);
    expect(Object.keys(pruned.northStar ?? {})).toEqual(['2026-11-23']);
    expect(pruned.milestones).toEqual(facts.milestones);
    expect(Object.keys(facts.activity)).toHaveLength(2); // input untouched
  });
});
