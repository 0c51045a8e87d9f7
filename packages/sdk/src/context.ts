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

/** The `context` of an event recorded now. */
export const context = (): JsonObject => ({
  library,
  page: pageInfo(),
  userAgent: navigator.userAgent,
  locale: navigator.language,
});
