import { describe, expect, it } from 'vitest';
import { backoffDelay, retryAfterDelay } from './retry-delay.ts';

const policy = { baseDelayMs: 1000, maxDelayMs: 60_000 };

describe('backoffDelay', () => {
  it('doubles per attempt between half and all of the exponential delay', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, policy, 0))).toEqual([500, 1000, 2000, 4000]);
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, policy, 0.999999))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffDelay(3, policy, 0.5)).toBe(3000);
  });

  it('never exceeds the cap', () => {
    expect(backoffDelay(30, policy, 0.999999)).toBe(60_000);
    expect(backoffDelay(30, policy, 0)).toBe(30_000);
  });
});

describe('retryAfterDelay', () => {
  const now = Date.parse('2026-11-23T12:00:00Z');
  it('reads delay-seconds and HTTP-dates', () => {
    expect(retryAfterDelay('7', now, 60_000)).toBe(7000);
    expect(retryAfterDelay('Mon, 23 Nov 2026 12:00:30 GMT', now, 60_000)).toBe(30_000);
  });
  it('caps, floors at zero and ignores what it cannot read', () => {
    expect(retryAfterDelay('86400', now, 60_000)).toBe(60_000);
    expect(retryAfterDelay('Mon, 23 Nov 2026 11:00:00 GMT', now, 60_000)).toBe(0);
    expect(retryAfterDelay(null, now, 60_000)).toBeUndefined();
    expect(retryAfterDelay('soon', now, 60_000)).toBeUndefined();
  });
});
