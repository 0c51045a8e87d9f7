/** localStorage key of the cached remote config: `{ k: writeKey, e: ETag, c: config }`. */
export const CONFIG_KEY = 'cairn_cfg';

/**
 * The workspace's experience config from `GET {host}/v1/config`, cached in localStorage and
 * revalidated with its ETag on every page load: a 304, a 5xx, a network failure or an
 * unreadable answer keeps the cached copy; a 4xx drops it. Resolves to the raw config (the engine validates it), never rejects.
 */
export async function remoteConfig(host: string, writeKey: string, doFetch: typeof fetch = fetch): Promise<unknown> {
  let c: { k?: string; e?: string; c?: unknown } = {};
  try {
    c = JSON.parse(localStorage.getItem(CONFIG_KEY) ?? '{}');
    if (c.k !== writeKey) c = {};
    const r = await doFetch(host + '/v1/config?key=' + encodeURIComponent(writeKey), c.e ? { headers: { 'If-None-Match': c.e } } : {});
    if (r.status == 200) {
      c = { k: writeKey, e: r.headers.get('ETag') ?? undefined, c: ((await r.json()) as { config?: unknown }).config };
      localStorage.setItem(CONFIG_KEY, JSON.stringify(c));
    }
    // 4xx (no config any more, unknown key): the cached copy is stale, not a fallback.
    else if (r.status > 399 && r.status < 500) c = {};
  } catch {
    // Offline, storage blocked or a body that is not JSON: the cached copy (if any) stands.
  }
  return c.c;
}
