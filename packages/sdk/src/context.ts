import type { JsonObject } from '@cairn/protocol';

/** Version reported in every event's `context.library`. */
export const VERSION = '0.1.0';

const library = { name: 'cairn', version: VERSION };

/** The page as it is now: `context.page` and the default `page` event properties. */
export const pageInfo = (): JsonObject => ({
  url: location.href,
  path: location.pathname,
  search: location.search,
  title: document.title,
  referrer: document.referrer,
});

// Reading location's parts costs ~1 µs each in Chromium: rebuild the page part only when the
// URL or title changed, and read the user agent and locale once.
let ua: JsonObject | undefined;
let page: JsonObject = {};

/** The `context` of an event recorded now. */
export function context(): JsonObject {
  const href = location.href;
  if (page.url !== href || page.title !== document.title || page.referrer !== document.referrer) page = pageInfo();
  ua ??= { userAgent: navigator.userAgent, locale: navigator.language };
  return { library, page, ...ua };
}
