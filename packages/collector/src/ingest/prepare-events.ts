import { MAX_EVENT_BYTES, validateEvent, type EventType, type Rejection, type WireEvent } from '@cairn/protocol';

/** One event ready for the writer: its dedupe key and its row as JSON (for `jsonb_to_recordset`). */
export interface PreparedRow {
  /** `workspaceId` + NUL + `messageId`: unique per stored event. */
  key: string;
  json: string;
}

/** The storable rows of a request and the events that were not. */
export interface PreparedBatch {
  rows: PreparedRow[];
  rejected: Rejection[];
}

// PostgreSQL text and jsonb cannot hold NUL or an unpaired UTF-16 surrogate; JSON.stringify
// writes both as \u escapes (an escape is real when preceded by an even number of backslashes).
const UNSTORABLE = /(?<!\\)(?:\\\\)*\\u(?:0000|d[89ab][0-9a-f]{2}(?!\\ud[c-f][0-9a-f]{2})|d[c-f][0-9a-f]{2})/i;

const MIN_TIME = Date.parse('1970-01-01T00:00:00Z');
const MAX_TIME = Date.parse('9999-12-31T23:59:59Z');
const inRange = (ms: number) => ms >= MIN_TIME && ms <= MAX_TIME;

/**
 * Validates the raw events of one request and turns the valid ones into rows, applying the
 * clock-skew correction `timestamp = receivedAt − (sentAt − originalTimestamp)` when `sentAt`
 * is a valid date.
 */
export function prepareEvents(
  raws: readonly unknown[],
  context: { workspaceId: string; receivedAt: number; sentAt?: unknown; type?: EventType; bodyBytes?: number },
): PreparedBatch {
  // No event can exceed the per-event limit when the whole body does not: skip measuring each.
  const measure = context.bodyBytes === undefined || context.bodyBytes > MAX_EVENT_BYTES;
  const rows: PreparedRow[] = [];
  const rejected: Rejection[] = [];
  const batchSentAt = typeof context.sentAt === 'string' ? Date.parse(context.sentAt) : Number.NaN;
  const receivedAt = new Date(context.receivedAt).toISOString();
  // toISOString costs about as much as the row's JSON.stringify; the batch's sentAt, the receive
  // time and timestamps shared by several events are formatted once per request.
  const formatted = new Map<number, string>([[context.receivedAt, receivedAt]]);
  const iso = (ms: number) => {
    let text = formatted.get(ms);
    if (text === undefined) {
      text = new Date(ms).toISOString();
      formatted.set(ms, text);
    }
    return text;
  };
  raws.forEach((raw, index) => {
    const reject = (reason: string) => rejected.push({ index, reason });
    if (measure) {
      const text = JSON.stringify(raw);
      if (text !== undefined && Buffer.byteLength(text) > MAX_EVENT_BYTES) return reject(`event is larger than ${MAX_EVENT_BYTES / 1024} KB`);
    }
    const result = validateEvent(raw, context.type);
    if (!result.ok) return reject(result.reason);
    const event: WireEvent = result.event;
    const original = Date.parse(event.timestamp);
    const ownSentAt = (raw as { sentAt?: unknown }).sentAt;
    const ownSentAtMs = typeof ownSentAt === 'string' ? Date.parse(ownSentAt) : Number.NaN;
    const sentAt = Number.isNaN(ownSentAtMs) ? batchSentAt : ownSentAtMs;
    const corrected = Number.isNaN(sentAt) ? original : context.receivedAt - (sentAt - original);
    if (!inRange(original) || !inRange(corrected)) return reject('timestamp must be between 1970 and 9999 (after clock-skew correction)');
    const json = JSON.stringify({
      w: context.workspaceId,
      m: event.messageId,
      t: event.type,
      a: event.anonymousId ?? null,
      u: event.userId ?? null,
      g: event.groupId ?? null,
      e: event.event ?? null,
      n: event.name ?? null,
      ts: iso(corrected),
      ots: iso(original),
      sa: Number.isNaN(sentAt) || !inRange(sentAt) ? null : iso(sentAt),
      ra: receivedAt,
      p: event.properties ?? null,
      tr: event.traits ?? null,
      c: event.context ?? null,
    });
    if (json.includes('\\u') && UNSTORABLE.test(json)) return reject('strings must not contain NUL characters or unpaired UTF-16 surrogates');
    rows.push({ key: `${context.workspaceId}\u0000${event.messageId}`, json });
  });
  return { rows, rejected };
}
