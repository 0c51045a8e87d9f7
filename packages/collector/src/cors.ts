import type { MiddlewareHandler } from 'hono';

/**
 * CORS for the ingest endpoints. A preflight is answered for any origin (the write key,
 * which decides, is not visible yet); the actual request is checked against the key's
 * allowedOrigins by the handler. The origin is reflected on every answer, errors included,
 * so the SDK can read the status and `Retry-After` and act on them.
 */
export function ingestCors(): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (c.req.method === 'OPTIONS') {
      if (!origin) return c.body(null, 204);
      return c.body(null, 204, {
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Methods': 'POST, OPTIONS',
        'Access-Control-Allow-Headers': c.req.header('access-control-request-headers') ?? 'Content-Type, Authorization, Content-Encoding',
        'Access-Control-Max-Age': '86400',
        Vary: 'Origin',
      });
    }
    await next();
    if (origin) {
      c.res.headers.set('Access-Control-Allow-Origin', origin);
      c.res.headers.set('Access-Control-Expose-Headers', 'Retry-After');
      c.res.headers.append('Vary', 'Origin');
    }
  };
}
