import { describe, expect, it } from 'vitest';
import { activationStatus } from './activation.ts';
import { DAY_MS } from './days.ts';
import { parseHealthConfig } from './health-config.ts';

const now = new Date('2026-11-23T12:00:00.000Z');
const ago = (days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();
const config = parseHealthConfig({ milestones: { required: ['a', 'b'], all: ['c'] } });

describe('activationStatus', () => {
  it('activates when the last required milestone is reached', () => {
    const s = activationStatus(
      { signupAt: ago(40), milestones: [{ milestone: 'b', reachedAt: ago(27.5) }, { milestone: 'a', reachedAt: ago(35) }, { milestone: 'c', reachedAt: ago(1) }] },
      config,
      now,
    );
    expect(s.activated).toBe(true);
    expect(s.activatedAt).toBe(ago(27.5));
    expect(s.timeToValueDays).toBeCloseTo(12.5, 10); // 40 − 27.5
    expect(s.activatedInWindow).toBe(true); // 12.5 ≤ 30
    expect(s.milestonesReached).toEqual(['a', 'b', 'c']);
  });

  it('uses the earliest reach of a milestone and ignores reaches after now', () => {
    const s = activationStatus(
      {
        signupAt: ago(50),
        milestones: [
          { milestone: 'a', reachedAt: ago(10) },
          { milestone: 'a', reachedAt: ago(45) },
          { milestone: 'b', reachedAt: ago(-1) },
        ],
      },
      config,
      now,
    );
    expect(s.activated).toBe(false);
    expect(s.requiredReached).toEqual(['a']);
    expect(s.requiredMissing).toEqual(['b']);
    expect(s.activatedInWindow).toBe(false); // day 50 ≥ 30 without activation
  });

  it('counts activation on day 30 exactly as in time, and day 31 as late', () => {
    const onTime = activationStatus({ signupAt: ago(40), milestones: [{ milestone: 'a', reachedAt: ago(10) }, { milestone: 'b', reachedAt: ago(10) }] }, config, now);
    expect(onTime.timeToValueDays).toBe(30);
    expect(onTime.activatedInWindow).toBe(true);
    const late = activationStatus({ signupAt: ago(40), milestones: [{ milestone: 'a', reachedAt: ago(9) }, { milestone: 'b', reachedAt: ago(9) }] }, config, now);
    expect(late.activatedInWindow).toBe(false);
  });

  it('leaves the window undecided while it runs and when the signup date is unknown', () => {
    expect(activationStatus({ signupAt: ago(12), milestones: [] }, config, now).activatedInWindow).toBeNull();
    const unknown = activationStatus({ signupAt: null, milestones: [{ milestone: 'a', reachedAt: ago(3) }, { milestone: 'b', reachedAt: ago(2) }] }, config, now);
    expect(unknown.activated).toBe(true);
    expect(unknown.timeToValueDays).toBeNull();
    expect(unknown.activatedInWindow).toBeNull();
    expect(unknown.daysSinceSignup).toBeNull();
  });

  it('clamps time to value at 0 when a milestone predates the signup trait', () => {
    const s = activationStatus({ signupAt: ago(5), milestones: [{ milestone: 'a', reachedAt: ago(6) }, { milestone: 'b', reachedAt: ago(7) }] }, config, now);
    expect(s.timeToValueDays).toBe(0);
  });

  it('activates on the first milestone of any kind when none is required', () => {
    const s = activationStatus(
      { signupAt: ago(20), milestones: [{ milestone: 'x', reachedAt: ago(5) }, { milestone: 'y', reachedAt: ago(15) }] },
      parseHealthConfig({}),
      now,
    );
    expect(s.activatedAt).toBe(ago(15));
    expect(s.timeToValueDays).toBeCloseTo(5, 10); // 20 − 15
  });
});
