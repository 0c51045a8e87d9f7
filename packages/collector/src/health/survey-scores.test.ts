import { describe, expect, it } from 'vitest';
import type { SurveyResponseFact } from './account-facts.ts';
import { DAY_MS } from './days.ts';
import { cesScore, cesToScale, csatScore, npsScore, npsToScale, responsesInWindow, surveyScores } from './survey-scores.ts';

const now = new Date('2026-11-23T12:00:00.000Z');
const ago = (days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();

describe('npsScore', () => {
  it('is null with no responses', () => {
    expect(npsScore([])).toBeNull();
  });

  it('scores one response on its own', () => {
    expect(npsScore([10])).toBe(100); // 1 promoter of 1 → 100 % − 0 %
    expect(npsScore([7])).toBe(0); // a passive: 0 % − 0 %
    expect(npsScore([6])).toBe(-100); // 0 % − 100 %
  });

  it('is 100 with all promoters and −100 with all detractors', () => {
    expect(npsScore([9, 10, 9])).toBe(100);
    expect(npsScore([0, 3, 6])).toBe(-100);
  });

  it('subtracts % detractors (0–6) from % promoters (9–10), passives (7–8) only in the total', () => {
    // promoters 10, 10, 9 = 3; passive 8; detractor 2 → (3 − 1) / 5 · 100 = 40
    expect(npsScore([10, 10, 9, 8, 2])).toBe(40);
    // promoters 10, 9, 10, 9 = 4; passives 8, 7; detractors 6, 0, 5, 3 = 4 → (4 − 4) / 10 = 0
    expect(npsScore([10, 9, 8, 7, 6, 0, 10, 9, 5, 3])).toBe(0);
    // promoters 1 of 3, detractors 2 of 3 → 33.33 − 66.67 = −33.33
    expect(npsScore([9, 6, 0])).toBeCloseTo(-33.3333, 4);
  });

  it('maps −100…100 onto 0–100 as (nps + 100) / 2', () => {
    expect(npsToScale(-100)).toBe(0);
    expect(npsToScale(0)).toBe(50);
    expect(npsToScale(40)).toBe(70); // (40 + 100) / 2
    expect(npsToScale(100)).toBe(100);
  });
});

describe('csatScore', () => {
  it('is the % of 4–5 answers', () => {
    expect(csatScore([])).toBeNull();
    expect(csatScore([4])).toBe(100);
    expect(csatScore([3])).toBe(0);
    expect(csatScore([5, 4, 3, 2, 1])).toBe(40); // 2 of 5
    expect(csatScore([5, 5, 5, 1])).toBe(75); // 3 of 4
  });
});

describe('cesScore', () => {
  it('is the mean on 1–7, higher = easier', () => {
    expect(cesScore([])).toBeNull();
    expect(cesScore([5])).toBe(5);
    expect(cesScore([7, 5, 6])).toBe(6); // 18 / 3
    expect(cesScore([1, 2])).toBe(1.5);
  });

  it('maps 1…7 onto 0–100 as (mean − 1) / 6 · 100', () => {
    expect(cesToScale(1)).toBe(0);
    expect(cesToScale(4)).toBe(50); // 3 / 6
    expect(cesToScale(7)).toBe(100);
    expect(cesToScale(6)).toBeCloseTo(83.3333, 4); // 5 / 6
  });
});

describe('responsesInWindow', () => {
  const nps = (score: number, at: string, userId: string | null = null): SurveyResponseFact => ({ kind: 'nps', score, at, userId });

  it('includes the window start, excludes older and future responses', () => {
    const kept = responsesInWindow(
      [nps(1, ago(180)), nps(2, new Date(now.getTime() - 180 * DAY_MS - 1).toISOString()), nps(3, ago(-0.01)), nps(4, now.toISOString())],
      'nps',
      now,
      180,
    );
    expect(kept.map((r) => r.score)).toEqual([1, 4]);
  });

  it("keeps each user's latest answer and every anonymous one", () => {
    const kept = responsesInWindow(
      [nps(3, ago(40), 'u1'), nps(9, ago(10), 'u1'), nps(5, ago(30), null), nps(6, ago(20), null), nps(8, ago(5), 'u2')],
      'nps',
      now,
      180,
    );
    expect(kept.map((r) => [r.userId, r.score])).toEqual([
      [null, 5],
      [null, 6],
      ['u1', 9],
      ['u2', 8],
    ]);
  });

  it('drops other kinds and scores outside the scale', () => {
    const kept = responsesInWindow(
      [nps(11, ago(1)), nps(-1, ago(1)), { kind: 'csat', score: 5, at: ago(1), userId: null }, nps(0, ago(1))],
      'nps',
      now,
      180,
    );
    expect(kept.map((r) => r.score)).toEqual([0]);
  });
});

describe('surveyScores', () => {
  it('applies each kind its own window (NPS 180 d, CSAT 90 d, CES 90 d) and leaves empty ones null', () => {
    const responses: SurveyResponseFact[] = [
      { kind: 'nps', score: 10, at: ago(100), userId: 'u1' },
      { kind: 'nps', score: 2, at: ago(179), userId: 'u2' },
      { kind: 'csat', score: 5, at: ago(100), userId: 'u1' }, // outside 90 days
    ];
    const scores = surveyScores(responses, { npsDays: 180, csatDays: 90, cesDays: 90 }, now);
    // 1 promoter, 1 detractor of 2 → 0; scaled (0 + 100) / 2 = 50
    expect(scores.nps).toEqual({ score: 0, scaled: 50, responses: 2 });
    expect(scores.csat).toBeNull();
    expect(scores.ces).toBeNull();
  });
});
