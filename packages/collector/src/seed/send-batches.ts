import { MAX_BATCH_BYTES, type WireEvent } from '@cairn/protocol';

/** Totals of what the collector answered. */
export interface SendResult {
  accepted: number;
  duplicates: number;
  rejected: number;
}

/** Where and how to send. */
export interface SendOptions {
  /** Collector base URL, e.g. `http://127.0.0.1:8600`. */
  url: string;
  writeKey: string;
  /** Events per `POST /v1/batch` (≤ 500 here, well under the protocol's 2,500). */
  batchSize?: number;
  /** Requests in flight at once. */
  concurrency?: number;
  /** Attempts per batch on 429, 5xx and network errors. */
  maxAttempts?: number;
  onProgress?: (sentEvents: number, totalEvents: number) => void;
  fetch?: typeof globalThis.fetch;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Cuts `events` into batches of at most `size` events and, with room to spare, under the byte limit. */
export function toBatches(events: readonly WireEvent[], size: number): WireEvent[][] {
  const batches: WireEvent[][] = [];
  let current: WireEvent[] = [];
  let bytes = 0;
  for (const event of events) {
    const length = JSON.stringify(event).length + 1;
    if (current.length >= size || (current.length > 0 && bytes + length > MAX_BATCH_BYTES * 0.8)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(event);
    bytes += length;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/**
 * Posts events through the real ingest API (`POST /v1/batch`, HTTP Basic with the write key).
 * Each batch's `sentAt` is the moment it is sent, so the collector's clock-skew correction keeps
 * backdated timestamps as they are. Retries 429 (honouring `Retry-After`), 5xx and network errors.
 */
export async function sendBatches(events: readonly WireEvent[], options: SendOptions): Promise<SendResult> {
  const doFetch = options.fetch ?? globalThis.fetch;
  const batches = toBatches(events, options.batchSize ?? 500);
  const maxAttempts = options.maxAttempts ?? 30;
  const authorization = `Basic ${Buffer.from(`${options.writeKey}:`).toString('base64')}`;
  const total: SendResult = { accepted: 0, duplicates: 0, rejected: 0 };
  let sent = 0;
  let next = 0;

  async function send(batch: WireEvent[]): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      let status = 0;
      let retryAfter: string | null = null;
      let detail = '';
      try {
        const response = await doFetch(`${options.url.replace(/\/+$/, '')}/v1/batch`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization },
          body: JSON.stringify({ batch, sentAt: new Date().toISOString() }),
          signal: AbortSignal.timeout(60_000),
        });
        status = response.status;
        retryAfter = response.headers.get('retry-after');
        const body = (await response.json().catch(() => ({}))) as { accepted?: number; duplicates?: number; rejected?: unknown[]; error?: { message?: string } };
        if (status === 200) {
          total.accepted += body.accepted ?? 0;
          total.duplicates += body.duplicates ?? 0;
          total.rejected += body.rejected?.length ?? 0;
          return;
        }
        detail = body.error?.message ?? `HTTP ${status}`;
      } catch (error) {
        detail = (error as Error).message;
      }
      const retryable = status === 0 || status === 429 || status >= 500;
      if (!retryable || attempt >= maxAttempts) {
        throw new Error(`Failed to seed the demo data: the collector answered ${detail} (after ${attempt} attempt(s)). Please check that it runs at ${options.url} and knows the write key.`);
      }
      const seconds = Number(retryAfter);
      await sleep(Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : Math.min(5_000, 200 * 2 ** attempt));
    }
  }

  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next]!;
      next += 1;
      await send(batch);
      sent += batch.length;
      options.onProgress?.(sent, events.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 2) }, worker));
  return total;
}
