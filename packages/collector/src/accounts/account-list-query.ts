import type { Band, RiskFlag, Stage, Tier } from '@cairn/protocol';
import { apiError } from '../api-error.ts';
import type { Queryable } from '../db/database.ts';

/** Sort orders of `GET /v1/accounts` (a leading `-` means descending), as the dashboard sends them. */
export const ACCOUNT_SORTS = ['health', '-health', 'name', '-name', 'nps', '-nps', 'activeUsers30d', '-activeUsers30d', 'lastSeenAt', '-lastSeenAt'] as const;
/** One of {@link ACCOUNT_SORTS}. */
export type AccountSortKey = (typeof ACCOUNT_SORTS)[number];

/** The filters and page of an accounts query, validated. */
export interface AccountListQuery {
  band?: Band;
  tier?: Tier;
  stage?: Stage;
  flag?: RiskFlag;
  q?: string;
  sort: AccountSortKey;
  /** null: every matching row (CSV export). */
  limit: number | null;
  cursor?: [string | number, string];
}

const BANDS: readonly Band[] = ['red', 'yellow', 'green'];
const TIERS: readonly Tier[] = ['A', 'B', 'C'];
const STAGES: readonly Stage[] = ['onboarding', 'growth', 'active', 'renewal'];
const FLAGS: readonly RiskFlag[] = ['not_activated_day_30', 'detractor_90d', 'usage_drop', 'inactive_14d', 'red_in_renewal', 'no_experience_data'];
export const MAX_LIMIT = 500;

// Nullable sort columns get a sentinel so that keyset pagination compares plain values; nulls sort last (never-seen accounts first for lastSeenAt).
const SORT_EXPRESSIONS: Record<string, { expr: string; kind: 'number' | 'text' | 'time' }> = {
  health: { expr: 'health', kind: 'number' },
  name: { expr: 'name_sort', kind: 'text' },
  activeUsers30d: { expr: 'active_users_30d', kind: 'number' },
  lastSeenAt: { expr: `coalesce(last_seen_at, '-infinity'::timestamptz)`, kind: 'time' },
};
const npsExpr = (descending: boolean) => ({ expr: `coalesce(nps, ${descending ? -1000 : 1000})`, kind: 'number' as const });

function sortColumn(sort: AccountSortKey): { expr: string; kind: 'number' | 'text' | 'time'; descending: boolean } {
  const descending = sort.startsWith('-');
  const key = descending ? sort.slice(1) : sort;
  return { ...(key === 'nps' ? npsExpr(descending) : SORT_EXPRESSIONS[key]!), descending };
}

const bad = (what: string, fix: string) => apiError(400, 'invalid_query', `Failed to list accounts: ${what}. Please ${fix}.`);

function pick<T extends string>(allowed: readonly T[], value: string | undefined, name: string): T | undefined {
  if (value === undefined || value === '') return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw bad(`${name} "${value}" is not one of ${allowed.join(', ')}`, `use one of ${allowed.join(', ')}`);
  return value as T;
}

/** Opaque keyset cursor: the last row's sort value and id. */
export function encodeCursor(value: string | number, accountId: string): string {
  return Buffer.from(JSON.stringify([value, accountId])).toString('base64url');
}

function decodeCursor(text: string): [string | number, string] {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && value.length === 2 && (typeof value[0] === 'string' || typeof value[0] === 'number') && typeof value[1] === 'string') {
      return value as [string | number, string];
    }
  } catch {
    // Reported below.
  }
  throw bad('the cursor is not one this API returned', 'pass the "next" of the previous page unchanged');
}

/** Validates the query parameters of the list and the CSV export (`paged` false: no limit or cursor). */
export function parseAccountListQuery(query: Record<string, string | undefined>, paged = true): AccountListQuery {
  const sort = pick(ACCOUNT_SORTS, query.sort, 'sort') ?? 'health';
  let limit: number | null = null;
  if (paged) {
    const text = query.limit ?? '50';
    limit = Number(text);
    if (!/^\d{1,4}$/.test(text) || limit < 1 || limit > MAX_LIMIT) throw bad(`limit "${text}" is not an integer from 1 to ${MAX_LIMIT}`, `use 1-${MAX_LIMIT}`);
  }
  const q = query.q?.trim();
  return {
    sort,
    limit,
    ...optional('band', pick(BANDS, query.band, 'band')),
    ...optional('tier', pick(TIERS, query.tier, 'tier')),
    ...optional('stage', pick(STAGES, query.stage, 'stage')),
    ...optional('flag', pick(FLAGS, query.flag, 'flag')),
    ...(q ? { q: q.slice(0, 200) } : {}),
    ...(paged && query.cursor ? { cursor: decodeCursor(query.cursor) } : {}),
  };
}

const optional = <K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> => (value === undefined ? {} : ({ [key]: value } as Record<K, V>));

/** A page of `account_scores` rows: the stored summaries, the total matching, and the next cursor. */
export async function queryAccounts(db: Queryable, workspaceId: string, query: AccountListQuery): Promise<{ rows: Array<{ summary: unknown; account_id: string; sort_value: unknown }>; total: number; next: string | null }> {
  const params: unknown[] = [workspaceId];
  const filters = ['workspace_id = $1'];
  for (const [key, column] of [['band', 'band'], ['tier', 'tier'], ['stage', 'stage']] as const) {
    if (query[key] === undefined) continue;
    params.push(query[key]);
    filters.push(`${column} = $${params.length}`);
  }
  if (query.flag) {
    params.push(query.flag);
    filters.push(`$${params.length} = ANY(flags)`);
  }
  if (query.q) {
    params.push(`%${query.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    filters.push(`(name_sort LIKE $${params.length} OR lower(account_id) LIKE $${params.length})`);
  }
  const where = filters.join(' AND ');
  const column = sortColumn(query.sort);
  const direction = column.descending ? 'DESC' : 'ASC';
  const pageFilters = [...filters];
  const pageParams = [...params];
  if (query.cursor) {
    const [value, id] = query.cursor;
    if (column.kind === 'number' && typeof value !== 'number') throw bad('the cursor does not belong to this sort', 'start again from the first page');
    pageParams.push(value, id);
    const cast = column.kind === 'number' ? 'float8' : column.kind === 'time' ? 'timestamptz' : 'text';
    pageFilters.push(`(${column.expr}, account_id) ${column.descending ? '<' : '>'} ($${pageParams.length - 1}::${cast}, $${pageParams.length}::text)`);
  }
  const limitSql = query.limit === null ? '' : ` LIMIT ${query.limit + 1}`;
  const [rows, counted] = await Promise.all([
    db.query<{ summary: unknown; account_id: string; sort_value: unknown }>(
      `SELECT summary, account_id, ${column.kind === 'time' ? `CASE WHEN last_seen_at IS NULL THEN '-infinity' ELSE to_char(last_seen_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') END` : column.expr} AS sort_value
       FROM account_scores WHERE ${pageFilters.join(' AND ')} ORDER BY ${column.expr} ${direction}, account_id ${direction}${limitSql}`,
      pageParams,
    ),
    db.query<{ n: number }>(`SELECT count(*)::int AS n FROM account_scores WHERE ${where}`, params),
  ]);
  let next: string | null = null;
  if (query.limit !== null && rows.length > query.limit) {
    rows.length = query.limit;
    const last = rows.at(-1)!;
    const value = column.kind === 'number' ? Number(last.sort_value) : String(last.sort_value);
    next = encodeCursor(value, last.account_id);
  }
  return { rows, total: Number(counted[0]?.n ?? 0), next };
}
