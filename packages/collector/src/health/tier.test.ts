import { describe, expect, it } from 'vitest';
import type { TierConfig } from './health-config.ts';
import { matchesTierRule, tierFor } from './tier.ts';

const config: TierConfig = {
  trait: 'tier',
  rules: [
    { tier: 'A', trait: 'mrr', op: 'gte', value: 5000 },
    { tier: 'A', trait: 'plan', op: 'in', value: ['enterprise', 'strategic'] },
    { tier: 'B', trait: 'mrr', op: 'gte', value: 500 },
  ],
  fallback: 'C',
};

describe('tierFor', () => {
  it('takes an explicit tier trait first, in any case', () => {
    expect(tierFor({ tier: 'a', mrr: 10 }, config)).toBe('A');
    expect(tierFor({ tier: ' B ', mrr: 99_999 }, config)).toBe('B');
  });

  it('ignores an explicit trait that is not a tier and falls back to the rules', () => {
    expect(tierFor({ tier: 'gold', mrr: 600 }, config)).toBe('B');
  });

  it('applies the first matching rule, comparing numeric strings as numbers', () => {
    expect(tierFor({ mrr: '5000' }, config)).toBe('A'); // 5000 ≥ 5000
    expect(tierFor({ mrr: 4999 }, config)).toBe('B'); // 4999 ≥ 500
    expect(tierFor({ plan: 'Enterprise', mrr: 10 }, config)).toBe('A');
  });

  it('uses the fallback when nothing matches or the trait is missing', () => {
    expect(tierFor({ mrr: 499 }, config)).toBe('C');
    expect(tierFor({}, config)).toBe('C');
    expect(tierFor({}, { ...config, fallback: 'B' })).toBe('B');
  });
});

describe('matchesTierRule', () => {
  it('evaluates each operator', () => {
    const t = { seats: 50, region: 'EU', beta: true };
    expect(matchesTierRule(t, { tier: 'A', trait: 'seats', op: 'gt', value: 49 })).toBe(true);
    expect(matchesTierRule(t, { tier: 'A', trait: 'seats', op: 'gt', value: 50 })).toBe(false);
    expect(matchesTierRule(t, { tier: 'A', trait: 'seats', op: 'lt', value: 51 })).toBe(true);
    expect(matchesTierRule(t, { tier: 'A', trait: 'seats', op: 'lte', value: 50 })).toBe(true);
    expect(matchesTierRule(t, { tier: 'A', trait: 'region', op: 'eq', value: 'eu' })).toBe(true);
    expect(matchesTierRule(t, { tier: 'A', trait: 'region', op: 'neq', value: 'US' })).toBe(true);
    expect(matchesTierRule(t, { tier: 'A', trait: 'beta', op: 'eq', value: true })).toBe(true);
    expect(matchesTierRule(t, { tier: 'A', trait: 'region', op: 'gte', value: 1 })).toBe(false); // not a number
  });

  it('never matches a missing trait, not even with neq', () => {
    expect(matchesTierRule({}, { tier: 'A', trait: 'region', op: 'neq', value: 'US' })).toBe(false);
  });
});
