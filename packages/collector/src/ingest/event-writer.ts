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

// One array per column, zipped by ROWS FROM: the twelve string columns as array literals, the
// three JSON columns as one JSON array each. PostgreSQL then parses each value with its column
// type's input function instead of first building a jsonb document of every row (measured: ~18
// instead of ~26 µs of server CPU per event; decision 0003). jsonb_array_elements yields JSON
// null as 'null'::jsonb, which NULLIF turns back into SQL NULL.
const INSERT = `
INSERT INTO events (workspace_id, message_id, type, anonymous_id, user_id, group_id, event, name,
  timestamp, original_timestamp, sent_at, received_at, properties, traits, context)
SELECT w, m, t, a, u, g, e, n, ts, ots, sa, ra, nullif(p, 'null'), nullif(tr, 'null'), nullif(c, 'null')
FROM ROWS FROM (unnest($1::text[]), unnest($2::text[]), unnest($3::text[]), unnest($4::text[]), unnest($5::text[]),
  unnest($6::text[]), unnest($7::text[]), unnest($8::text[]), unnest($9::timestamptz[]), unnest($10::timestamptz[]),
  unnest($11::timestamptz[]), unnest($12::timestamptz[]), jsonb_array_elements($13::text::jsonb), jsonb_array_elements($14::text::jsonb),
  jsonb_array_elements($15::text::jsonb)) AS r(w, m, t, a, u, g, e, n, ts, ots, sa, ra, p, tr, c)
ON CONFLICT (workspace_id, message_id) DO NOTHING
RETURNING workspace_id, message_id`;

/** The keys of a PreparedRow's JSON in column order: twelve strings or nulls, then three JSON values. */
const KEYS = ['w', 'm', 't', 'a', 'u', 'g', 'e', 'n', 'ts', 'ots', 'sa', 'ra', 'p', 'tr', 'c'] as const;
const TOKENS = KEYS.map((key, index) => `${index === 0 ? '{' : ','}"${key}":`);
const FIRST_JSON = 12;
const LAST = KEYS.length - 1;
const QUOTE = 34;
const BACKSLASH = 92;

/** A string as an array-literal element: double-quoted, with `"` and `\` escaped. */
const quote = (text: string) => `"${text.replace(/["\\]/g, '\\$&')}"`;

/** Index of the quote closing the JSON string that opens at `start`, or -1. */
function stringEnd(json: string, start: number): number {
  let from = start + 1;
  for (;;) {
    const end = json.indexOf('"', from);
    if (end < 0) return -1;
    let slashes = 0;
    while (json.charCodeAt(end - 1 - slashes) === BACKSLASH) slashes += 1;
    if (slashes % 2 === 0) return end;
    from = end + 1;
  }
}

/** Index just past the JSON value that starts at `start` (compact JSON, as JSON.stringify writes it), or -1. */
function valueEnd(json: string, start: number): number {
  const first = json.charCodeAt(start);
  if (first === QUOTE) {
    const end = stringEnd(json, start);
    return end < 0 ? -1 : end + 1;
  }
  if (first !== 123 && first !== 91) {
    let end = start;
    while (end < json.length && json[end] !== ',' && json[end] !== '}' && json[end] !== ']') end += 1;
    return end === start ? -1 : end;
  }
  let depth = 0;
  for (let at = start; at < json.length; at += 1) {
    const char = json.charCodeAt(at);
    if (char === QUOTE) {
      at = stringEnd(json, at);
      if (at < 0) return -1;
    } else if (char === 123 || char === 91) depth += 1;
    else if ((char === 125 || char === 93) && --depth === 0) return at + 1;
  }
  return -1;
}

/**
 * Appends a PreparedRow's fifteen values to `columns`, reading its known layout (keys in KEYS
 * order, compact) instead of parsing it: a JSON string without backslashes is already a quoted
 * array-literal element, and a JSON value is used as it is, so most values are plain slices.
 * Returns false, having appended nothing, when the layout differs.
 */
