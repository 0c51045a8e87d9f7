import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limiter.ts';

describe('rate limiter', () => {
  it('allows a burst, then refills at eventsPerSecond, per key', () => {
    let clock = 0;
    const limiter = createRateLimiter(() => clock);
    const limit = { eventsPerSecond: 10, burst: 30 };
    expect(limiter.take('a', limit, 30)).toEqual({ ok: true });
    expect(limiter.take('a', limit, 5)).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(limiter.take('b', limit, 30)).toEqual({ ok: true });
    clock = 500;
    expect(limiter.take('a', limit, 5)).toEqual({ ok: true });
    expect(limiter.take('a', limit, 25)).toEqual({ ok: false, retryAfterSeconds: 3 });
  });

  it('lets a batch larger than the burst through once the bucket is full', () => {
    let clock = 0;
    const limiter = createRateLimiter(() => clock);
    const limit = { eventsPerSecond: 10, burst: 20 };
    expect(limiter.take('a', limit, 100)).toEqual({ ok: true });
    expect(limiter.take('a', limit, 100)).toEqual({ ok: false, retryAfterSeconds: 2 });
    clock = 2000;
    expect(limiter.take('a', limit, 100)).toEqual({ ok: true });
  });
});
