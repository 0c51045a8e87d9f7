import { createHmac, timingSafeEqual } from 'node:crypto';

/** Header carrying the signature of a webhook delivery: `t=<unix seconds>,v1=<hex HMAC-SHA256>`. */
export const SIGNATURE_HEADER = 'Cairn-Signature';

/** Default age after which a receiver should refuse a signed request (replay protection). */
export const DEFAULT_TOLERANCE_SECONDS = 300;

const hmac = (secret: string, timestamp: number, body: string) => createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');

/**
 * Signs a webhook body: HMAC-SHA256 with the target's secret over `<timestamp>.<body>` (the exact
 * bytes sent), as in Stripe's scheme, so a receiver can check origin, integrity and freshness.
 *
 * @param timestamp - unix seconds of the attempt (a retry is signed again with its own time)
 * @returns the `Cairn-Signature` header value
 * @example signBody('s3cret', 1767225600, '{"text":"hi"}') // "t=1767225600,v1=5f…"
 */
export function signBody(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${hmac(secret, timestamp, body)}`;
}

/** Why a signature was refused, or ok. */
export type SignatureCheck = { ok: true; timestamp: number } | { ok: false; reason: string };

/**
 * Verifies a `Cairn-Signature` header against the raw request body, as a receiver does: parses
 * `t` and every `v1`, refuses a timestamp older (or newer) than `toleranceSeconds`, and compares
 * in constant time.
 *
 * @example
 * const check = verifySignature(req.headers['cairn-signature'], rawBody, process.env.CAIRN_WEBHOOK_SECRET);
 * if (!check.ok) return res.writeHead(400).end(check.reason);
 */
export function verifySignature(
  header: string | null | undefined,
  body: string,
  secret: string,
  options: { toleranceSeconds?: number; now?: number } = {},
): SignatureCheck {
  if (!header) return { ok: false, reason: `no ${SIGNATURE_HEADER} header` };
  let timestamp = Number.NaN;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const [key, value = ''] = part.trim().split('=', 2) as [string, string?];
    if (key === 't') timestamp = Number(value);
    else if (key === 'v1') signatures.push(value);
  }
  if (!Number.isInteger(timestamp) || signatures.length === 0) return { ok: false, reason: 'malformed signature header' };
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  const nowSeconds = Math.floor((options.now ?? Date.now()) / 1000);
  if (Math.abs(nowSeconds - timestamp) > tolerance) return { ok: false, reason: `timestamp is more than ${tolerance} s away from now` };
  const expected = Buffer.from(hmac(secret, timestamp, body), 'hex');
  const match = signatures.some((signature) => {
    const given = Buffer.from(signature, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return match ? { ok: true, timestamp } : { ok: false, reason: 'signature does not match the body' };
}
