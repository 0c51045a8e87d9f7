import { describe, expect, it } from 'vitest';
import { factsHorizonDays } from './account-facts.ts';
import { DEFAULT_HEALTH_CONFIG, parseHealthConfig } from './health-config.ts';

const PLEASE = 'Please fix the "health" section of the workspace config.';

describe('parseHealthConfig defaults', () => {
  it('fills in every default of the design when the section is absent', () => {
    const c = parseHealthConfig(undefined);
    expect(c).toEqual(DEFAULT_HEALTH_CONFIG);
    expect(c.activationWindowDays).toBe(30);
    expect(c.surveyWindows).toEqual({ npsDays: 180, csatDays: 90, cesDays: 90 });
    expect(c.weights.default).toEqual({ outcome: 0.8, experience: 0.2 });
    expect(c.weights.A).toEqual({ outcome: 0.7, experience: 0.3 });
    expect(c.weights.B).toBeUndefined();
    expect(c.bands).toEqual({ yellowFrom: 50, greenFrom: 75 });
    expect(c.renewalWindowDays).toBe(90);
    expect(c.inactivityDays).toBe(14);
    expect(c.usageDropThreshold).toBe(0.5);
    expect(c.detractorWindowDays).toBe(90);
    expect(c.tier).toEqual({ trait: 'tier', rules: [], fallback: 'C' });
    expect(c.northStar).toBeNull();
    expect(c.traits).toEqual({ signupAt: 'createdAt', contractEndAt: 'contractEndAt' });
    const w = c.outcomeWeights;
    // 0.3 + 0.2 + 0.2 + 0.1 + 0.1 + 0.1 = 1
    expect(w.activation + w.adoption + w.usage_frequency + w.usage_breadth + w.usage_recency + w.activated_in_window).toBeCloseTo(1, 10);
    expect(c.experienceWeights).toEqual({ nps: 0.5, csat: 0.25, ces: 0.25 });
  });

  it('treats a null section like a missing one', () => {
    expect(parseHealthConfig(null)).toEqual(DEFAULT_HEALTH_CONFIG);
  });

  it('returns a fresh object, so callers cannot corrupt the defaults', () => {
    const c = parseHealthConfig({});
    c.milestones.required.push('x');
    c.weights.default.outcome = 0;
    expect(DEFAULT_HEALTH_CONFIG.milestones.required).toEqual([]);
    expect(DEFAULT_HEALTH_CONFIG.weights.default.outcome).toBe(0.8);
  });

  it('merges a partial section over the defaults', () => {
    const c = parseHealthConfig({
      milestones: { required: ['created_project', 'invited_team'], all: ['shared_report', 'created_project'] },
      weights: { A: { outcome: 0.6 }, B: { experience: 0.25 } },
      inactivityDays: 21,
      northStar: { event: 'Report Shared', aggregation: 'count' },
    });
    // required milestones always count towards adoption breadth too
    expect(c.milestones.all).toEqual(['created_project', 'invited_team', 'shared_report']);
    expect(c.weights.A?.outcome).toBe(0.6);
    expect(c.weights.A?.experience).toBeCloseTo(0.4, 12); // 1 − 0.6
    expect(c.weights.B?.outcome).toBe(0.75); // 1 − 0.25
    expect(c.weights.default).toEqual({ outcome: 0.8, experience: 0.2 });
    expect(c.inactivityDays).toBe(21);
    expect(c.activationWindowDays).toBe(30);
    expect(c.northStar).toEqual({ name: 'Report Shared', event: 'Report Shared', aggregation: 'count', windowWeeks: 12 });
  });

  it('accepts tier rules', () => {
    const c = parseHealthConfig({ tier: { rules: [{ tier: 'A', trait: 'mrr', op: 'gte', value: 5000 }], fallback: 'B' } });
    expect(c.tier).toEqual({ trait: 'tier', rules: [{ tier: 'A', trait: 'mrr', op: 'gte', value: 5000 }], fallback: 'B' });
  });
});

