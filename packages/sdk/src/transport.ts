import type { IngestResponse, Rejection, WireEvent } from '@cairn/protocol';
import { isRetryableStatus } from '@cairn/protocol';
import { parseRetryAfter } from './backoff.ts';

/** What became of one batch request. */
export type SendResult =
  /** Acknowledged: every event is done with (stored, duplicate, or rejected one by one). */
  | { k: 'ok'; delivered: number; rejected: Rejection[] }
  /** Try the same events later (5xx, 408, 429, network error); `after` is Retry-After in ms. */
  | { k: 'retry'; status?: number; after?: number }
  /** The collector refused the whole batch (other 4xx): resending cannot help. */
  | { k: 'drop'; status: number; reason: string };

/**
 * Posts one batch to `{host}/v1/batch`. The body is `text/plain` so the request is
 * CORS-simple (no preflight); the write key travels in the body for the same reason.
 *
 * @param keepalive - lets the request outlive the page (`pagehide`); body must be ≤ 64 KB
 */
export async function send(
  url: string,
  writeKey: string,
  batch: WireEvent[],
  keepalive = false,
  doFetch: typeof fetch = fetch,
): Promise<SendResult> {
  let res: Response;
  try {
    res = await doFetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: JSON.stringify({ batch, sentAt: new Date().toISOString(), writeKey }),
      keepalive,
    });
  } catch {
    return { k: 'retry' };
  }
  const status = res.status;
  const body = (await res.json().catch(() => undefined)) as (Partial<IngestResponse> & { error?: { message?: string } }) | undefined;
  if (res.ok) {
    const rejected = Array.isArray(body?.rejected) ? body.rejected : [];
    return { k: 'ok', delivered: body ? (body.accepted ?? 0) + (body.duplicates ?? 0) : batch.length - rejected.length, rejected };
  }
  if (isRetryableStatus(status)) return { k: 'retry', status, after: parseRetryAfter(res.headers.get('Retry-After')) };
  return { k: 'drop', status, reason: body?.error?.message ?? 'HTTP ' + status };
}
