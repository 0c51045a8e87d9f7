import type { MiddlewareHandler } from 'hono';

/**
 * CORS for the SDK's GET endpoints (`/v1/config`, `/v1/state`), like the ingest CORS: the
 * origin is reflected on every answer, errors included, and the handler checks it against
 * the write key's allowedOrigins (the key is not known to this middleware). A revalidation
 * sends `If-None-Match`, which is not a CORS-safelisted request header, so it comes with a
 * preflight; and `ETag` is not a safelisted response header, so it is exposed explicitly
 * (Fetch Standard, "CORS-safelisted response-header name").
 */
export function readCors(): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (c.req.method === 'OPTIONS') {
      if (!origin) return c.body(null, 204);
      return c.body(null, 204, {
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Methods': 'GET, OPTIONS',
        'Access-Control-Allow-Headers': c.req.header('access-control-request-headers') ?? 'If-None-Match',
        'Access-Control-Max-Age': '86400',
        Vary: 'Origin',
      });
    }
    await next();
    c.res.headers.append('Vary', 'Origin');
    if (origin) {
      c.res.headers.set('Access-Control-Allow-Origin', origin);
      c.res.headers.set('Access-Control-Expose-Headers', 'ETag, Retry-After');
    }
  };
}
