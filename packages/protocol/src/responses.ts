/** Response bodies of the ingest API. */

/** Why one event of a batch was not stored. */
export interface Rejection {
  /** Position of the event in the posted batch. */
  index: number;
  reason: string;
}

/** 200 answer to an ingest request: valid events are stored even when others are rejected. */
export interface IngestResponse {
  /** Events newly stored. */
  accepted: number;
  /** Events whose messageId was already stored (a retry): a no-op, counted as delivered. */
  duplicates: number;
  rejected: Rejection[];
}

/** Every 4xx/5xx answer of the collector. */
export interface ErrorResponse {
  error: {
    /** Machine-readable code, e.g. `invalid_json`, `unknown_write_key`, `rate_limited`. */
    code: string;
    /** Human-readable reason, in the formula "Failed to <action>: <cause>. Please <fix>." */
    message: string;
  };
}

/** HTTP statuses after which a sender should retry the same request later. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}
