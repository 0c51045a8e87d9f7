// Test double for the collector's ingest endpoint, served by msw's service worker: records
// every request, dedupes by messageId like the real one, and answers scripted responses.
import type { BatchBody, IngestResponse } from '@cairn/protocol';
import { createStore, clear } from 'idb-keyval';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';

export interface SeenRequest {
  body: BatchBody;
  contentType: string | null;
  at: number;
}

export type Reply = (body: BatchBody) => Response;

/** Starts msw once per test file and returns the fake collector's recorder. */
export function fakeCollector() {
  const requests: SeenRequest[] = [];
  const stored = new Set<string>();
  const replies: Reply[] = [];
  let fallback: Reply | undefined;
  const ok: Reply = (body) => {
    let accepted = 0;
    let duplicates = 0;
    for (const e of body.batch) {
      if (stored.has(e.messageId)) duplicates++;
      else {
        stored.add(e.messageId);
        accepted++;
      }
    }
    return HttpResponse.json({ accepted, duplicates, rejected: [] } satisfies IngestResponse);
  };
  const worker = setupWorker(
    http.post('*/v1/batch', async ({ request }) => {
      const body = JSON.parse(await request.text()) as BatchBody;
      requests.push({ body, contentType: request.headers.get('content-type'), at: performance.now() });
      return (replies.shift() ?? fallback ?? ok)(body);
    }),
  );
  return {
    requests,
    stored,
    ok,
    start: () => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }),
    stop: () => worker.stop(),
    /** The next requests get these answers, in order; then `fallback`, else 200. */
    reply: (...r: Reply[]) => replies.push(...r),
    always: (r: Reply | undefined) => (fallback = r),
    reset() {
      requests.length = 0;
      replies.length = 0;
      stored.clear();
      fallback = undefined;
    },
    /** Every event the collector saw, in order of arrival (with repeats). */
    events: () => requests.flatMap((r) => r.body.batch),
  };
}

/** The SDK's IndexedDB queue, for tests that look inside it. */
export const queueStore = () => createStore('cairn', 'queue');

export const clearQueue = () => clear(queueStore());

/** Polls `check` until it is truthy; fails with `what` after `ms`. */
export async function until<T>(check: () => T | Promise<T>, what: string, ms = 5000): Promise<T> {
  const end = performance.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (performance.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await sleep(10);
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
