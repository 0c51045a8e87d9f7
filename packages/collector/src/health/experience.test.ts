import { describe, expect, it } from 'vitest';
import { experienceScore } from './experience.ts';
import { parseHealthConfig } from './health-config.ts';
import type { SurveyScores } from './survey-scores.ts';

const config = parseHealthConfig({});
const nps = { score: 40, scaled: 70, responses: 5 }; // (40 + 100) / 2 = 70
const csat = { score: 40, scaled: 40, responses: 5 };
const ces = { score: 6, scaled: (5 / 6) * 100, responses: 3 }; // (6 − 1) / 6 · 100 = 83.33
const weightOf = (s: ReturnType<typeof experienceScore>, key: string) => s.components.find((c) => c.key === key)?.weight;

describe('experienceScore', () => {
  it('weights NPS, CSAT and CES 0.5 / 0.25 / 0.25', () => {
    const s = experienceScore({ nps, csat, ces }, config);
    // 0.5 · 70 + 0.25 · 40 + 0.25 · 83.333 = 35 + 10 + 20.833 = 65.833
    expect(s.value).toBeCloseTo(65.8333, 4);
    expect(s.components.map((c) => c.detail)).toEqual([
      'NPS 40 (5 responses, last 180 days)',
      'CSAT 40% satisfied (5 responses, last 90 days)',
      'CES 6 of 7, 7 = very easy (3 responses, last 90 days)',
    ]);
  });

  it('leaves a missing measure out instead of counting it as zero', () => {
    const s = experienceScore({ nps, csat: null, ces }, config);
    // weights 0.5 / 0.75 = 2/3 and 0.25 / 0.75 = 1/3: 70 · 2/3 + 83.333 · 1/3 = 46.667 + 27.778 = 74.444
    expect(s.value).toBeCloseTo(74.4444, 4);
    expect(weightOf(s, 'nps')).toBeCloseTo(2 / 3, 10);
    expect(weightOf(s, 'csat')).toBe(0);
    expect(s.components[1]?.detail).toBe('no CSAT response in the last 90 days');
  });

  it('is the one measure when only one has data', () => {
    expect(experienceScore({ nps, csat: null, ces: null }, config).value).toBe(70);
    expect(experienceScore({ nps: null, csat: null, ces: { score: 4, scaled: 50, responses: 1 } }, config).value).toBe(50);
  });

  it('counts all-detractor NPS as 0, which is data, not missing', () => {
    const s = experienceScore({ nps: { score: -100, scaled: 0, responses: 3 }, csat: null, ces: null }, config);
    expect(s.value).toBe(0);
  });

  it('is null with no experience data at all', () => {
    const empty: SurveyScores = { nps: null, csat: null, ces: null };
    const s = experienceScore(empty, config);
    expect(s.value).toBeNull();
    expect(s.components.every((c) => c.value === null && c.weight === 0)).toBe(true);
  });

  it('follows configured weights', () => {
    const s = experienceScore({ nps, csat, ces: null }, parseHealthConfig({ experienceWeights: { nps: 0.2, csat: 0.8, ces: 0 } }));
    // 0.2 · 70 + 0.8 · 40 = 14 + 32 = 46
    expect(s.value).toBeCloseTo(46, 10);
  });
});