function scanInto(json: string, columns: string[][]): boolean {
  const values: string[] = [];
  let at = 0;
  for (let index = 0; index < LAST; index += 1) {
    if (!json.startsWith(TOKENS[index]!, at)) return false;
    at += TOKENS[index]!.length;
    const end = valueEnd(json, at);
    if (end < 0 || json.charCodeAt(end) !== 44) return false;
    const value = json.slice(at, end);
    if (index >= FIRST_JSON || value === 'null') values.push(index >= FIRST_JSON ? value : 'NULL');
    else if (json.charCodeAt(at) !== QUOTE) return false;
    else values.push(value.includes('\\') ? quote(JSON.parse(value) as string) : value);
    at = end;
  }
  // The last value runs to the closing brace; JSON.stringify made it, so it is whole.
  if (!json.startsWith(TOKENS[LAST]!, at) || json.charCodeAt(json.length - 1) !== 125) return false;
  values.push(json.slice(at + TOKENS[LAST]!.length, -1));
  for (let index = 0; index < KEYS.length; index += 1) columns[index]!.push(values[index]!);
  return true;
}

/** The same values through JSON.parse, for a row whose layout the scan does not know. */
function parseInto(json: string, columns: string[][]): void {
  const row = JSON.parse(json) as Record<string, unknown>;
  KEYS.forEach((key, index) => {
    const value = row[key] ?? null;
    if (index >= FIRST_JSON) columns[index]!.push(JSON.stringify(value));
    else columns[index]!.push(value === null ? 'NULL' : quote(String(value)));
  });
}

/**
 * The fifteen parameters of INSERT for these row JSONs: an array literal for each string or
 * timestamp column, a JSON array for each JSON column. Exported for tests.
 */
export function encodeColumns(jsons: readonly string[]): string[] {
  const columns: string[][] = KEYS.map(() => []);
  for (const json of jsons) if (!scanInto(json, columns)) parseInto(json, columns);
  return columns.map((values, index) => (index >= FIRST_JSON ? `[${values.join(',')}]` : `{${values.join(',')}}`));
}

const isDataError = (error: unknown) => String((error as { code?: unknown }).code ?? '').startsWith('22');

/** How the writer batches; the defaults suit both stores. */
export interface EventWriterOptions {
  /**
   * Flushes in flight at once. Default 1 for PGlite, which runs one query at a time; 8 for
   * PostgreSQL (pool of 10, two left for reads), so commits overlap their WAL flushes.
   */
  concurrency?: number;
  /**
   * Rows the queue must hold before a flush starts while another is still in flight. Below it the
   * rows wait for a flush to return, so under load each statement carries hundreds of rows (one
   * statement's and one commit's cost spread over them) and at low load there is no wait at all.
   */
  minRowsToOverlap?: number;
  /** Rows per flush, bounding statement size and latency. */
  maxRows?: number;
  /** Bytes of row JSON per flush. */
  maxBytes?: number;
}

/**
 * Creates the writer for one database (docs/decisions/0003-group-commit-ingest.md has the
 * measurements behind the defaults).
 */
export function createEventWriter(db: Database, options: EventWriterOptions = {}): EventWriter {
  const concurrency = options.concurrency ?? (db.kind === 'postgres' ? 8 : 1);
  const minRowsToOverlap = options.minRowsToOverlap ?? 200;
  const maxRows = options.maxRows ?? 5000;
  const maxBytes = options.maxBytes ?? 8 * 1024 * 1024;
  const queue: Entry[] = [];
  let queuedRows = 0;
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
      const rows = await db.query<{ workspace_id: string; message_id: string }>(INSERT, encodeColumns(parts));
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
      queuedRows -= entry.rows.length;
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

  /** Resolves `drain()` callers once nothing is queued, flushing or scheduled. */
  function settle(): void {
    if (queue.length > 0 || active > 0 || scheduled) return;
    const waiting = idle;
    idle = [];
    for (const done of waiting) done();
  }

  function pump(): void {
    while (active < concurrency && queue.length > 0 && (active === 0 || queuedRows >= minRowsToOverlap)) {
      active += 1;
      void flush().finally(() => {
        active -= 1;
        if (queue.length > 0) pump();
        else settle();
      });
    }
  }

  return {
    write(rows) {
      if (rows.length === 0) return Promise.resolve({ accepted: 0, duplicates: 0 });
      return new Promise<WriteResult>((resolve, reject) => {
        queue.push({ rows, resolve, reject });
        queuedRows += rows.length;
        // Wait one turn of the event loop so requests parsed in the same turn share a commit.
        if (!scheduled) {
          scheduled = true;
          setImmediate(() => {
            scheduled = false;
            pump();
            // The rows this turn was scheduled for may already be committed by an earlier pump.
            settle();
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
