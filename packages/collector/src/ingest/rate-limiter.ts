import type { RateLimit } from '../config.ts';

/** The answer of {@link RateLimiter.take}. */
export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Token buckets, one per write key, counted in events. */
export interface RateLimiter {
  /** Takes `count` tokens from the bucket of `key`, or says how long to wait. */
  take(key: string, limit: RateLimit, count: number): RateDecision;
}

/**
 * Creates token buckets that refill at `eventsPerSecond` up to `burst`.
 *
 * @param now - clock in milliseconds (injected by tests)
 */
export function createRateLimiter(now: () => number = Date.now): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key, limit, count) {
      const time = now();
      const bucket = buckets.get(key) ?? { tokens: limit.burst, at: time };
      bucket.tokens = Math.min(limit.burst, bucket.tokens + ((time - bucket.at) / 1000) * limit.eventsPerSecond);
      bucket.at = time;
      buckets.set(key, bucket);
      // A batch larger than the burst could never pass; it needs a full bucket instead.
      const cost = Math.min(count, limit.burst);
      if (bucket.tokens >= cost) {
        bucket.tokens -= cost;
        return { ok: true };
      }
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((cost - bucket.tokens) / limit.eventsPerSecond)) };
    },
  };
}
