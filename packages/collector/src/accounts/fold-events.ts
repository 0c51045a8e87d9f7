import { RESERVED_EVENTS, SURVEY_SCALES, type SurveyKind } from '@cairn/protocol';
import type { Queryable } from '../db/database.ts';
import type { HealthConfig } from '../health/index.ts';
import type { AccountChange } from './account-change.ts';
import { IDS } from './load-facts.ts';
import type { TimelineRow } from './rescore-accounts.ts';

/** A stored event as the aggregator reads it. */
export interface AggregatedEvent {
  seq: number;
  type: string;
  messageId: string;
  anonymousId: string | null;
  userId: string | null;
  groupId: string | null;
  event: string | null;
  /** Skew-corrected time, ISO. */
  timestamp: string;
  properties: Record<string, unknown> | null;
  traits: Record<string, unknown> | null;
}

/** What folding a batch produced besides the facts themselves. */
export interface FoldResult {
  touched: Set<string>;
  timeline: TimelineRow[];
  changes: AccountChange[];
}

interface AccountDelta {
  traits: Record<string, unknown> | null;
  signupTrait: string | null;
  firstAt: string | null;
  lastSeen: string | null;
}

const traitDate = (value: unknown): string | null => {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const ms = typeof value === 'number' ? value : Date.parse(value);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
};
const min = (a: string | null, b: string) => (a === null || b < a ? b : a);
const max = (a: string | null, b: string) => (a === null || b > a ? b : a);
const rows = (list: unknown[]) => JSON.stringify(list);

/**
 * Folds one batch of new events of a workspace into the account fact tables, one upsert per
 * table — the SQL counterpart of the model's reference `foldEvent` (same rules: traits last
 * write wins, signup trait over first event, usage from track/page only, first milestone reach,
 * every survey response). An event belongs to its `groupId`'s account, else to the account its
 * user (userId, else anonymousId) was last seen in; events of users in no account are skipped.
 * Call it once per event (it is not idempotent), in the transaction that advances the cursor.
 */
