import { EVENT_TYPES, type EventType, type JsonObject, type WireEvent } from './event.ts';
import { MAX_ID_LENGTH } from './limits.ts';

/** The outcome of validating one event: the normalized event, or why it is invalid. */
export type EventValidation = { ok: true; event: WireEvent } | { ok: false; reason: string };

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isId = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH;

/**
 * Checks one raw event against the wire protocol. Only the fields Cairn reads are
 * checked; unknown fields are dropped so that what is stored has one shape.
 *
 * @param raw - one element of a posted `batch` (or a single-event body)
 * @param type - the type implied by the endpoint (`/v1/track` …), if any
 */
export function validateEvent(raw: unknown, type?: EventType): EventValidation {
  if (!isObject(raw)) return { ok: false, reason: 'event must be a JSON object' };
  const eventType = raw.type ?? type;
  if (typeof eventType !== 'string' || !EVENT_TYPES.includes(eventType as EventType)) {
    return { ok: false, reason: `type must be one of ${EVENT_TYPES.join(', ')}` };
  }
  if (type && eventType !== type) return { ok: false, reason: `type must be "${type}" on this endpoint` };
  if (!isId(raw.messageId)) return { ok: false, reason: `messageId must be a string of 1-${MAX_ID_LENGTH} characters` };
  if (typeof raw.timestamp !== 'string' || Number.isNaN(Date.parse(raw.timestamp))) {
    return { ok: false, reason: 'timestamp must be an ISO 8601 date string' };
  }
  for (const field of ['anonymousId', 'userId', 'groupId'] as const) {
    const value = raw[field];
    if (value !== undefined && value !== null && !isId(value)) {
      return { ok: false, reason: `${field} must be a string of 1-${MAX_ID_LENGTH} characters` };
    }
  }
  if (raw.anonymousId == null && raw.userId == null) return { ok: false, reason: 'anonymousId or userId is required' };
  if (eventType === 'track' && !isId(raw.event)) return { ok: false, reason: 'event (the name) is required for track' };
  if (eventType === 'group' && !isId(raw.groupId)) return { ok: false, reason: 'groupId is required for group' };
  if (raw.name != null && !isId(raw.name)) return { ok: false, reason: `name must be a string of 1-${MAX_ID_LENGTH} characters` };
  for (const field of ['properties', 'traits', 'context'] as const) {
    if (raw[field] != null && !isObject(raw[field])) return { ok: false, reason: `${field} must be a JSON object` };
  }

  const event: WireEvent = { type: eventType as EventType, messageId: raw.messageId, timestamp: raw.timestamp };
  if (isId(raw.anonymousId)) event.anonymousId = raw.anonymousId;
  if (isId(raw.userId)) event.userId = raw.userId;
  if (isId(raw.groupId)) event.groupId = raw.groupId;
  if (isId(raw.event)) event.event = raw.event;
  if (isId(raw.name)) event.name = raw.name;
  if (isObject(raw.properties)) event.properties = raw.properties;
  if (isObject(raw.traits)) event.traits = raw.traits;
  if (isObject(raw.context)) event.context = raw.context;
  return { ok: true, event };
}
