/**
 * Delay before retry number `attempt` (0-based): exponential backoff with full jitter,
 * `random(0, min(cap, base · 2^attempt))` — spreads the retries of many browsers after an
 * outage instead of having them return in waves.
 */
export function backoff(attempt: number, base: number, cap: number, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(cap, base * 2 ** attempt));
}

/**
 * Milliseconds to wait from a `Retry-After` header, which per RFC 9110 §10.2.3 is either
 * delay-seconds or an HTTP date; undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!value || !value.trim()) return undefined;
  const seconds = Number(value);
  if (!Number.isNaN(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
