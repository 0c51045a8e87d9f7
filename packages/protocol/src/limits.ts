/** Size and count limits shared by the SDK (which splits) and the collector (which enforces). */

/** Largest serialized event the collector accepts, in bytes. */
export const MAX_EVENT_BYTES = 32 * 1024;

/** Largest request body (after decompression) the collector accepts, in bytes. */
export const MAX_BATCH_BYTES = 500 * 1024;

/** Most events in one batch. */
export const MAX_BATCH_EVENTS = 2500;

/**
 * Largest body the SDK sends with `fetch(keepalive)`: browsers cap the total of in-flight
 * keepalive bodies at 64 KiB (Fetch spec, "keepalive" 4.5.4), so an unload flush is chunked.
 */
export const KEEPALIVE_BYTES = 64 * 1024;

/** Longest string accepted for ids (messageId, userId, anonymousId, groupId) and names. */
export const MAX_ID_LENGTH = 256;
