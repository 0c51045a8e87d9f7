import { describe, expect, it } from 'vitest';
import { usageMetrics } from './usage.ts';

const now = new Date('2026-11-23T12:00:00.000Z');

describe('usageMetrics', () => {
  it('splits day buckets into the current 30 days (today included) and the 30 before', () => {
    const m = usageMetrics(
      {
        '2026-11-24': { events: 1000, users: ['future'] }, // after today: ignored
        '2026-11-23': { events: 5, users: ['u1', 'u2'] }, // today, current window
        '2026-10-25': { events: 3, users: ['u1', 'u3'] }, // first day of the current window (Nov 23 − 29)
        '2026-10-24': { events: 10, users: ['u4'] }, // last day of the previous window
        '2026-09-25': { events: 2, users: ['u5'] }, // first day of the previous window (Nov 23 − 59)
        '2026-09-24': { events: 100, users: ['u6'] }, // older: ignored
        '2026-11-01': { events: 0, users: [] }, // an empty bucket is not an active day
      },
      '2026-11-20T12:00:00.000Z',
      now,
      30,
    );
    expect(m.activeDays).toBe(2); // Nov 23, Oct 25
    expect(m.activeUsers).toBe(3); // u1, u2, u3 (u1 counted once)
    expect(m.eventsLast).toBe(8); // 5 + 3
    expect(m.eventsPrev).toBe(12); // 10 + 2
    expect(m.trend).toBeCloseTo(-0.3333, 4); // (8 − 12) / 12
    expect(m.daysSinceLastSeen).toBe(3); // Nov 20 12:00 → Nov 23 12:00
  });

  it('has no trend without a previous window and no recency without a last event', () => {
    const m = usageMetrics({ '2026-11-22': { events: 4, users: ['u1'] } }, null, now, 30);
    expect(m.trend).toBeNull();
    expect(m.daysSinceLastSeen).toBeNull();
    expect(m.eventsLast).toBe(4);
  });

  it('follows a configured window length', () => {
    // 7-day window: Nov 17 … Nov 23 current, Nov 10 … Nov 16 previous
    const m = usageMetrics({ '2026-11-17': { events: 2, users: ['a'] }, '2026-11-16': { events: 6, users: ['b'] } }, null, now, 7);
    expect([m.eventsLast, m.eventsPrev, m.activeUsers]).toEqual([2, 6, 1]);
    expect(m.trend).toBeCloseTo(-0.6667, 4); // (2 − 6) / 6
  });
});
