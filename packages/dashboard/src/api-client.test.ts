import { describe, expect, test, vi } from 'vitest';
import { createApiClient } from './api-client.ts';
import { isApiError, type ApiError } from './api-error.ts';

type FetchArgs = Parameters<typeof fetch>;

function fakeFetch(respond: (url: string, init: RequestInit) => Response | Promise<Response>) {
  return vi.fn(async (input: FetchArgs[0], init: FetchArgs[1] = {}) => respond(String(input), init));
}

const headerOf = (init: RequestInit | undefined, name: string) => new Headers(init?.headers).get(name);

describe('createApiClient', () => {
  test('sends the bearer key, the query in a fixed order, and no cookies', async () => {
    const fetch = fakeFetch(() => Response.json({ accounts: [], total: 0, next: null }));
    const api = createApiClient({ getKey: () => 'sk_1', baseUrl: 'https://collector.test', fetch });
    await api.listAccounts({ q: 'a&b=c', band: 'red', flag: 'usage_drop', sort: '-nps', limit: 25, cursor: 'abc' });
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('https://collector.test/v1/accounts?band=red&flag=usage_drop&q=a%26b%3Dc&sort=-nps&limit=25&cursor=abc');
    expect(headerOf(init, 'Authorization')).toBe('Bearer sk_1');
    expect(init?.credentials).toBe('omit');
  });

  test('encodes account ids in paths and unwraps the timeline entries', async () => {
    const fetch = fakeFetch((url) => (url.endsWith('/timeline') ? Response.json({ entries: [{ at: 'x', kind: 'milestone', summary: 's', data: {} }] }) : Response.json({})));
    const api = createApiClient({ getKey: () => 'k', fetch });
    const entries = await api.getTimeline('a/b?c', {});
    expect(fetch.mock.calls[0]![0]).toBe('/v1/accounts/a%2Fb%3Fc/timeline');
    expect(entries).toHaveLength(1);
    await api.getSurveyResults('nps', 'acc 1');
    expect(fetch.mock.calls[1]![0]).toBe('/v1/surveys/results?kind=nps&accountId=acc+1');
    await api.getSurveyResults('csat', undefined);
    expect(fetch.mock.calls[2]![0]).toBe('/v1/surveys/results?kind=csat');
  });

  test('CSV export sends filters and sort but no page, asks for text/csv and resolves to a Blob', async () => {
    const fetch = fakeFetch(() => new Response('a,b\r\n1,2\r\n', { headers: { 'Content-Type': 'text/csv' } }));
    const api = createApiClient({ getKey: () => 'k', fetch });
    const blob = await api.exportAccountsCsv({ tier: 'A', stage: 'growth', sort: 'name', limit: 50, cursor: 'c9' });
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('/v1/accounts.csv?tier=A&stage=growth&sort=name');
    expect(headerOf(init, 'Accept')).toBe('text/csv');
    expect(await blob.text()).toBe('a,b\r\n1,2\r\n');
  });

  test('keeps the collector’s JSON error message and code', async () => {
    const fetch = fakeFetch(() => Response.json({ error: { code: 'rate_limited', message: 'Failed to serve: too many requests. Please wait.' } }, { status: 429 }));
    const error = (await createApiClient({ getKey: () => 'k', fetch }).getAccount('a').catch((e: unknown) => e)) as ApiError;
    expect(isApiError(error)).toBe(true);
    expect(error).toMatchObject({ status: 429, code: 'rate_limited', message: 'Failed to serve: too many requests. Please wait.' });
  });

  test('describes a non-JSON error by its status, and a network failure as unreachable', async () => {
    const html = createApiClient({ getKey: () => 'k', fetch: fakeFetch(() => new Response('<h1>Bad gateway</h1>', { status: 502 })) });
    await expect(html.getAccount('a')).rejects.toMatchObject({ status: 502, code: 'http_502', message: expect.stringMatching(/^Failed to load the account: the collector answered 502\. Please /) });
    const offline = createApiClient({ getKey: () => 'k', fetch: fakeFetch(() => Promise.reject(new TypeError('Failed to fetch'))) });
    await expect(offline.getAccount('a')).rejects.toMatchObject({ status: 0, code: 'network_error' });
  });

  test('a 2xx answer that is not JSON is an error, not a crash', async () => {
    const api = createApiClient({ getKey: () => 'k', fetch: fakeFetch(() => new Response('<!doctype html>', { status: 200 })) });
    await expect(api.listAccounts({ sort: 'health', limit: 50 })).rejects.toMatchObject({ code: 'invalid_response' });
  });

  test('a 401 for the current key calls onUnauthorized; checking another key does not', async () => {
    const onUnauthorized = vi.fn();
    const fetch = fakeFetch(() => Response.json({ error: { code: 'invalid_secret_key', message: 'no' } }, { status: 401 }));
    const api = createApiClient({ getKey: () => 'sk_current', fetch, onUnauthorized });
    await expect(api.checkKey('sk_other')).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).not.toHaveBeenCalled();
    expect(headerOf(fetch.mock.calls[0]![1], 'Authorization')).toBe('Bearer sk_other');
    await expect(api.getAccount('a')).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  test('without a key nothing is sent', async () => {
    const fetch = fakeFetch(() => Response.json({}));
    await expect(createApiClient({ getKey: () => null, fetch }).getAccount('a')).rejects.toMatchObject({ code: 'signed_out' });
    expect(fetch).not.toHaveBeenCalled();
  });

  test('an aborted request rejects with the AbortError, not an ApiError', async () => {
    const controller = new AbortController();
    const fetch = fakeFetch((_url, init) => new Promise<Response>((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))));
    const pending = createApiClient({ getKey: () => 'k', fetch }).getAccount('a', { signal: controller.signal });
    controller.abort();
    const error = await pending.catch((e: unknown) => e);
    expect(isApiError(error)).toBe(false);
    expect((error as DOMException).name).toBe('AbortError');
  });
});
