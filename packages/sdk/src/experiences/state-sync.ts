import type { ServerState } from './user-state.ts';

/**
 * The user's progress from `GET {host}/v1/state?key=…&userId=…`, so it follows the user
 * across browsers and devices. Resolves undefined when the collector cannot answer within
 * `timeoutMs` (the engine then goes on with what this browser knows); never rejects.
 */
export async function fetchState(host: string, writeKey: string, userId: string, timeoutMs = 3000, doFetch: typeof fetch = fetch): Promise<ServerState | undefined> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    const r = await doFetch(`${host}/v1/state?key=${encodeURIComponent(writeKey)}&userId=${encodeURIComponent(userId)}`, { signal: abort.signal });
    if (!r.ok) return undefined;
    const body = (await r.json()) as ServerState;
    return typeof body === 'object' && body !== null ? body : undefined;
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}
