import type { NorthStarDay } from './account-facts.ts';
import { addDays, DAY_MS, utcDay } from './days.ts';
import type { NorthStarAggregation, NorthStarConfig } from './health-config.ts';

/** One point of the north-star series. */
export interface NorthStarPoint {
  /** Monday of the week, `YYYY-MM-DD` (UTC). */
  weekStart: string;
  value: number;
}

/** The Monday (UTC) starting the ISO week of an instant or `YYYY-MM-DD` day. */
export function weekStartOf(at: Date | string | number): string {
  const day = new Date(typeof at === 'string' && at.length === 10 ? `${at}T00:00:00.000Z` : at);
  // getUTCDay: Sunday 0 … Saturday 6; Monday-start weeks put Sunday 6 days after Monday.
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return utcDay(day.getTime() - sinceMonday * DAY_MS);
}

function aggregate(buckets: readonly NorthStarDay[], aggregation: NorthStarAggregation): number {
  if (aggregation === 'count') return buckets.reduce((n, b) => n + b.count, 0);
  if (aggregation === 'sum') return buckets.reduce((n, b) => n + b.sum, 0);
  return new Set(buckets.flatMap((b) => b.users)).size;
}

/**
 * Weekly north-star series from daily buckets: `windowWeeks` Monday-start UTC weeks, oldest first, the last
 * being the current (partial) week. Weeks without data are 0, so the line has no gaps; days after `now` are
 * ignored. `unique_users` counts distinct users per week, not the sum of daily counts.
 *
 * @example
 * northStarSeries({ '2026-11-23': { count: 3, sum: 0, users: ['u1'] } }, { name: 'Reports shared',
 *   event: 'Report Shared', aggregation: 'count', windowWeeks: 2 }, new Date('2026-11-24T10:00:00Z'));
 * // [{ weekStart: '2026-11-16', value: 0 }, { weekStart: '2026-11-23', value: 3 }]
 */
export function northStarSeries(
  days: Readonly<Record<string, NorthStarDay>>,
  config: Pick<NorthStarConfig, 'aggregation' | 'windowWeeks'>,
  now: Date,
): NorthStarPoint[] {
  const today = utcDay(now);
  const first = addDays(weekStartOf(today), -7 * (config.windowWeeks - 1));
  const firstMs = Date.parse(first);
  const weeks = Array.from({ length: config.windowWeeks }, (_, i) => addDays(first, 7 * i));
  const byWeek: NorthStarDay[][] = weeks.map(() => []);
  for (const [day, bucket] of Object.entries(days)) {
    if (day > today || day < first) continue;
    // Date-only ISO strings parse as UTC midnight, so the difference is a whole number of days.
    byWeek[Math.floor((Date.parse(day) - firstMs) / DAY_MS / 7)]?.push(bucket);
  }
  return weeks.map((weekStart, i) => ({ weekStart, value: aggregate(byWeek[i] ?? [], config.aggregation) }));
}