describe('parseHealthConfig errors', () => {
  const cases: [string, unknown, string][] = [
    ['weight out of range', { weights: { default: { outcome: 1.5 } } }, `weights.default.outcome must be a number between 0 and 1. ${PLEASE}`],
    ['weight not a number', { weights: { default: { outcome: '0.8' } } }, 'weights.default.outcome must be a number between 0 and 1.'],
    ['weights not summing to 1', { weights: { A: { outcome: 0.7, experience: 0.2 } } }, 'weights.A must be outcome and experience weights summing to 1.'],
    ['unknown tier in weights', { weights: { D: { outcome: 1 } } }, 'unknown key "weights.D". Please remove it or use one of: default, A, B, C.'],
    ['misspelt key', { weigths: {} }, 'unknown key "weigths". Please remove it'],
    ['section not an object', 'yes', 'health must be an object.'],
    ['window not an integer', { surveyWindows: { npsDays: 7.5 } }, 'surveyWindows.npsDays must be an integer between 1 and 3650.'],
    ['bands inverted', { bands: { yellowFrom: 80, greenFrom: 60 } }, 'bands.greenFrom must be at least bands.yellowFrom (80).'],
    ['milestones not strings', { milestones: { required: ['a', 3] } }, 'milestones.required must be a list of non-empty strings.'],
    ['all outcome weights zero', { outcomeWeights: { activation: 0, adoption: 0, usage_frequency: 0, usage_breadth: 0, usage_recency: 0, activated_in_window: 0 } }, 'outcomeWeights must be weights with at least one above 0.'],
    ['target days past the window', { usage: { windowDays: 14, targetActiveDays: 20 } }, 'usage.targetActiveDays must be an integer between 1 and 14.'],
    ['usage drop out of range', { usageDropThreshold: 50 }, 'usageDropThreshold must be a number between 0.01 and 1.'],
    ['bad rule operator', { tier: { rules: [{ tier: 'A', trait: 'mrr', op: '>=', value: 1 }] } }, 'tier.rules[0].op must be one of eq, neq, gt, gte, lt, lte, in.'],
    ['rule without tier', { tier: { rules: [{ trait: 'mrr', op: 'gt', value: 1 }] } }, 'tier.rules[0].tier must be one of A, B, C.'],
    ['in without a list', { tier: { rules: [{ tier: 'B', trait: 'plan', op: 'in', value: 'pro' }] } }, 'tier.rules[0].value must be a list of strings or numbers for op "in".'],
    ['bad fallback tier', { tier: { fallback: 'D' } }, 'tier.fallback must be one of A, B, C.'],
    ['sum without property', { northStar: { event: 'Invoice Paid', aggregation: 'sum' } }, 'northStar.property must be set when aggregation is "sum".'],
    ['north star without event', { northStar: { name: 'x' } }, 'northStar.event must be a non-empty string.'],
    ['empty trait name', { traits: { contractEndAt: '' } }, 'traits.contractEndAt must be a non-empty string.'],
    ['bad aggregation', { northStar: { event: 'e', aggregation: 'avg' } }, 'northStar.aggregation must be one of count, sum, unique_users.'],
  ];
  it.each(cases)('rejects %s', (_name, raw, message) => {
    expect(() => parseHealthConfig(raw)).toThrow(`Failed to load health config: ${message}`);
  });
});

describe('factsHorizonDays', () => {
  it('is the longest window the model reads', () => {
    // max(2 · 30 usage, 180 NPS, 90 CSAT, 90 CES, 90 detractor) = 180
    expect(factsHorizonDays(DEFAULT_HEALTH_CONFIG)).toBe(180);
    // a 52-week north star: 52 · 7 = 364
    expect(factsHorizonDays(parseHealthConfig({ northStar: { event: 'e', windowWeeks: 52 } }))).toBe(364);
    // 2 · 120 usage days = 240
    expect(factsHorizonDays(parseHealthConfig({ usage: { windowDays: 120 } }))).toBe(240);
  });
});
