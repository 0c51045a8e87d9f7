/** The account changes a webhook can subscribe to (the `AccountChange` kinds). */
export const WEBHOOK_EVENTS = ['detractor', 'band_change', 'not_activated'] as const;

/** One of {@link WEBHOOK_EVENTS}. */
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** One webhook target of a workspace (`webhooks` in the workspace config). */
export interface WebhookTarget {
  /** http(s) URL receiving a POST per change, e.g. a Slack incoming webhook. */
  url: string;
  /** Shared secret for the `Cairn-Signature` HMAC. */
  secret: string;
  /** Changes sent to this target; all of them when omitted. */
  events: WebhookEvent[];
}

const fail = (cause: string, fix: string): never => {
  throw new Error(`Failed to load the collector config: ${cause}. Please ${fix}.`);
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Validates a workspace's `webhooks` list (absent means none).
 *
 * @param at - where the list sits, for the error message (e.g. `workspaces[0]`)
 * @example parseWebhooks([{ url: 'https://hooks.slack.com/services/…', secret: 'whsec_…', events: ['detractor'] }], 'workspaces[0]')
 */
export function parseWebhooks(raw: unknown, at: string): WebhookTarget[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) return fail(`${at}.webhooks is not a list`, 'give [{ "url": "https://…", "secret": "…", "events": ["detractor"] }]');
  const seen = new Set<string>();
  return raw.map((item, index): WebhookTarget => {
    const where = `${at}.webhooks[${index}]`;
    if (!isObject(item)) return fail(`${where} is not an object`, 'give { "url": "https://…", "secret": "…" }');
    for (const key of Object.keys(item)) {
      if (!['url', 'secret', 'events'].includes(key)) fail(`${where} has an unknown field "${key}"`, 'use only url, secret and events');
    }
    let url: URL | undefined;
    try {
      url = typeof item.url === 'string' ? new URL(item.url) : undefined;
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
      return fail(`${where}.url is ${JSON.stringify(item.url)}, not an http(s) URL`, 'give the full URL, e.g. "https://hooks.slack.com/services/…"');
    }
    if (seen.has(url.href)) fail(`${where}.url ${url.href} appears twice`, 'list each URL once and subscribe it to several events');
    seen.add(url.href);
    if (typeof item.secret !== 'string' || item.secret.length < 16) {
      fail(`${where}.secret is missing or shorter than 16 characters`, 'give a long random string (e.g. `openssl rand -hex 32`)');
    }
    const events = item.events ?? [...WEBHOOK_EVENTS];
    if (!Array.isArray(events) || events.length === 0 || !events.every((e) => (WEBHOOK_EVENTS as readonly unknown[]).includes(e))) {
      fail(`${where}.events is ${JSON.stringify(item.events)}`, `give a non-empty list of ${WEBHOOK_EVENTS.map((e) => `"${e}"`).join(', ')}, or leave it out for all`);
    }
    return { url: item.url as string, secret: item.secret as string, events: [...new Set(events as WebhookEvent[])] };
  });
}
