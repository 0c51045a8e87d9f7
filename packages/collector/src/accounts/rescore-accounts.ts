import type { Band, RiskFlag, Stage } from '@cairn/protocol';
import type { Queryable } from '../db/database.ts';
import { scoreAccount, toAccountDetail, toAccountSummary, type HealthConfig } from '../health/index.ts';
import type { AccountChange } from './account-change.ts';
import { IDS, loadFacts } from './load-facts.ts';

/** One row for `account_timeline`. */
export interface TimelineRow {
  accountId: string;
  at: string;
  kind: 'milestone' | 'survey_response' | 'stage_change' | 'band_change' | 'flag_raised';
  summary: string;
  data: Record<string, unknown>;
  userKey?: string | null;
}

interface PreviousScore {
  account_id: string;
  band: Band;
  stage: Stage;
  flags: RiskFlag[] | string;
  not_activated_reported: boolean;
}

const FLAG_LABELS: Record<RiskFlag, string> = {
  not_activated_day_30: 'Not activated by day 30',
  detractor_90d: 'Detractor in the last 90 days',
  usage_drop: 'Usage drop',
  inactive_14d: 'Inactive for 14 days',
  red_in_renewal: 'Red in the renewal window',
  no_experience_data: 'No experience data',
};

// PGlite returns text[] as an array; keep a parser for a driver that hands back the literal.
const textArray = (value: RiskFlag[] | string): RiskFlag[] =>
  Array.isArray(value) ? value : (value.replace(/^\{|\}$/g, '').split(',').filter(Boolean) as RiskFlag[]);

/** Inserts timeline rows in one statement. */
export async function insertTimeline(db: Queryable, workspaceId: string, rows: readonly TimelineRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.query(
    `INSERT INTO account_timeline (workspace_id, account_id, at, kind, summary, data, user_key)
     SELECT $1, r.a, r.at, r.k, r.s, r.d, r.u FROM jsonb_to_recordset($2::text::jsonb) AS r(a text, at timestamptz, k text, s text, d jsonb, u text)`,
    [workspaceId, JSON.stringify(rows.map((r) => ({ a: r.accountId, at: r.at, k: r.kind, s: r.summary, d: r.data, u: r.userKey ?? null })))],
  );
}

/**
 * Scores accounts with the pure model and stores the result (`account_scores`), adding
 * timeline entries for band, stage and flag changes and returning the changes to report
 * (band change, not activated — the latter once per account). Run it in the transaction that
 * changed the facts, so a crash never leaves scores and facts apart.
 */
export async function rescoreAccounts(db: Queryable, workspaceId: string, accountIds: readonly string[], config: HealthConfig, now: Date): Promise<AccountChange[]> {
  const changes: AccountChange[] = [];
  if (accountIds.length === 0) return changes;
  const [states, previousRows] = await Promise.all([
    loadFacts(db, workspaceId, accountIds, config, now),
    db.query<PreviousScore>(`SELECT account_id, band, stage, flags, not_activated_reported FROM account_scores WHERE workspace_id = $1 AND account_id = ${IDS(2)}`, [
      workspaceId,
      JSON.stringify(accountIds),
    ]),
  ]);
  const previous = new Map(previousRows.map((row) => [row.account_id, row]));
  const at = now.toISOString();
  const timeline: TimelineRow[] = [];
  const rows: Record<string, unknown>[] = [];
  for (const [accountId, state] of states) {
    const scored = scoreAccount(state.facts, config, now);
    const summary = toAccountSummary(state.facts, scored);
    const detail = toAccountDetail(state.facts, scored);
    const before = previous.get(accountId);
    let notActivatedReported = before?.not_activated_reported ?? false;
    if (before) {
      if (before.band !== scored.band) {
        timeline.push({ accountId, at, kind: 'band_change', summary: `Health band ${before.band} → ${scored.band} (health ${scored.health.toFixed(1)})`, data: { from: before.band, to: scored.band, health: scored.health } });
        changes.push({ kind: 'band_change', workspaceId, accountId, from: before.band, to: scored.band, health: scored.health });
      }
      if (before.stage !== scored.stage) {
        timeline.push({ accountId, at, kind: 'stage_change', summary: `Stage ${before.stage} → ${scored.stage}`, data: { from: before.stage, to: scored.stage } });
      }
      const had = new Set(textArray(before.flags));
      for (const reason of scored.flagReasons) {
        if (had.has(reason.flag)) continue;
        timeline.push({ accountId, at, kind: 'flag_raised', summary: `${FLAG_LABELS[reason.flag]}: ${reason.reason}`, data: { flag: reason.flag, reason: reason.reason } });
      }
    }
    const notActivated = scored.flagReasons.find((r) => r.flag === 'not_activated_day_30');
    if (notActivated && !notActivatedReported && state.facts.signupAt) {
      notActivatedReported = true;
      changes.push({ kind: 'not_activated', workspaceId, accountId, daysSinceSignup: Math.floor((now.getTime() - Date.parse(state.facts.signupAt)) / 86_400_000) });
    }
    rows.push({
      a: accountId,
      n: summary.name,
      ns: (summary.name ?? accountId).toLowerCase(),
      h: scored.health,
      b: scored.band,
      o: scored.outcome,
      e: scored.experience,
      t: scored.tier,
      s: scored.stage,
      f: scored.flags,
      p: scored.nps,
      ac: scored.activated,
      au: scored.usage.activeUsers30d,
      ls: state.facts.lastSeenAt,
      sm: summary,
      d: detail,
      r: notActivatedReported,
    });
  }
  if (rows.length > 0) {
    await db.query(
      `INSERT INTO account_scores AS s (workspace_id, account_id, name, name_sort, health, band, outcome, experience, tier, stage, flags, nps,
         activated, active_users_30d, last_seen_at, summary, detail, scored_at, not_activated_reported)
       SELECT $1, r.a, r.n, r.ns, r.h, r.b, r.o, r.e, r.t, r.s, ARRAY(SELECT jsonb_array_elements_text(r.f)), r.p, r.ac, r.au, r.ls, r.sm, r.d, $3::timestamptz, r.r
       FROM jsonb_to_recordset($2::text::jsonb) AS r(a text, n text, ns text, h float8, b text, o float8, e float8, t text, s text, f jsonb, p float8,
         ac boolean, au int, ls timestamptz, sm jsonb, d jsonb, r boolean)
       ON CONFLICT (workspace_id, account_id) DO UPDATE SET name = excluded.name, name_sort = excluded.name_sort, health = excluded.health,
         band = excluded.band, outcome = excluded.outcome, experience = excluded.experience, tier = excluded.tier, stage = excluded.stage,
         flags = excluded.flags, nps = excluded.nps, activated = excluded.activated, active_users_30d = excluded.active_users_30d,
         last_seen_at = excluded.last_seen_at, summary = excluded.summary, detail = excluded.detail, scored_at = excluded.scored_at,
         not_activated_reported = excluded.not_activated_reported`,
      [workspaceId, JSON.stringify(rows), at],
    );
  }
  await insertTimeline(db, workspaceId, timeline);
  return changes;
}
