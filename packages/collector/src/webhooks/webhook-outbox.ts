import type { Database, Queryable } from '../db/database.ts';

/** A delivery to make, as {@link WebhookOutbox.enqueue} stores it. */
export interface NewDelivery {
  id: string;
  workspaceId: string;
  url: string;
  kind: string;
  accountId: string | null;
  /** The exact JSON body to POST (signed per attempt). */
  body: string;
}

/** A delivery claimed for one attempt. */
export interface ClaimedDelivery extends NewDelivery {
  /** Attempts made so far, this one included. */
  attempts: number;
}

/** A stored delivery with the outcome of its last attempt, for inspection. */
export interface DeliveryRecord extends ClaimedDelivery {
  lastStatus: number | null;
  lastError: string | null;
}

/** The `webhook_deliveries` table (migration 6). Times are epoch milliseconds. */
export interface WebhookOutbox {
  /** Inserts deliveries; pass a transaction to commit them together with what caused them. */
  enqueue(deliveries: readonly NewDelivery[], on?: Queryable): Promise<void>;
  /**
   * Claims up to `limit` due deliveries for one attempt each: counts the attempt and leases the row
   * until `leaseUntil`, so another collector (or this one after a crash) retries it only after that.
   */
  claim(now: number, limit: number, leaseUntil: number): Promise<ClaimedDelivery[]>;
  /** Removes a delivered row (the receiver answered 2xx). */
  delivered(id: string): Promise<void>;
  /** Schedules the next attempt. */
  retryAt(id: string, at: number, lastStatus: number | null, lastError: string): Promise<void>;
  /** Gives up: keeps the row as `failed` with the reason. */
  giveUp(id: string, lastStatus: number | null, lastError: string): Promise<void>;
  /** Returns a claimed row at once, uncounted (an attempt cut short by shutdown). */
  release(id: string, now: number): Promise<void>;
  /** When the earliest pending delivery is due, or null when none is pending. */
  nextDueAt(): Promise<number | null>;
  /** Pending deliveries (tests, diagnostics). */
  pending(): Promise<DeliveryRecord[]>;
  /** Deliveries given up (tests, diagnostics). */
  failed(): Promise<DeliveryRecord[]>;
}

const iso = (ms: number) => new Date(ms).toISOString();

interface Row {
  id: string;
  workspace_id: string;
  url: string;
  kind: string;
  account_id: string | null;
  body: string;
  attempts: number;
  last_status?: number | null;
  last_error?: string | null;
}

const toDelivery = (row: Row): ClaimedDelivery => ({
  id: row.id,
  workspaceId: row.workspace_id,
  url: row.url,
  kind: row.kind,
  accountId: row.account_id,
  body: row.body,
  attempts: Number(row.attempts),
});

const COLUMNS = 'id, workspace_id, url, kind, account_id, body, attempts';

/** The outbox on `db` (PGlite or PostgreSQL: the same SQL). */
export function createWebhookOutbox(db: Database, now: () => number = Date.now): WebhookOutbox {
  const records = async (status: 'pending' | 'failed'): Promise<DeliveryRecord[]> => {
    const rows = await db.query<Row>(`SELECT ${COLUMNS}, last_status, last_error FROM webhook_deliveries WHERE status = $1 ORDER BY created_at, id`, [status]);
    return rows.map((row) => ({ ...toDelivery(row), lastStatus: row.last_status ?? null, lastError: row.last_error ?? null }));
  };
  return {
    async enqueue(deliveries, on = db) {
      if (deliveries.length === 0) return;
      const rows = deliveries.map((d) => ({ id: d.id, w: d.workspaceId, u: d.url, k: d.kind, a: d.accountId, b: d.body }));
      await on.query(
        `INSERT INTO webhook_deliveries (id, workspace_id, url, kind, account_id, body, next_attempt_at)
         SELECT r.id, r.w, r.u, r.k, r.a, r.b, $2::timestamptz
         FROM jsonb_to_recordset($1::text::jsonb) AS r(id text, w text, u text, k text, a text, b text)
         ON CONFLICT (id) DO NOTHING`,
        [JSON.stringify(rows), iso(now())],
      );
    },
    async claim(at, limit, leaseUntil) {
      // SKIP LOCKED: several collectors on one PostgreSQL never claim the same row.
      const rows = await db.query<Row>(
        `UPDATE webhook_deliveries SET attempts = attempts + 1, next_attempt_at = $3::timestamptz
         WHERE id IN (
           SELECT id FROM webhook_deliveries
           WHERE status = 'pending' AND next_attempt_at <= $1::timestamptz
           ORDER BY next_attempt_at, created_at LIMIT $2 FOR UPDATE SKIP LOCKED)
         RETURNING ${COLUMNS}`,
        [iso(at), limit, iso(leaseUntil)],
      );
      return rows.map(toDelivery);
    },
    async delivered(id) {
      await db.query('DELETE FROM webhook_deliveries WHERE id = $1', [id]);
    },
    async retryAt(id, at, lastStatus, lastError) {
      await db.query('UPDATE webhook_deliveries SET next_attempt_at = $2::timestamptz, last_status = $3, last_error = $4 WHERE id = $1', [id, iso(at), lastStatus, lastError]);
    },
    async giveUp(id, lastStatus, lastError) {
      await db.query("UPDATE webhook_deliveries SET status = 'failed', failed_at = now(), last_status = $2, last_error = $3 WHERE id = $1", [id, lastStatus, lastError]);
    },
    async release(id, at) {
      await db.query("UPDATE webhook_deliveries SET attempts = greatest(attempts - 1, 0), next_attempt_at = $2::timestamptz WHERE id = $1 AND status = 'pending'", [id, iso(at)]);
    },
    async nextDueAt() {
      const [row] = await db.query<{ due: number | null }>("SELECT (extract(epoch FROM min(next_attempt_at)) * 1000)::float8 AS due FROM webhook_deliveries WHERE status = 'pending'");
      return row?.due === null || row?.due === undefined ? null : Number(row.due);
    },
    pending: () => records('pending'),
    failed: () => records('failed'),
  };
}
