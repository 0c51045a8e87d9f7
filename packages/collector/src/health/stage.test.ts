import { describe, expect, it } from 'vitest';
import type { ActivationStatus } from './activation.ts';
import { DAY_MS } from './days.ts';
import { ago, NOW } from './facts-fixture.ts';
import { parseHealthConfig } from './health-config.ts';
import { stageFor } from './stage.ts';

const config = parseHealthConfig({ milestones: { required: ['a'], all: ['b'] } });
const status = (over: Partial<ActivationStatus>): ActivationStatus => ({
  activated: false,
  activatedAt: null,
  timeToValueDays: null,
  requiredReached: [],
  requiredMissing: ['a'],
  milestonesReached: [],
  daysSinceSignup: 10,
  activatedInWindow: null,
  ...over,
});
const activated = status({ activated: true, requiredReached: ['a'], requiredMissing: [], milestonesReached: ['a'], daysSinceSignup: 40 });
const adopted = status({ ...activated, milestonesReached: ['a', 'b'] });
const stage = (activation: ActivationStatus, contractEndAt: string | null = null) => stageFor({ activation, contractEndAt }, config, NOW);

describe('stageFor', () => {
  it('is onboarding until activated or day 30', () => {
    expect(stage(status({ daysSinceSignup: 0 }))).toBe('onboarding');
    expect(stage(status({ daysSinceSignup: 29.99 }))).toBe('onboarding');
    expect(stage(status({ daysSinceSignup: 30 }))).toBe('growth'); // window over, not activated
  });

  it('keeps an account with an unknown signup date in onboarding until it activates', () => {
    expect(stage(status({ daysSinceSignup: null }))).toBe('onboarding');
    expect(stage(status({ ...activated, daysSinceSignup: null }))).toBe('growth');
  });

  it('is growth while activated but not all milestones are adopted, active once they are', () => {
    expect(stage(activated)).toBe('growth'); // a of a, b
    expect(stage(adopted)).toBe('active'); // a and b
    expect(stage(status({ ...activated, daysSinceSignup: 5 }))).toBe('growth'); // activated early leaves onboarding
  });

  it('is active once activated when no optional milestones exist', () => {
    expect(stageFor({ activation: activated, contractEndAt: null }, parseHealthConfig({ milestones: { required: ['a'] } }), NOW)).toBe('active');
  });

  it('is renewal from 90 days before the contract end, and after it passed, over every other stage', () => {
    expect(stage(adopted, ago(-90))).toBe('renewal'); // exactly 90 days ahead
    expect(stage(adopted, new Date(NOW.getTime() + 90 * DAY_MS + 60_000).toISOString())).toBe('active'); // 90 days and a minute
    expect(stage(status({ daysSinceSignup: 3 }), ago(-30))).toBe('renewal');
    expect(stage(adopted, ago(10))).toBe('renewal'); // ended 10 days ago, no new end date yet
    expect(stage(adopted, 'not a date')).toBe('active');
  });
});
