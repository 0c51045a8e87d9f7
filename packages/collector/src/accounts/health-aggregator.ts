import type { CollectorConfig } from '../config.ts';
import type { Database, Queryable } from '../db/database.ts';
import type { HealthConfig } from '../health/index.ts';
import { silentLogger, type Logger } from '../logger.ts';
import type { AccountChange, AccountChangeListener } from './account-change.ts';
import { foldEvents, type AggregatedEvent } from './fold-events.ts';
import { insertTimeline, rescoreAccounts } from './rescore-accounts.ts';
import { workspaceHealthConfig } from './workspace-health.ts';

/**
 * Keeps the account fact tables and scores up to date from new events (see
 * {@link createHealthAggregator}).
 */
export interface HealthAggregator {
  /** Schedules a pass soon (the app calls it after each ingest commit). */
  wake(): void;
  /** Processes every event committed so far; resolves when the facts and scores include them. */
  catchUp(): Promise<void>;
  /** Rescores every account (time-based changes: day 30 passing, inactivity, windows); returns how many. */
  sweep(): Promise<number>;
  /** Runs `fn` while no pass or sweep runs (user deletion). */
  exclusive<R>(fn: () => Promise<R>): Promise<R>;
  /** Hands changes found outside a pass (user deletion) to `onChange`. */
  report(changes: readonly AccountChange[]): void;
  /** The parsed health config of a workspace. */
  healthConfig(workspaceId: string): HealthConfig | undefined;
  /** Starts the poll and sweep timers and runs a first pass and sweep. */
  start(): void;
  /** Stops the timers and waits for the running pass. */
  stop(): Promise<void>;
}

/** What {@link createHealthAggregator} needs; all but `db` and `config` have defaults. */
export interface HealthAggregatorOptions {
  db: Database;
  config: CollectorConfig;
  now?: () => number;
  onChange?: AccountChangeListener;
  logger?: Logger;
  /** Events read per transaction. */
  batchSize?: number;
  /** Poll for events written by other collector processes on the same database. */
  pollIntervalMs?: number;
  /** Rescore every account this often (and on start); 0 turns the sweep timer off. */
  sweepIntervalMs?: number;
  /** Whether `start()` runs a sweep at once (default true: scores age while the collector is down). */
  sweepOnStart?: boolean;
}

interface EventRow {
  seq: string;
  workspace_id: string;
  type: string;
  message_id: string;
  anonymous_id: string | null;
  user_id: string | null;
  group_id: string | null;
  event: string | null;
  timestamp: Date | string;
  properties: Record<string, unknown> | string | null;
  traits: Record<string, unknown> | string | null;
}

/** A seq gap seen while other transactions were running; it may still fill when they commit. */
interface GapWatch {
  seq: number;
  /** Highest seq read when the gap was seen: every gap up to it was seen then. */
  upTo: number;
  xids: string[];
  seenAt: number;
}

// The cursor covers the whole event stream: seq gaps can only be judged in global seq order.
const CURSOR_KEY = '*';
// A gap older than this is skipped even if the transactions running when it was seen have not ended.
const GAP_GIVE_UP_MS = 10_000;
// Accounts per sweep transaction: small enough that a pass woken by ingest waits at most one chunk (~100 ms).
const SWEEP_BATCH = 200;
const AGGREGATE_TABLES = ['accounts', 'account_users', 'account_milestones', 'account_days', 'account_day_users', 'account_north_star_days', 'account_north_star_day_users', 'survey_responses', 'account_scores', 'account_timeline'];

const json = (value: Record<string, unknown> | string | null) => (typeof value === 'string' ? (JSON.parse(value) as Record<string, unknown>) : value);

/**
 * Creates the aggregator: it reads events after its `seq` cursor in batches and, in one
 * transaction per batch, folds them into the fact tables, rescores the touched accounts,
 * writes timeline entries and advances the cursor — so a crash never counts an event twice.
 * Changes are reported to `onChange` after the commit.
 *
 * Seq values are taken at insert time but committed in any order by concurrent writers
 * (PostgreSQL): a gap in the seqs read may be a transaction still running. The aggregator stops
 * at a gap and skips it only once every transaction running when it saw the gap has ended
 * (then the gap is a duplicate or a rollback), or after 10 s.
 */
