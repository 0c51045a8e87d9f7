import type { Band, RiskFlag, Stage, Tier } from '@cairn/protocol';

/** Sort orders `GET /v1/accounts` accepts; a leading `-` means descending. */
export type AccountSort = 'health' | '-health' | 'name' | 'nps' | '-nps' | 'activeUsers30d' | '-activeUsers30d' | 'lastSeenAt';

/** Filters, sort and page of the accounts list; the same filters drive the CSV export. */
export interface AccountQuery {
  band?: Band;
  tier?: Tier;
  stage?: Stage;
  flag?: RiskFlag;
  /** Free-text search on account name and id. */
  q?: string;
  sort: AccountSort;
  limit: number;
  cursor?: string;
}

export const BANDS: readonly Band[] = ['red', 'yellow', 'green'];
export const TIERS: readonly Tier[] = ['A', 'B', 'C'];
export const STAGES: readonly Stage[] = ['onboarding', 'growth', 'active', 'renewal'];
export const FLAGS: readonly RiskFlag[] = [
  'not_activated_day_30',
  'detractor_90d',
  'usage_drop',
  'inactive_14d',
  'red_in_renewal',
  'no_experience_data',
];
export const SORTS: readonly AccountSort[] = ['health', '-health', 'name', 'nps', '-nps', 'activeUsers30d', '-activeUsers30d', 'lastSeenAt'];

/** Worst health first: what a CSM looks at first. */
export const DEFAULT_SORT: AccountSort = 'health';
export const PAGE_SIZE = 50;

const pick = <T extends string>(allowed: readonly T[], value: string | null): T | undefined =>
  value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;

/** Reads a query from URL parameters, dropping unknown values instead of sending them on. */
export function parseAccountQuery(params: URLSearchParams): AccountQuery {
  const q = params.get('q')?.trim();
  const cursor = params.get('cursor');
  const limit = Number(params.get('limit'));
  return {
    band: pick(BANDS, params.get('band')),
    tier: pick(TIERS, params.get('tier')),
    stage: pick(STAGES, params.get('stage')),
    flag: pick(FLAGS, params.get('flag')),
    q: q || undefined,
    sort: pick(SORTS, params.get('sort')) ?? DEFAULT_SORT,
    limit: Number.isInteger(limit) && limit > 0 && limit <= 500 ? limit : PAGE_SIZE,
    cursor: cursor || undefined,
  };
}

/**
 * The query as URL parameters in a fixed order, leaving out what is unset;
 * `filters-and-sort` drops limit and cursor (the CSV export and the page's own URL).
 */
export function accountQueryParams(query: AccountQuery, parts: 'all' | 'filters-and-sort' = 'all'): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ['band', 'tier', 'stage', 'flag', 'q'] as const) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  params.set('sort', query.sort);
  if (parts === 'all') {
    params.set('limit', String(query.limit));
    if (query.cursor) params.set('cursor', query.cursor);
  }
  return params;
}

/** True when any filter narrows the list (for "no accounts match" versus "no accounts yet"). */
export function hasFilters(query: AccountQuery): boolean {
  return Boolean(query.band || query.tier || query.stage || query.flag || query.q);
}
