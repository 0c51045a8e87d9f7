/** How long to wait before retrying a failed delivery. */
export interface RetryPolicy {
  /** Delay before the second attempt; doubles with each further one. */
  baseDelayMs: number;
  /** Ceiling of the exponential delay and of a receiver's `Retry-After`. */
  maxDelayMs: number;
}

/** 1 s, 2 s, 4 s … capped at one hour: eight attempts span about two minutes, twelve about an hour. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseDelayMs: 1_000, maxDelayMs: 3_600_000 };

/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half random, so retries of
 * many deliveries after one outage spread out instead of arriving together.
 *
 * @param attempts - attempts made so far (1 after the first failure)
 * @param random - a number in [0, 1)
 */
export function backoffDelay(attempts: number, policy: RetryPolicy, random: number): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential / 2 + random * (exponential / 2));
}

/**
 * The delay a `Retry-After` header asks for (RFC 9110 §10.2.3: delay-seconds or an HTTP-date),
 * capped at `maxDelayMs`; undefined when absent or unreadable.
 */
export function retryAfterDelay(header: string | null, now: number, maxDelayMs: number): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const text = header.trim();
  const ms = /^\d+$/.test(text) ? Number(text) * 1000 : Date.parse(text) - now;
  if (!Number.isFinite(ms)) return undefined;
  return Math.min(maxDelayMs, Math.max(0, ms));
}
