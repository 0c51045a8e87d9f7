import type { MiddlewareHandler } from 'hono';

/** What differs between the SDK-facing endpoint families. */
interface SdkCorsOptions {
  /** Methods answered to a preflight, e.g. `POST, OPTIONS`. */
  methods: string;
  /** Request headers allowed when the preflight names none. */
  allowHeaders: string;
  /** Response headers the page may read beyond the CORS-safelisted ones. */
  exposeHeaders: string;
}

/**
 * CORS for endpoints the SDK calls with a write key. A preflight is answered for any origin
 * (the write key, which decides, is not visible yet); the handler checks the actual request
 * against the key's allowedOrigins. The origin is reflected on every answer, errors
 * included, so the SDK can read statuses and headers such as `Retry-After` and act on them.
 */
function sdkCors({ methods, allowHeaders, exposeHeaders }: SdkCorsOptions): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (c.req.method === 'OPTIONS') {
      if (!origin) return c.body(null, 204);
      return c.body(null, 204, {
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Methods': methods,
        'Access-Control-Allow-Headers': c.req.header('access-control-request-headers') ?? allowHeaders,
        'Access-Control-Max-Age': '86400',
        Vary: 'Origin',
      });
    }
    await next();
    c.res.headers.append('Vary', 'Origin');
    if (origin) {
      c.res.headers.set('Access-Control-Allow-Origin', origin);
      c.res.headers.set('Access-Control-Expose-Headers', exposeHeaders);
    }
  };
}

/** CORS for the ingest endpoints (`POST /v1/batch`, `/v1/track` …). */
export const ingestCors = (): MiddlewareHandler =>
  sdkCors({ methods: 'POST, OPTIONS', allowHeaders: 'Content-Type, Authorization, Content-Encoding', exposeHeaders: 'Retry-After' });

/**
 * CORS for the SDK's reads (`/v1/config`, `/v1/state`). A revalidation sends `If-None-Match`,
 * which is not a CORS-safelisted request header, so it comes with a preflight; and `ETag` is
 * not a safelisted response header, so it is exposed (Fetch Standard, "CORS-safelisted
 * response-header name").
 */
export const readCors = (): MiddlewareHandler =>
  sdkCors({ methods: 'GET, OPTIONS', allowHeaders: 'If-None-Match', exposeHeaders: 'ETag, Retry-After' });
