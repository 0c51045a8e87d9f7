import type { AccountDetail, AccountList, SurveyResults, TimelineEntry } from '@cairn/protocol';
import { accountQueryParams, type AccountQuery } from './account-query.ts';
import { createApiError, isAbortError, readApiError } from './api-error.ts';

/** Options of every API call. */
export interface RequestOptions {
  /** Aborts the request when a newer one supersedes it or the view goes away. */
  signal?: AbortSignal;
}

/** The CSM API as the dashboard uses it; every call sends `Authorization: Bearer <secret key>`. */
export interface ApiClient {
  /** `GET /v1/accounts` with filters, sort, limit and cursor. */
  listAccounts(query: AccountQuery, options?: RequestOptions): Promise<AccountList>;
  /** `GET /v1/accounts/:id` */
  getAccount(accountId: string, options?: RequestOptions): Promise<AccountDetail>;
  /** `GET /v1/accounts/:id/timeline`, newest first as the collector sends it. */
  getTimeline(accountId: string, options?: RequestOptions): Promise<TimelineEntry[]>;
  /** `GET /v1/surveys/results?kind=&accountId=` */
  getSurveyResults(kind: SurveyResults['kind'], accountId: string | undefined, options?: RequestOptions): Promise<SurveyResults>;
  /** `GET /v1/accounts.csv` with the list's filters and sort; resolves to the file. */
  exportAccountsCsv(query: AccountQuery, options?: RequestOptions): Promise<Blob>;
  /** Checks a secret key before it is kept: resolves when the collector accepts it, else rejects with an ApiError. */
  checkKey(key: string, options?: RequestOptions): Promise<void>;
}

/** Dependencies of {@link createApiClient}. */
export interface ApiClientOptions {
  /** The secret key of the signed-in CSM, or null when signed out. */
  getKey: () => string | null;
  /** Origin (and path prefix) of the collector; '' for the page's own origin, where the collector serves the dashboard. */
  baseUrl?: string;
  fetch?: typeof globalThis.fetch;
  /** Called when the collector rejects the stored key (revoked, rotated), so the app can sign out. */
  onUnauthorized?: () => void;
}

/**
 * Creates the CSM API client.
 * @example
 * const api = createApiClient({ getKey: () => session.key.value, onUnauthorized: () => session.signOut() });
 * const { accounts } = await api.listAccounts({ sort: 'health', limit: 50 });
 */
export function createApiClient({ getKey, baseUrl = '', fetch = globalThis.fetch.bind(globalThis), onUnauthorized }: ApiClientOptions): ApiClient {
  async function request(path: string, action: string, options: RequestOptions, key = getKey(), accept = 'application/json'): Promise<Response> {
    if (!key) throw createApiError(401, 'signed_out', `Failed to ${action}: no secret key is set. Please sign in.`);
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${path}`, {
        headers: { Authorization: `Bearer ${key}`, Accept: accept },
        signal: options.signal,
        // The key travels in the header only; no cookies are involved.
        credentials: 'omit',
      });
    } catch (cause) {
      if (isAbortError(cause)) throw cause;
      throw createApiError(0, 'network_error', `Failed to ${action}: the collector could not be reached. Please check the connection and try again.`);
    }
    if (!response.ok) {
      const error = await readApiError(response, action);
      if (response.status === 401 && key === getKey()) onUnauthorized?.();
      throw error;
    }
    return response;
  }

  async function json<T>(path: string, action: string, options: RequestOptions = {}): Promise<T> {
    const response = await request(path, action, options);
    try {
      return (await response.json()) as T;
    } catch (cause) {
      if (isAbortError(cause)) throw cause;
      throw createApiError(response.status, 'invalid_response', `Failed to ${action}: the collector's answer is not JSON. Please check that the dashboard and collector versions match.`);
    }
  }

  const account = (accountId: string) => `/v1/accounts/${encodeURIComponent(accountId)}`;

  return {
    listAccounts: (query, options) => json<AccountList>(`/v1/accounts?${accountQueryParams(query)}`, 'load accounts', options),
    getAccount: (accountId, options) => json<AccountDetail>(account(accountId), 'load the account', options),
    getTimeline: async (accountId, options) =>
      (await json<{ entries: TimelineEntry[] }>(`${account(accountId)}/timeline`, 'load the timeline', options)).entries,
    getSurveyResults: (kind, accountId, options) => {
      const params = new URLSearchParams({ kind });
      if (accountId) params.set('accountId', accountId);
      return json<SurveyResults>(`/v1/surveys/results?${params}`, 'load survey results', options);
    },
    exportAccountsCsv: async (query, options = {}) => {
      const response = await request(`/v1/accounts.csv?${accountQueryParams(query, 'filters-and-sort')}`, 'export accounts', options, getKey(), 'text/csv');
      return response.blob();
    },
    checkKey: async (key, options = {}) => {
      const probe = accountQueryParams({ sort: 'health', limit: 1 });
      await request(`/v1/accounts?${probe}`, 'sign in', options, key);
    },
  };
}
