/**
 * The wire shape of one event, compatible with the Segment Tracking API spec so that any
 * Segment-spec library can post to the collector unchanged.
 */

/** The four event types Cairn accepts. */
export type EventType = 'identify' | 'group' | 'track' | 'page';

/** The event types, in a runtime list (for validation). */
export const EVENT_TYPES: readonly EventType[] = ['identify', 'group', 'track', 'page'];

/** A JSON object as sent on the wire (properties, traits, context). */
export type JsonObject = { [key: string]: unknown };

/** One event as posted to the collector. */
export interface WireEvent {
  type: EventType;
  /** Idempotency key: the collector stores each messageId once per workspace. */
  messageId: string;
  /** ISO 8601 time on the sender's clock when the event happened. */
  timestamp: string;
  /** Persistent per-browser id; present on every event from the Cairn SDK. */
  anonymousId?: string;
  /** The signed-in user, once `identify()` was called. */
  userId?: string;
  /** The account (Segment's "group"), once `group()` was called. */
  groupId?: string;
  /** Event name, for `track`. */
  event?: string;
  /** Page name, for `page`. */
  name?: string;
  properties?: JsonObject;
  traits?: JsonObject;
  context?: JsonObject;
}

/** Body of `POST /v1/batch`. */
export interface BatchBody {
  batch: WireEvent[];
  /** ISO 8601 time on the sender's clock when the request was sent (for skew correction). */
  sentAt?: string;
  /** The write key, for senders that cannot set an Authorization header (sendBeacon). */
  writeKey?: string;
}
