// An msw stand-in for the collector's CSM API, recording every request it answers.
import type { AccountDetail, AccountList, AccountSummary, SurveyResults, TimelineEntry } from '@cairn/protocol';
import { http, HttpResponse } from 'msw';
import { setupWorker, type SetupWorker } from 'msw/browser';
import { makeDetail, sampleAccounts, sampleNps, sampleTimeline } from './fixtures.ts';

/** The secret key the mock accepts. */
export const GOOD_KEY = 'sk_test_good';

/** What the mock answers; tests change it before rendering. */
export interface MockData {
  accounts: AccountSummary[];
  /** Pages of `GET /v1/accounts` by cursor ('' is the first); when set, replaces `accounts`. */
  pages?: Record<string, AccountList>;
  details: Record<string, AccountDetail>;
  timeline: TimelineEntry[];
  nps: SurveyResults;
  csv: string;
}

/** One request the mock saw. */
export interface SeenRequest {
  method: string;
  url: URL;
  authorization: string | null;
}

export interface MockApi {
  worker: SetupWorker;
  data: MockData;
  requests: SeenRequest[];
  /** Requests to one path, e.g. `/v1/accounts`. */
  requestsTo(pathname: string): SeenRequest[];
  reset(): void;
}

const unauthorized = () =>
  HttpResponse.json(
    { error: { code: 'invalid_secret_key', message: 'Failed to authenticate: unknown secret key. Please use a secret key from the workspace config.' } },
    { status: 401 },
  );

const freshData = (): MockData => ({
  accounts: sampleAccounts(),
  details: { acc_red: makeDetail() },
  timeline: sampleTimeline(),
  nps: sampleNps(),
  csv: 'accountId,name,health\r\nacc_red,Globex,31.2\r\n',
});

/** Creates the mock; call `worker.start()` via {@link startMockApi}. */
export function createMockApi(): MockApi {
  const api: MockApi = {
    data: freshData(),
    requests: [],
    requestsTo: (pathname) => api.requests.filter((request) => request.url.pathname === pathname),
    reset() {
      api.data = freshData();
      api.requests.length = 0;
      api.worker.resetHandlers();
    },
    worker: undefined as unknown as SetupWorker,
  };
  const guard = (request: Request): Response | null => {
    api.requests.push({ method: request.method, url: new URL(request.url), authorization: request.headers.get('authorization') });
    return request.headers.get('authorization') === `Bearer ${GOOD_KEY}` ? null : unauthorized();
  };
  api.worker = setupWorker(
    http.get('/v1/accounts.csv', ({ request }) => guard(request) ?? new HttpResponse(api.data.csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } })),
    http.get('/v1/accounts', ({ request }) => {
      const denied = guard(request);
      if (denied) return denied;
      if (api.data.pages) {
        const page = api.data.pages[new URL(request.url).searchParams.get('cursor') ?? ''];
        return page ? HttpResponse.json(page) : HttpResponse.json({ error: { code: 'bad_cursor', message: 'Failed to page: unknown cursor. Please start again.' } }, { status: 400 });
      }
      return HttpResponse.json({ accounts: api.data.accounts, total: api.data.accounts.length, next: null } satisfies AccountList);
    }),
    http.get('/v1/accounts/:id/timeline', ({ request }) => guard(request) ?? HttpResponse.json({ entries: api.data.timeline })),
    http.get('/v1/accounts/:id', ({ request, params }) => {
      const denied = guard(request);
      if (denied) return denied;
      const detail = api.data.details[String(params.id)];
      return detail
        ? HttpResponse.json(detail)
        : HttpResponse.json({ error: { code: 'not_found', message: 'Failed to find the account: no such id. Please check the link.' } }, { status: 404 });
    }),
    http.get('/v1/surveys/results', ({ request }) => guard(request) ?? HttpResponse.json(api.data.nps)),
  );
  return api;
}

/** Starts a mock for one test file; stop it in `afterAll`. */
export async function startMockApi(): Promise<MockApi> {
  const api = createMockApi();
  await api.worker.start({ quiet: true, onUnhandledRequest: 'error', serviceWorker: { url: '/mockServiceWorker.js' } });
  return api;
}
