import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import { createApp, type AppOptions } from '../app.ts';
import { parseConfig, type CollectorConfig } from '../config.ts';
import type { Database } from '../db/database.ts';

/** Two workspaces: `demo` (any origin) and `strict` (one origin, a tiny rate limit). */
export const testConfig: CollectorConfig = parseConfig({
  workspaces: [
    { id: 'demo', name: 'Demo', writeKeys: [{ key: 'wk_demo', allowedOrigins: ['*'] }], secretKeys: ['sk_demo'], rateLimit: { eventsPerSecond: 100000, burst: 100000 } },
    {
      id: 'strict',
      name: 'Strict',
      writeKeys: [{ key: 'wk_strict', allowedOrigins: ['https://app.example.com'] }],
      secretKeys: ['sk_strict'],
      rateLimit: { eventsPerSecond: 10, burst: 20 },
    },
  ],
});

/** A valid track event with a fresh messageId. */
export function trackEvent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'track', event: 'Report Shared', messageId: randomUUID(), anonymousId: 'anon-1', timestamp: new Date().toISOString(), ...overrides };
}

/** Builds the app on `db` with the test config. */
export function testApp(db: Database, options: Partial<AppOptions> = {}): Hono {
  return createApp({ db, config: testConfig, ...options });
}

/** POSTs JSON with HTTP Basic auth for `key` (or none when key is null). */
export function post(app: Hono, path: string, body: unknown, key: string | null = 'wk_demo', headers: Record<string, string> = {}): Promise<Response> {
  return Promise.resolve(
    app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}` } : {}), ...headers },
      body: typeof body === 'string' || body instanceof Uint8Array ? (body as BodyInit) : JSON.stringify(body),
    }),
  );
}

/** Every stored event of a workspace, through `GET /v1/events`. */
export async function storedEvents(app: Hono, secret = 'sk_demo', query = ''): Promise<Array<Record<string, unknown>>> {
  const events: Array<Record<string, unknown>> = [];
  let after = 0;
  for (;;) {
    const res = await app.request(`/v1/events?limit=1000&after=${after}${query}`, { headers: { authorization: `Bearer ${secret}` } });
    const page = (await res.json()) as { events: Array<Record<string, unknown>>; next: number | null };
    events.push(...page.events);
    if (page.next === null) return events;
    after = page.next;
  }
}
