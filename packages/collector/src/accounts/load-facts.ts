import type { Queryable } from '../db/database.ts';
import type { AccountFacts, FactsState, HealthConfig, NorthStarDay } from '../health/index.ts';
import { factsHorizonDays } from '../health/index.ts';

const DAY_MS = 86_400_000;
const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const json = (value: unknown): Record<string, unknown> => (typeof value === 'string' ? (JSON.parse(value) as Record<string, unknown>) : (value as Record<string, unknown>));

/** `= ANY(…)` over a JSON list parameter: one form that PGlite and postgres.js both bind the same way. */
export const IDS = (n: number) => `ANY(ARRAY(SELECT jsonb_array_elements_text($${n}::text::jsonb)))`;

interface AccountRow {
  account_id: string;
  traits: unknown;
  signup_at: Date | string | null;
  signup_from_trait: boolean;
  contract_end_at: Date | string | null;
  last_seen_at: Date | string | null;
}

/**
 * Loads the facts of several accounts of one workspace in one query per table, reading only
 * what the model looks at: day buckets and responses inside `factsHorizonDays`, day users only
 * inside the usage window, north-star buckets only inside its weeks. Accounts without a row are
 * absent from the result.
 */
export async function loadFacts(db: Queryable, workspaceId: string, accountIds: readonly string[], config: HealthConfig, now: Date): Promise<Map<string, FactsState>> {
  const states = new Map<string, FactsState>();
  if (accountIds.length === 0) return states;
  const ids = JSON.stringify(accountIds);
  const horizonFrom = day(now.getTime() - (factsHorizonDays(config) + 1) * DAY_MS);
  const usersFrom = day(now.getTime() - (config.usage.windowDays + 1) * DAY_MS);
  const ns = config.northStar;
  const nsFrom = ns ? day(now.getTime() - (ns.windowWeeks * 7 + 7) * DAY_MS) : null;
  const where = `workspace_id = $1 AND account_id = ${IDS(2)}`;

  const [accounts, users, milestones, days, dayUsers, responses, nsDays, nsUsers] = await Promise.all([
    db.query<AccountRow>(`SELECT account_id, traits, signup_at, signup_from_trait, contract_end_at, last_seen_at FROM accounts WHERE ${where}`, [workspaceId, ids]),
    db.query<{ account_id: string; n: number }>(`SELECT account_id, count(*)::int AS n FROM account_users WHERE ${where} GROUP BY account_id`, [workspaceId, ids]),
    db.query<{ account_id: string; milestone: string; reached_at: Date | string }>(`SELECT account_id, milestone, reached_at FROM account_milestones WHERE ${where}`, [workspaceId, ids]),
    db.query<{ account_id: string; day: string; events: number }>(`SELECT account_id, day::text AS day, events FROM account_days WHERE ${where} AND day >= $3::date`, [workspaceId, ids, horizonFrom]),
    db.query<{ account_id: string; day: string; user_key: string }>(`SELECT account_id, day::text AS day, user_key FROM account_day_users WHERE ${where} AND day >= $3::date`, [workspaceId, ids, usersFrom]),
    db.query<{ account_id: string; kind: string; score: number; at: Date | string; user_key: string | null }>(
      `SELECT account_id, kind, score, at, user_key FROM survey_responses WHERE ${where} AND at >= $3::date ORDER BY at`,
      [workspaceId, ids, horizonFrom],
    ),
    nsFrom
      ? db.query<{ account_id: string; day: string; count: number; sum: number }>(`SELECT account_id, day::text AS day, count, sum FROM account_north_star_days WHERE ${where} AND day >= $3::date`, [workspaceId, ids, nsFrom])
      : Promise.resolve([]),
    nsFrom && ns?.aggregation === 'unique_users'
      ? db.query<{ account_id: string; day: string; user_key: string }>(`SELECT account_id, day::text AS day, user_key FROM account_north_star_day_users WHERE ${where} AND day >= $3::date`, [workspaceId, ids, nsFrom])
      : Promise.resolve([]),
  ]);

  for (const row of accounts) {
    const facts: AccountFacts = {
      accountId: row.account_id,
      traits: json(row.traits),
      signupAt: iso(row.signup_at),
      contractEndAt: iso(row.contract_end_at),
      milestones: [],
      activity: {},
      responses: [],
      knownUsers: 0,
      lastSeenAt: iso(row.last_seen_at),
      ...(ns ? { northStar: {} } : {}),
    };
    // `users` is only needed by foldEvent; the SQL aggregator keeps it in account_users.
    states.set(row.account_id, { facts, users: new Set(), signupFromTrait: row.signup_from_trait });
  }
  const get = (id: string) => states.get(id)?.facts;
  for (const row of users) {
    const facts = get(row.account_id);
    if (facts) facts.knownUsers = Number(row.n);
  }
  for (const row of milestones) get(row.account_id)?.milestones.push({ milestone: row.milestone, reachedAt: new Date(row.reached_at).toISOString() });
  for (const row of days) {
    const facts = get(row.account_id);
    if (facts) facts.activity[row.day] = { events: Number(row.events), users: facts.activity[row.day]?.users ?? [] };
  }
  for (const row of dayUsers) {
    const facts = get(row.account_id);
    if (!facts) continue;
    const bucket = (facts.activity[row.day] ??= { events: 0, users: [] });
    bucket.users.push(row.user_key);
  }
  for (const row of responses) {
    get(row.account_id)?.responses.push({ kind: row.kind as 'nps', score: Number(row.score), at: new Date(row.at).toISOString(), userId: row.user_key });
  }
  for (const row of nsDays) {
    const facts = get(row.account_id);
    if (facts?.northStar) facts.northStar[row.day] = { count: Number(row.count), sum: Number(row.sum), users: facts.northStar[row.day]?.users ?? [] };
  }
  for (const row of nsUsers) {
    const facts = get(row.account_id);
    if (!facts?.northStar) continue;
    const bucket: NorthStarDay = (facts.northStar[row.day] ??= { count: 0, sum: 0, users: [] });
    bucket.users.push(row.user_key);
  }
  return states;
}
