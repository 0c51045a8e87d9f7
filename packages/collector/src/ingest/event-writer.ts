import type { Database } from '../db/database.ts';
import type { PreparedRow } from './prepare-events.ts';

/** What one request's events became: newly stored, or already stored before. */
export interface WriteResult {
  accepted: number;
  duplicates: number;
}

/**
 * The group-commit writer (docs/decisions/0003): requests hand it their rows; it stores
 * everything queued in one multi-row insert and answers each request after that commit.
 */
export interface EventWriter {
  /** Resolves after the commit holding these rows; rejects if the store failed. */
  write(rows: PreparedRow[]): Promise<WriteResult>;
  /** Resolves once every queued and in-flight write has been answered. */
  drain(): Promise<void>;
}

/** Thrown for rows the database refused as data (SQLSTATE class 22), not as an outage. */
export interface RowDataError extends Error {
  dataError: true;
}

interface Entry {
  rows: PreparedRow[];
  resolve(result: WriteResult): void;
  reject(error: unknown): void;
}

const INSERT = `
INSERT INTO events (workspace_id, message_id, type, anonymous_id, user_id, group_id, event, name,
  timestamp, original_timestamp, sent_at, received_at, properties, traits, context)
SELECT r.w, r.m, r.t, r.a, r.u, r.g, r.e, r.n, r.ts, r.ots, r.sa, r.ra, r.p, r.tr, r.c
FROM jsonb_to_recordset($1::text::jsonb) AS r(w text, m text, t text, a text, u text, g text, e text, n text,
  ts timestamptz, ots timestamptz, sa timestamptz, ra timestamptz, p jsonb, tr jsonb, c jsonb)
ON CONFLICT (workspace_id, message_id) DO NOTHING
RETURNING workspace_id, message_id`;

const isDataError = (error: unknown) => String((error as { code?: unknown }).code ?? '').startsWith('22');

/**
 * Creates the writer for one database.
 *
 * @param options.concurrency - flushes in flight at once: 1 for PGlite, which runs one query at a
 *   time; 8 for PostgreSQL (pool of 10, two left for reads). Measured here at 50 connections:
 *   3 → ~800 req/s, 8 → ~1,000-1,300, 16 → no better.
 * @param options.maxRows - rows per flush, bounding statement size and latency
 */
export function createEventWriter(db: Database, options: { concurrency?: number; maxRows?: number; maxBytes?: number } = {}): EventWriter {
  const concurrency = options.concurrency ?? (db.kind === 'postgres' ? 8 : 1);
  const maxRows = options.maxRows ?? 5000;
  const maxBytes = options.maxBytes ?? 8 * 1024 * 1024;
  const queue: Entry[] = [];
  let active = 0;
  let scheduled = false;
  let idle: Array<() => void> = [];

  async function insert(entries: Entry[]): Promise<void> {
    // The first occurrence of a key in this flush is the one inserted; later ones are duplicates.
    const owners = new Map<string, PreparedRow>();
    const parts: string[] = [];
    for (const entry of entries) {
      for (const row of entry.rows) {
        if (owners.has(row.key)) continue;
        owners.set(row.key, row);
        parts.push(row.json);
      }
    }
    const inserted = new Set<string>();
    if (parts.length > 0) {
      const rows = await db.query<{ workspace_id: string; message_id: string }>(INSERT, [`[${parts.join(',')}]`]);
      for (const row of rows) inserted.add(`${row.workspace_id}\u0000${row.message_id}`);
    }
    for (const entry of entries) {
      let accepted = 0;
      for (const row of entry.rows) if (owners.get(row.key) === row && inserted.has(row.key)) accepted += 1;
      entry.resolve({ accepted, duplicates: entry.rows.length - accepted });
    }
  }

  async function flush(): Promise<void> {
    const entries: Entry[] = [];
    let rows = 0;
    let bytes = 0;
    while (queue.length > 0 && (entries.length === 0 || (rows + queue[0]!.rows.length <= maxRows && bytes < maxBytes))) {
      const entry = queue.shift()!;
      entries.push(entry);
      rows += entry.rows.length;
      for (const row of entry.rows) bytes += row.json.length;
    }
    try {
      await insert(entries);
    } catch (error) {
      if (!isDataError(error) || entries.length === 1) {
        const failure = isDataError(error) ? Object.assign(error as Error, { dataError: true }) : error;
        for (const entry of entries) entry.reject(failure);
        return;
      }
      // One request's rows were refused as data: retry each request alone so only it fails.
      for (const entry of entries) {
        await insert([entry]).catch((e: unknown) => entry.reject(isDataError(e) ? Object.assign(e as Error, { dataError: true }) : e));
      }
    }
  }

  function pump(): void {
    while (active < concurrency && queue.length > 0) {
      active += 1;
      void flush().finally(() => {
        active -= 1;
        if (queue.length > 0) pump();
        else if (active === 0) {
          const waiting = idle;
          idle = [];
          for (const done of waiting) done();
        }
      });
    }
  }

  return {
    write(rows) {
      if (rows.length === 0) return Promise.resolve({ accepted: 0, duplicates: 0 });
      return new Promise<WriteResult>((resolve, reject) => {
        queue.push({ rows, resolve, reject });
        // Wait one turn of the event loop so requests parsed in the same turn share a commit.
        if (!scheduled) {
          scheduled = true;
          setImmediate(() => {
            scheduled = false;
            pump();
          });
        }
      });
    },
    drain() {
      if (queue.length === 0 && active === 0 && !scheduled) return Promise.resolve();
      return new Promise<void>((resolve) => idle.push(resolve));
    },
  };
}
