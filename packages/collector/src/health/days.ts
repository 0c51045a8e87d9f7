/** Milliseconds in one day. Every window in the health model is counted in whole UTC days of this length. */
export const DAY_MS = 86_400_000;

/** The UTC calendar day of an instant as `YYYY-MM-DD`, the key of the per-day activity buckets. */
export function utcDay(at: Date | string | number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** The UTC day `days` after (or before, when negative) a `YYYY-MM-DD` day. */
export function addDays(day: string, days: number): string {
  return utcDay(Date.parse(`${day}T00:00:00.000Z`) + days * DAY_MS);
}

/** Fractional days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Date | string | number, to: Date | string | number): number {
  return (new Date(to).getTime() - new Date(from).getTime()) / DAY_MS;
}

/**
 * Whether an ISO instant parses. Facts come from the aggregator, so a bad date is a bug there; the model
 * treats it as missing rather than producing NaN scores.
 */
export function isValidInstant(at: string | null | undefined): at is string {
  return typeof at === 'string' && Number.isFinite(Date.parse(at));
}
