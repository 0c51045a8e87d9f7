import { describe, expect, test } from 'vitest';
import { backoff, parseRetryAfter } from './backoff.ts';

describe('backoff', () => {
  test('is full jitter: between 0 and base·2^attempt', () => {
    expect(backoff(0, 1000, 60_000, () => 0)).toBe(0);
    expect(backoff(0, 1000, 60_000, () => 0.999)).toBe(999);
    expect(backoff(3, 1000, 60_000, () => 0.5)).toBe(4000);
  });

  test('is capped', () => {
    expect(backoff(20, 1000, 60_000, () => 0.999)).toBeLessThan(60_000);
    expect(backoff(20, 1000, 60_000, () => 0.5)).toBe(30_000);
  });
});

describe('parseRetryAfter', () => {
  test('reads delay-seconds', () => {
    expect(parseRetryAfter('2')).toBe(2000);
    expect(parseRetryAfter('0')).toBe(0);
  });

  test('reads an HTTP date relative to now', () => {
    const now = Date.parse('Wed, 21 Oct 2026 07:28:00 GMT');
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:27:00 GMT', now)).toBe(0);
  });

  test('is undefined when absent or unreadable', () => {
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('  ')).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});
