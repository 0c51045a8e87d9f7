// Test double for the collector, served by msw's service worker: the ingest endpoint records
// every request, dedupes by messageId like the real one, and answers scripted responses;
// `GET /v1/config` serves `config` with an ETag (304 on a match), `GET /v1/state` serves `state`.
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

/** A request to `/v1/config` or `/v1/state` as the fake collector saw it. */
export interface SeenGet {
  url: URL;
  ifNoneMatch: string | null;
  status: number;
}

/** Starts msw once per test file and returns the fake collector's recorder. */
export function fakeCollector() {
  const requests: SeenRequest[] = [];
  const stored = new Set<string>();
  const replies: Reply[] = [];
  let fallback: Reply | undefined;
  const gets: SeenGet[] = [];
  const served: { config?: unknown; etag: string; state?: Record<string, unknown> } = { etag: '"v1"' };
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
    http.get('*/v1/config', ({ request }) => {
      const inm = request.headers.get('if-none-match');
      const status = served.config === undefined ? 404 : inm === served.etag ? 304 : 200;
      gets.push({ url: new URL(request.url), ifNoneMatch: inm, status });
      if (status === 404) return HttpResponse.json({ error: { message: 'no config' } }, { status });
      if (status === 304) return new HttpResponse(null, { status, headers: { ETag: served.etag } });
      return HttpResponse.json({ config: served.config }, { headers: { ETag: served.etag } });
    }),
    http.get('*/v1/state', ({ request }) => {
      const url = new URL(request.url);
      const status = served.state ? 200 : 404;
      gets.push({ url, ifNoneMatch: null, status });
      const user = served.state?.[url.searchParams.get('userId') ?? ''];
      return HttpResponse.json(user ?? { milestones: {}, checklists: {}, surveys: {} }, { status });
    }),
  );
  return {
    requests,
    stored,
    ok,
    start: () => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }),
    stop: () => worker.stop(),
    /** Adds request handlers for the current test (removed by `reset`). */
    use: (...handlers: Parameters<typeof worker.use>) => worker.use(...handlers),
    /** GET requests to /v1/config and /v1/state, in order. */
    gets,
    /** What /v1/config and /v1/state serve: `config` (404 while undefined), its `etag`, `state` per userId. */
    served,
    /** The next requests get these answers, in order; then `fallback`, else 200. */
    reply: (...r: Reply[]) => replies.push(...r),
    always: (r: Reply | undefined) => (fallback = r),
    reset() {
      requests.length = 0;
      replies.length = 0;
      stored.clear();
      fallback = undefined;
      gets.length = 0;
      delete served.config;
      delete served.state;
      served.etag = '"v1"';
      worker.resetHandlers();
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
