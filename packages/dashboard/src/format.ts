/** Display formatting of numbers and dates, in the browser's locale. */

const DASH = '—';

/** A score or count with at most one decimal; a dash for no data. */
export function formatNumber(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  return value.toLocaleString(undefined, { maximumFractionDigits: digits });
}

/** A signed NPS (−100…100) so a negative score is not misread. */
export function formatNps(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  const rounded = Math.round(value);
  return rounded > 0 ? `+${rounded}` : rounded < 0 ? `\u2212${-rounded}` : '0';
}

/** A 0–1 weight as a percentage. */
export function formatWeight(weight: number): string {
  return `${Math.round(weight * 100)}%`;
}

const parse = (iso: string | null | undefined): Date | null => {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
};

/** A calendar date, e.g. "Nov 3, 2026". */
export function formatDate(iso: string | null | undefined): string {
  const date = parse(iso);
  return date ? date.toLocaleDateString(undefined, { dateStyle: 'medium' }) : DASH;
}

/** Date and time, e.g. "Nov 3, 2026, 2:15 PM". */
export function formatDateTime(iso: string | null | undefined): string {
  const date = parse(iso);
  return date ? date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : DASH;
}

/** How long ago, e.g. "3 days ago", "today"; `now` is injectable for tests. */
export function formatAgo(iso: string | null | undefined, now: number = Date.now()): string {
  const date = parse(iso);
  if (!date) return 'Never';
  const days = Math.floor((now - date.getTime()) / 86_400_000);
  if (days <= 0) return 'Today';
  return new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' }).format(-days, 'day');
}
