import type { DayActivity } from './account-facts.ts';
import { addDays, daysBetween, isValidInstant, utcDay } from './days.ts';

/** Usage of one account in the current window and the one before it. */
export interface UsageMetrics {
  /** Days with at least one event in the current window. */
  activeDays: number;
  /** Distinct users active in the current window. */
  activeUsers: number;
  eventsLast: number;
  eventsPrev: number;
  /** (eventsLast − eventsPrev) / eventsPrev, e.g. −0.5 for a halving; null when the previous window is empty. */
  trend: number | null;
  /** Fractional days since the last event; null when never seen. */
  daysSinceLastSeen: number | null;
}

/**
 * Usage from per-day buckets. The current window is the `windowDays` UTC days ending with today (today
 * included, so a 30-day window on Nov 23 is Oct 25 … Nov 23); the previous window is the `windowDays` days
 * before it. Buckets dated after today are ignored.
 */
export function usageMetrics(
  activity: Readonly<Record<string, DayActivity>>,
  lastSeenAt: string | null,
  now: Date,
  windowDays: number,
): UsageMetrics {
  const today = utcDay(now);
  const currentFrom = addDays(today, -(windowDays - 1));
  const previousFrom = addDays(today, -(2 * windowDays - 1));
  const users = new Set<string>();
  let activeDays = 0;
  let eventsLast = 0;
  let eventsPrev = 0;
  // `YYYY-MM-DD` keys compare chronologically as strings.
  for (const [day, bucket] of Object.entries(activity)) {
    if (day > today || day < previousFrom) continue;
    if (day >= currentFrom) {
      eventsLast += bucket.events;
      if (bucket.events > 0) activeDays += 1;
      for (const user of bucket.users) users.add(user);
    } else {
      eventsPrev += bucket.events;
    }
  }
  return {
    activeDays,
    activeUsers: users.size,
    eventsLast,
    eventsPrev,
    trend: eventsPrev === 0 ? null : (eventsLast - eventsPrev) / eventsPrev,
    daysSinceLastSeen: isValidInstant(lastSeenAt) ? Math.max(0, daysBetween(lastSeenAt, now)) : null,
  };
}
