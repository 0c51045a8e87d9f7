import type { Database } from '../db/database.ts';
import type { HealthConfig } from '../health/index.ts';
import type { AccountChange } from './account-change.ts';
import { IDS } from './load-facts.ts';
import { rescoreAccounts } from './rescore-accounts.ts';

/** Answer of `DELETE /v1/users/:id`. */
export interface UserDeletion {
  userId: string;
  deleted: { events: number; responses: number; activityDays: number; timelineEntries: number };
  /** Accounts the user belonged to, rescored without them. */
  accounts: string[];
}

interface DeletedEvent {
  seq: string;
  type: string;
  group_id: string | null;
  user_id: string | null;
  anonymous_id: string | null;
  event: string | null;
  timestamp: Date | string;
  properties: Record<string, unknown> | string | null;
}

const count = (rows: Array<{ n: number }>) => Number(rows[0]?.n ?? 0);

/**
 * Removes one person from a workspace (right to erasure): their raw events (by userId, and
 * the anonymous ids they used before identifying), survey responses, per-day activity,
 * account memberships and timeline entries; the day counters of already aggregated events are
 * decremented, then the accounts they touched are rescored — all in one transaction. Run it
 * while the aggregator is idle (`aggregator.exclusive`). Account-level facts that name nobody
 * (milestone first-reach times, traits, last seen) are kept.
 */
export async function deleteUser(db: Database, workspaceId: string, userId: string, config: HealthConfig, now: Date): Promise<{ deletion: UserDeletion; changes: AccountChange[] }> {
  return db.transaction(async (tx) => {
    const cursorRows = await tx.query<{ last_seq: string }>(`SELECT last_seq::text AS last_seq FROM aggregator_cursors WHERE workspace_id = '*' FOR UPDATE`);
    const cursor = Number(cursorRows[0]?.last_seq ?? 0);
    const anonymous = await tx.query<{ anonymous_id: string }>(
      `SELECT DISTINCT anonymous_id FROM events WHERE workspace_id = $1 AND user_id = $2 AND anonymous_id IS NOT NULL`,
      [workspaceId, userId],
    );
    const keys = [userId, ...anonymous.map((r) => r.anonymous_id)];
    const keysJson = JSON.stringify(keys);
    const memberships = await tx.query<{ user_key: string; account_id: string }>(
      `SELECT DISTINCT ON (user_key) user_key, account_id FROM account_users WHERE workspace_id = $1 AND user_key = ${IDS(2)} ORDER BY user_key, last_seq DESC`,
      [workspaceId, keysJson],
    );
    const accountOf = new Map(memberships.map((m) => [m.user_key, m.account_id]));
    const touched = new Set(
      (await tx.query<{ account_id: string }>(`SELECT DISTINCT account_id FROM account_users WHERE workspace_id = $1 AND user_key = ${IDS(2)}`, [workspaceId, keysJson])).map(
        (r) => r.account_id,
      ),
    );

    const events = await tx.query<DeletedEvent>(
      `DELETE FROM events WHERE workspace_id = $1 AND (user_id = $2 OR (user_id IS NULL AND anonymous_id = ${IDS(3)}))
       RETURNING seq::text AS seq, type, group_id, user_id, anonymous_id, event, timestamp, properties`,
      [workspaceId, userId, keysJson],
    );
    const days = new Map<string, { a: string; d: string; n: number; c: number; s: number }>();
    const ns = config.northStar;
    for (const e of events) {
      // Events after the cursor were never counted, so there is nothing to take back.
      if (Number(e.seq) > cursor || (e.type !== 'track' && e.type !== 'page')) continue;
      const accountId = e.group_id ?? accountOf.get(e.user_id ?? e.anonymous_id ?? '');
      if (accountId === undefined) continue;
      touched.add(accountId);
      const day = new Date(e.timestamp).toISOString().slice(0, 10);
      const key = `${accountId}\u0000${day}`;
      const bucket = days.get(key) ?? { a: accountId, d: day, n: 0, c: 0, s: 0 };
      bucket.n += 1;
      if (ns && e.type === 'track' && e.event === ns.event) {
        const props = (typeof e.properties === 'string' ? JSON.parse(e.properties) : (e.properties ?? {})) as Record<string, unknown>;
        const value = ns.property === undefined ? 0 : Number(props[ns.property]);
        bucket.c += 1;
        bucket.s += Number.isFinite(value) ? value : 0;
      }
      days.set(key, bucket);
    }
    if (days.size > 0) {
      const list = JSON.stringify([...days.values()]);
      await tx.query(
        `UPDATE account_days AS x SET events = x.events - r.n FROM jsonb_to_recordset($2::text::jsonb) AS r(a text, d date, n int)
         WHERE x.workspace_id = $1 AND x.account_id = r.a AND x.day = r.d`,
        [workspaceId, list],
      );
      await tx.query(`DELETE FROM account_days WHERE workspace_id = $1 AND account_id = ${IDS(2)} AND events <= 0`, [workspaceId, JSON.stringify([...touched])]);
      if (ns) {
        await tx.query(
          `UPDATE account_north_star_days AS x SET count = x.count - r.c, sum = x.sum - r.s FROM jsonb_to_recordset($2::text::jsonb) AS r(a text, d date, c int, s float8)
           WHERE x.workspace_id = $1 AND x.account_id = r.a AND x.day = r.d`,
          [workspaceId, list],
        );
        await tx.query(`DELETE FROM account_north_star_days WHERE workspace_id = $1 AND account_id = ${IDS(2)} AND count <= 0`, [workspaceId, JSON.stringify([...touched])]);
      }
    }
    const byKey = `workspace_id = $1 AND user_key = ${IDS(2)}`;
    const [responses, dayUsers, , , timeline] = await Promise.all([
      tx.query<{ n: number }>(`WITH d AS (DELETE FROM survey_responses WHERE ${byKey} RETURNING 1) SELECT count(*)::int AS n FROM d`, [workspaceId, keysJson]),
      tx.query<{ n: number }>(`WITH d AS (DELETE FROM account_day_users WHERE ${byKey} RETURNING 1) SELECT count(*)::int AS n FROM d`, [workspaceId, keysJson]),
      tx.query(`DELETE FROM account_north_star_day_users WHERE ${byKey}`, [workspaceId, keysJson]),
      tx.query(`DELETE FROM account_users WHERE ${byKey}`, [workspaceId, keysJson]),
      // Their own entries, and detractor flags whose reason names them.
      tx.query<{ n: number }>(
        `WITH d AS (DELETE FROM account_timeline WHERE ${byKey}
           OR (workspace_id = $1 AND kind = 'flag_raised' AND EXISTS (SELECT 1 FROM jsonb_array_elements_text($2::text::jsonb) AS k(v) WHERE position('user ' || k.v || ' scored' IN summary) > 0))
         RETURNING 1) SELECT count(*)::int AS n FROM d`,
        [workspaceId, keysJson],
      ),
    ]);
    const accounts = [...touched].sort();
    const changes = await rescoreAccounts(tx, workspaceId, accounts, config, now);
    return {
      deletion: { userId, deleted: { events: events.length, responses: count(responses), activityDays: count(dayUsers), timelineEntries: count(timeline) }, accounts },
      changes,
    };
  });
}