export function createHealthAggregator(options: HealthAggregatorOptions): HealthAggregator {
  const { db } = options;
  const logger = options.logger ?? silentLogger;
  const now = options.now ?? Date.now;
  const batchSize = options.batchSize ?? 5000;
  const configs = new Map<string, HealthConfig>();
  for (const workspace of options.config.workspaces) configs.set(workspace.id, workspaceHealthConfig(workspace));

  let chain: Promise<unknown> = Promise.resolve();
  let gap: GapWatch | undefined;
  let scheduled = false;
  let retry: NodeJS.Timeout | undefined;
  let poll: NodeJS.Timeout | undefined;
  let sweeper: NodeJS.Timeout | undefined;
  let stopped = false;
  // Accounts folded during a backlog and not rescored yet. After a crash the start-up sweep rescores every account.
  const deferred = new Map<string, Set<string>>();

  const serial = <R>(fn: () => Promise<R>): Promise<R> => {
    const run = chain.then(fn, fn);
    chain = run.catch(() => undefined);
    return run;
  };

  const report = (changes: readonly AccountChange[]) => {
    if (!options.onChange) return;
    for (const change of changes) {
      try {
        options.onChange(change);
      } catch (error) {
        logger.error(`Failed to report an account change: ${(error as Error).message}. Please fix the onChange listener.`);
      }
    }
  };

  async function gapResolved(tx: Queryable): Promise<boolean> {
    if (!gap) return false;
    if (Date.now() - gap.seenAt >= GAP_GIVE_UP_MS) return true;
    if (gap.xids.length === 0) return true;
    const rows = await tx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM jsonb_array_elements_text($1::text::jsonb) AS x WHERE pg_xact_status(x::xid8) = 'in progress'`,
      [JSON.stringify(gap.xids)],
    );
    return Number(rows[0]?.n ?? 0) === 0;
  }

  /** One batch; returns whether more may be waiting. */
  async function pass(): Promise<{ more: boolean; changes: AccountChange[] }> {
    return db.transaction(async (tx) => {
      await tx.query(`INSERT INTO aggregator_cursors (workspace_id, last_seq) VALUES ($1, 0) ON CONFLICT DO NOTHING`, [CURSOR_KEY]);
      const cursorRows = await tx.query<{ last_seq: string }>(`SELECT last_seq::text AS last_seq FROM aggregator_cursors WHERE workspace_id = $1 FOR UPDATE`, [CURSOR_KEY]);
      const cursor = Number(cursorRows[0]!.last_seq);
      // Checked before reading: a transaction seen running that has ended since is visible to the read below.
      const skipGaps = db.kind === 'pglite' || (await gapResolved(tx));
      const rows = await tx.query<EventRow>(
        `SELECT seq::text AS seq, workspace_id, type, message_id, anonymous_id, user_id, group_id, event, timestamp, properties, traits
         FROM events WHERE events.seq > $1::bigint ORDER BY events.seq LIMIT $2`,
        [String(cursor), batchSize],
      );
      let expected = cursor + 1;
      let end = rows.length;
      for (let i = 0; i < rows.length; i += 1) {
        const seq = Number(rows[i]!.seq);
        if (seq !== expected && !(skipGaps && gap !== undefined && expected <= gap.upTo) && db.kind !== 'pglite') {
          end = i;
          if (!gap || gap.seq !== expected) {
            // Transactions running now; our own has no xid yet (nothing written before this point but the cursor row, which already existed).
            const xip = await tx.query<{ x: string }>(`SELECT x::text AS x FROM pg_snapshot_xip(pg_current_snapshot()) AS x WHERE x <> pg_current_xact_id_if_assigned()  OR pg_current_xact_id_if_assigned() IS NULL`);
            gap = { seq: expected, upTo: Number(rows.at(-1)!.seq), xids: xip.map((r) => r.x), seenAt: Date.now() };
          }
          break;
        }
        expected = seq + 1;
      }
      if (end === rows.length && gap && expected > gap.upTo) gap = undefined;
      const batch = rows.slice(0, end);
      if (batch.length === 0) return { more: false, changes: [] };

      const byWorkspace = new Map<string, AggregatedEvent[]>();
      for (const row of batch) {
        if (!configs.has(row.workspace_id)) continue;
        const list = byWorkspace.get(row.workspace_id) ?? [];
        byWorkspace.set(row.workspace_id, list);
        list.push({
          seq: Number(row.seq),
          type: row.type,
          messageId: row.message_id,
          anonymousId: row.anonymous_id,
          userId: row.user_id,
          groupId: row.group_id,
          event: row.event,
          timestamp: new Date(row.timestamp).toISOString(),
          properties: json(row.properties),
          traits: json(row.traits),
        });
      }
      const changes: AccountChange[] = [];
      const at = new Date(now());
      // A full batch means a backlog (start-up, bulk import): rescore once it is drained instead of after every batch.
      const backlog = rows.length === batchSize;
      for (const [workspaceId, events] of byWorkspace) {
        const config = configs.get(workspaceId)!;
        const folded = await foldEvents(tx, workspaceId, events, config);
        await insertTimeline(tx, workspaceId, folded.timeline);
        changes.push(...folded.changes);
        const waiting = deferred.get(workspaceId);
        if (backlog || waiting) {
          const set = waiting ?? new Set<string>();
          for (const id of folded.touched) set.add(id);
          deferred.set(workspaceId, set);
        } else {
          changes.push(...(await rescoreAccounts(tx, workspaceId, [...folded.touched], config, at)));
        }
      }
      await tx.query(`UPDATE aggregator_cursors SET last_seq = $2::bigint, updated_at = now() WHERE workspace_id = $1`, [CURSOR_KEY, batch.at(-1)!.seq]);
      return { more: end === rows.length && rows.length === batchSize, changes };
    });
  }

  /**
   * After a bulk change (backlog, sweep) refresh the planner's statistics at once rather than when autovacuum
   * gets to it: right after a backfill, stale estimates turn the per-account lookups into sequential scans.
   * PGlite runs no autovacuum at all, so there the rewritten score rows are vacuumed too.
   */
  async function tidyScores(rewritten: number): Promise<void> {
    if (rewritten < 1000) return;
    await db.query(`${db.kind === 'pglite' ? 'VACUUM ANALYZE' : 'ANALYZE'} ${AGGREGATE_TABLES.join(', ')}`);
  }

  /** Rescores the accounts whose rescoring a backlog deferred, in chunks of their own transactions. */
  async function rescoreDeferred(): Promise<void> {
    let rewritten = 0;
    for (const [workspaceId, ids] of deferred) {
      rewritten += ids.size;
      const list = [...ids];
      const config = configs.get(workspaceId)!;
      for (let i = 0; i < list.length; i += SWEEP_BATCH) {
        const chunk = list.slice(i, i + SWEEP_BATCH);
        report(await db.transaction((tx) => rescoreAccounts(tx, workspaceId, chunk, config, new Date(now()))));
        for (const id of chunk) ids.delete(id);
      }
      deferred.delete(workspaceId);
    }
    await tidyScores(rewritten);
  }

  /** Passes until nothing is left; `waitForGaps` (catch-up) also waits out a seq gap instead of leaving it to the retry timer. */
  async function drainPasses(waitForGaps = false): Promise<void> {
    // Gap timing is wall-clock time, whatever clock the scores use.
    const started = Date.now();
    for (;;) {
      const { more, changes } = await pass();
      report(changes);
      if (more) continue;
      if (!waitForGaps || !gap || Date.now() - started > GAP_GIVE_UP_MS + 1000) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    await rescoreDeferred();
    if (gap && !stopped) {
      clearTimeout(retry);
      retry = setTimeout(wake, 25);
      retry.unref();
    }
  }

  function wake(): void {
    if (scheduled || stopped) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      serial(() => drainPasses()).catch((error: unknown) => logger.error(`Failed to aggregate account health: ${(error as Error).message}. Please check the database; retrying on the next event.`));
    });
  }

  async function sweepAll(): Promise<number> {
    let count = 0;
    for (const [workspaceId, config] of configs) {
      let after = '';
      for (;;) {
        const ids = await db.query<{ account_id: string }>(
          `SELECT account_id FROM accounts WHERE workspace_id = $1 AND account_id > $2 ORDER BY account_id LIMIT ${SWEEP_BATCH}`,
          [workspaceId, after],
        );
        if (ids.length === 0) break;
        after = ids.at(-1)!.account_id;
        const changes = await serial(() => db.transaction((tx) => rescoreAccounts(tx, workspaceId, ids.map((r) => r.account_id), config, new Date(now()))));
        report(changes);
        count += ids.length;
      }
    }
    await serial(() => tidyScores(count));
    return count;
  }

  return {
    wake,
    catchUp: () => serial(() => drainPasses(true)),
    sweep: sweepAll,
    exclusive: (fn) => serial(fn),
    report,
    healthConfig: (workspaceId) => configs.get(workspaceId),
    start() {
      stopped = false;
      poll = setInterval(wake, options.pollIntervalMs ?? 1000);
      poll.unref();
      const sweepMs = options.sweepIntervalMs ?? 5 * 60_000;
      const runSweep = () => {
        sweepAll().catch((error: unknown) => logger.error(`Failed to rescore accounts: ${(error as Error).message}. Please check the database.`));
      };
      if (sweepMs > 0) {
        sweeper = setInterval(runSweep, sweepMs);
        sweeper.unref();
      }
      wake();
      if (options.sweepOnStart ?? true) setImmediate(runSweep);
    },
    async stop() {
      stopped = true;
      clearInterval(poll);
      clearInterval(sweeper);
      clearTimeout(retry);
      await chain;
    },
  };
}