export async function foldEvents(db: Queryable, workspaceId: string, events: readonly AggregatedEvent[], config: HealthConfig): Promise<FoldResult> {
  const result: FoldResult = { touched: new Set(), timeline: [], changes: [] };
  if (events.length === 0) return result;
  const userKey = (e: AggregatedEvent) => e.userId ?? e.anonymousId ?? null;

  const unresolved = [...new Set(events.filter((e) => e.groupId === null).map(userKey).filter((u): u is string => u !== null))];
  const userAccount = new Map<string, string>();
  if (unresolved.length > 0) {
    const found = await db.query<{ user_key: string; account_id: string }>(
      `SELECT DISTINCT ON (user_key) user_key, account_id FROM account_users WHERE workspace_id = $1 AND user_key = ${IDS(2)} ORDER BY user_key, last_seq DESC`,
      [workspaceId, JSON.stringify(unresolved)],
    );
    for (const row of found) userAccount.set(row.user_key, row.account_id);
  }

  const accounts = new Map<string, AccountDelta>();
  const users = new Map<string, { a: string; u: string; s: number }>();
  const milestones = new Map<string, { a: string; m: string; at: string }>();
  const days = new Map<string, { a: string; d: string; n: number }>();
  const dayUsers = new Map<string, { a: string; d: string; u: string }>();
  const nsDays = new Map<string, { a: string; d: string; c: number; s: number }>();
  const nsUsers = new Map<string, { a: string; d: string; u: string }>();
  const responses: { m: string; a: string; u: string | null; sv: string | null; k: SurveyKind; sc: number; c: string | null; at: string }[] = [];
  const ns = config.northStar;

  for (const e of events) {
    const user = userKey(e);
    const accountId = e.groupId ?? (user === null ? undefined : userAccount.get(user));
    if (accountId === undefined) continue;
    if (e.groupId !== null && user !== null) userAccount.set(user, e.groupId);
    const at = e.timestamp;
    const delta = accounts.get(accountId) ?? { traits: null, signupTrait: null, firstAt: null, lastSeen: null };
    accounts.set(accountId, delta);
    delta.firstAt = min(delta.firstAt, at);
    if (user !== null) users.set(`${accountId}\u0000${user}`, { a: accountId, u: user, s: e.seq });

    if (e.type === 'group' && e.traits) {
      delta.traits = { ...delta.traits, ...e.traits };
      const signup = traitDate(e.traits[config.traits.signupAt]);
      if (signup !== null) delta.signupTrait = signup;
    }
    if (e.type === 'track' || e.type === 'page') {
      const day = at.slice(0, 10);
      const key = `${accountId}\u0000${day}`;
      const bucket = days.get(key) ?? { a: accountId, d: day, n: 0 };
      bucket.n += 1;
      days.set(key, bucket);
      if (user !== null) dayUsers.set(`${key}\u0000${user}`, { a: accountId, d: day, u: user });
      delta.lastSeen = max(delta.lastSeen, at);
    }
    if (e.type !== 'track') continue;
    const props = e.properties ?? {};
    if (e.event === RESERVED_EVENTS.milestoneReached && typeof props.milestone === 'string' && props.milestone !== '') {
      const key = `${accountId}\u0000${props.milestone}`;
      const known = milestones.get(key);
      if (!known || at < known.at) milestones.set(key, { a: accountId, m: props.milestone, at });
    }
    const kind = props.kind as SurveyKind;
    if (e.event === RESERVED_EVENTS.surveyResponded && Object.hasOwn(SURVEY_SCALES, kind) && typeof props.score === 'number') {
      responses.push({
        m: e.messageId,
        a: accountId,
        u: user,
        sv: typeof props.surveyId === 'string' ? props.surveyId : null,
        k: kind,
        sc: props.score,
        c: typeof props.comment === 'string' && props.comment.trim() !== '' ? props.comment : null,
        at,
      });
    }
    if (ns && e.event === ns.event) {
      const day = at.slice(0, 10);
      const key = `${accountId}\u0000${day}`;
      const bucket = nsDays.get(key) ?? { a: accountId, d: day, c: 0, s: 0 };
      const value = ns.property === undefined ? 0 : Number(props[ns.property]);
      bucket.c += 1;
      bucket.s += Number.isFinite(value) ? value : 0;
      nsDays.set(key, bucket);
      if (user !== null) nsUsers.set(`${key}\u0000${user}`, { a: accountId, d: day, u: user });
    }
  }
  if (accounts.size === 0) return result;
  for (const id of accounts.keys()) result.touched.add(id);

  const accountRows = [...accounts].map(([a, d]) => ({
    a,
    t: d.traits ?? {},
    st: d.signupTrait,
    ft: d.firstAt,
    ce: d.traits && config.traits.contractEndAt in d.traits ? traitDate(d.traits[config.traits.contractEndAt]) : null,
    ls: d.lastSeen,
  }));
  const statements: Promise<unknown>[] = [
    db.query(
      `INSERT INTO accounts AS x (workspace_id, account_id, traits, signup_at, signup_from_trait, contract_end_at, last_seen_at)
       SELECT $1, r.a, r.t, coalesce(r.st, r.ft), r.st IS NOT NULL, r.ce, r.ls
       FROM jsonb_to_recordset($2::text::jsonb) AS r(a text, t jsonb, st timestamptz, ft timestamptz, ce timestamptz, ls timestamptz)
       ON CONFLICT (workspace_id, account_id) DO UPDATE SET
         traits = x.traits || excluded.traits,
         signup_at = CASE WHEN excluded.signup_from_trait THEN excluded.signup_at WHEN x.signup_from_trait THEN x.signup_at
           ELSE LEAST(x.signup_at, excluded.signup_at) END,
         signup_from_trait = x.signup_from_trait OR excluded.signup_from_trait,
         contract_end_at = CASE WHEN excluded.traits ? $3 THEN excluded.contract_end_at ELSE x.contract_end_at END,
         last_seen_at = GREATEST(x.last_seen_at, excluded.last_seen_at)`,
      [workspaceId, rows(accountRows), config.traits.contractEndAt],
    ),
  ];
  if (users.size > 0) {
    statements.push(
      db.query(
        `INSERT INTO account_users AS x (workspace_id, account_id, user_key, last_seq)
         SELECT $1, r.a, r.u, r.s FROM jsonb_to_recordset($2::text::jsonb) AS r(a text, u text, s bigint)
         ON CONFLICT (workspace_id, account_id, user_key) DO UPDATE SET last_seq = GREATEST(x.last_seq, excluded.last_seq)`,
        [workspaceId, rows([...users.values()])],
      ),
    );
  }
  if (days.size > 0) {
    statements.push(
      db.query(
        `INSERT INTO account_days AS x (workspace_id, account_id, day, events)
         SELECT $1, r.a, r.d, r.n FROM jsonb_to_recordset($2::text::jsonb) AS r(a text, d date, n int)
         ON CONFLICT (workspace_id, account_id, day) DO UPDATE SET events = x.events + excluded.events`,
        [workspaceId, rows([...days.values()])],
      ),
    );
  }
  if (dayUsers.size > 0) {
    statements.push(
      db.query(
        `INSERT INTO account_day_users (workspace_id, account_id, day, user_key)
         SELECT $1, r.a, r.d, r.u FROM jsonb_to_recordset($2::text::jsonb) AS r(a text, d date, u text) ON CONFLICT DO NOTHING`,
        [workspaceId, rows([...dayUsers.values()])],
      ),
    );
  }
  if (nsDays.size > 0) {
    statements.push(
      db.query(
        `INSERT INTO account_north_star_days AS x (workspace_id, account_id, day, count, sum)
         SELECT $1, r.a, r.d, r.c, r.s FROM jsonb_to_recordset($2::text::jsonb) AS r(a text, d date, c int, s float8)
         ON CONFLICT (workspace_id, account_id, day) DO UPDATE SET count = x.count + excluded.count, sum = x.sum + excluded.sum`,
        [workspaceId, rows([...nsDays.values()])],
      ),
    );
  }
  if (nsUsers.size > 0) {
    statements.push(
      db.query(
        `INSERT INTO account_north_star_day_users (workspace_id, account_id, day, user_key)
         SELECT $1, r.a, r.d, r.u FROM jsonb_to_recordset($2::text::jsonb) AS r(a text, d date, u text) ON CONFLICT DO NOTHING`,
        [workspaceId, rows([...nsUsers.values()])],
      ),
    );
  }
  const newMilestones =
    milestones.size === 0
      ? Promise.resolve([])
      : db.query<{ account_id: string; milestone: string; reached_at: Date | string; inserted: boolean }>(
          `INSERT INTO account_milestones AS x (workspace_id, account_id, milestone, reached_at)
           SELECT $1, r.a, r.m, r.at FROM jsonb_to_recordset($2::text::jsonb) AS r(a text, m text, at timestamptz)
           ON CONFLICT (workspace_id, account_id, milestone) DO UPDATE SET reached_at = excluded.reached_at WHERE excluded.reached_at < x.reached_at
           RETURNING account_id, milestone, reached_at, (xmax = 0) AS inserted`,
          [workspaceId, rows([...milestones.values()])],
        );
  const newResponses =
    responses.length === 0
      ? Promise.resolve([])
      : db.query<{ message_id: string }>(
          `INSERT INTO survey_responses (workspace_id, message_id, account_id, user_key, survey_id, kind, score, comment, at)
           SELECT $1, r.m, r.a, r.u, r.sv, r.k, r.sc, r.c, r.at
           FROM jsonb_to_recordset($2::text::jsonb) AS r(m text, a text, u text, sv text, k text, sc float8, c text, at timestamptz)
           ON CONFLICT (workspace_id, message_id) DO NOTHING RETURNING message_id`,
          [workspaceId, rows(responses)],
        );
  const [, reached, stored] = await Promise.all([Promise.all(statements), newMilestones, newResponses]);

  const required = new Set(config.milestones.required);
  for (const row of reached) {
    if (!row.inserted) continue;
    const at = new Date(row.reached_at).toISOString();
    result.timeline.push({
      accountId: row.account_id,
      at,
      kind: 'milestone',
      summary: `Milestone reached: ${row.milestone}${required.has(row.milestone) ? ' (required)' : ''}`,
      data: { milestone: row.milestone, required: required.has(row.milestone) },
    });
  }
  const storedIds = new Set(stored.map((row) => row.message_id));
  for (const r of responses) {
    if (!storedIds.has(r.m)) continue;
    result.timeline.push({
      accountId: r.a,
      at: r.at,
      kind: 'survey_response',
      summary: `${r.k.toUpperCase()} ${r.sc}${r.u === null ? '' : ` from ${r.u}`}${r.c === null ? '' : `: “${r.c}”`}`,
      data: { kind: r.k, score: r.sc, surveyId: r.sv, userId: r.u, comment: r.c },
      userKey: r.u,
    });
    if (r.k === 'nps' && r.sc <= 6) {
      result.changes.push({ kind: 'detractor', workspaceId, accountId: r.a, userId: r.u, score: r.sc, comment: r.c, surveyId: r.sv });
    }
  }
  return result;
}
