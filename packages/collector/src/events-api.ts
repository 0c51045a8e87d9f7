import { Hono } from 'hono';
import { apiError } from './api-error.ts';
import type { Workspace } from './config.ts';
import type { Database } from './db/database.ts';
import type { KeyIndex } from './keys.ts';

/** One stored event as `GET /v1/events` returns it: the wire shape plus storage fields. */
export interface StoredEvent {
  seq: number;
  type: string;
  messageId: string;
  anonymousId?: string;
  userId?: string;
  groupId?: string;
  event?: string;
  name?: string;
  /** Skew-corrected time. */
  timestamp: string;
  /** The time as the sender's clock said. */
  originalTimestamp: string;
  sentAt?: string;
  receivedAt: string;
  properties?: Record<string, unknown>;
  traits?: Record<string, unknown>;
  context?: Record<string, unknown>;
}

/** Answer of `GET /v1/events`: a page of events and the cursor (`after`) of the next one, or null. */
export interface EventPage {
  events: StoredEvent[];
  next: number | null;
}

interface EventRow {
  seq: string;
  type: string;
  message_id: string;
  anonymous_id: string | null;
  user_id: string | null;
  group_id: string | null;
  event: string | null;
  name: string | null;
  timestamp: Date | string;
  original_timestamp: Date | string;
  sent_at: Date | string | null;
  received_at: Date | string;
  properties: Record<string, unknown> | string | null;
  traits: Record<string, unknown> | string | null;
  context: Record<string, unknown> | string | null;
}

const iso = (value: Date | string) => new Date(value).toISOString();
const json = (value: Record<string, unknown> | string) => (typeof value === 'string' ? (JSON.parse(value) as Record<string, unknown>) : value);

function toStoredEvent(row: EventRow): StoredEvent {
  const event: StoredEvent = {
    seq: Number(row.seq),
    type: row.type,
    messageId: row.message_id,
    timestamp: iso(row.timestamp),
    originalTimestamp: iso(row.original_timestamp),
    receivedAt: iso(row.received_at),
  };
  if (row.anonymous_id !== null) event.anonymousId = row.anonymous_id;
  if (row.user_id !== null) event.userId = row.user_id;
  if (row.group_id !== null) event.groupId = row.group_id;
  if (row.event !== null) event.event = row.event;
  if (row.name !== null) event.name = row.name;
  if (row.sent_at !== null) event.sentAt = iso(row.sent_at);
  if (row.properties !== null) event.properties = json(row.properties);
  if (row.traits !== null) event.traits = json(row.traits);
  if (row.context !== null) event.context = json(row.context);
  return event;
}

/** Resolves the Bearer secret key of a request to its workspace; throws 401/403. */
export function authenticateSecretKey(keys: KeyIndex, authorization: string | undefined): Workspace {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match) throw apiError(401, 'missing_secret_key', 'Failed to authenticate: no secret key was sent. Please send "Authorization: Bearer <secret key>".');
  const workspace = keys.bySecretKey(match[1]!);
  if (workspace) return workspace;
  if (keys.byWriteKey(match[1]!)) {
    throw apiError(403, 'write_key_not_allowed', 'Failed to authenticate: a write key only allows ingest. Please use a secret key.');
  }
  throw apiError(401, 'unknown_secret_key', 'Failed to authenticate: the secret key is unknown. Please use a secret key from the collector config.');
}

/** `GET /v1/events`: raw stored events of the caller's workspace in `seq` order (export, tests). */
export function createEventsApi(deps: { db: Database; keys: KeyIndex }): Hono {
  const api = new Hono();
  api.get('/events', async (c) => {
    const workspace = authenticateSecretKey(deps.keys, c.req.header('authorization'));
    const limitText = c.req.query('limit') ?? '1000';
    const afterText = c.req.query('after') ?? '0';
    if (!/^\d{1,5}$/.test(limitText) || Number(limitText) < 1 || Number(limitText) > 10000) {
      throw apiError(400, 'invalid_limit', 'Failed to list events: limit must be an integer from 1 to 10000. Please fix the query.');
    }
    if (!/^\d{1,18}$/.test(afterText)) throw apiError(400, 'invalid_cursor', 'Failed to list events: after must be a seq number. Please use the "next" of the previous page.');
    const limit = Number(limitText);
    const params: unknown[] = [workspace.id, afterText];
    const filters: string[] = [];
    for (const [query, column] of [['userId', 'user_id'], ['anonymousId', 'anonymous_id'], ['event', 'event']] as const) {
      const value = c.req.query(query);
      if (value === undefined) continue;
      params.push(value);
      filters.push(`AND ${column} = $${params.length}`);
    }
    params.push(limit);
    const rows = await deps.db.query<EventRow>(
      `SELECT seq::text AS seq, type, message_id, anonymous_id, user_id, group_id, event, name, timestamp,
         original_timestamp, sent_at, received_at, properties, traits, context
       FROM events WHERE workspace_id = $1 AND seq > $2::bigint ${filters.join(' ')}
       ORDER BY events.seq LIMIT $${params.length}`,
      params,
    );
    const events = rows.map(toStoredEvent);
    const page: EventPage = { events, next: events.length === limit ? events[events.length - 1]!.seq : null };
    return c.json(page);
  });
  return api;
}
