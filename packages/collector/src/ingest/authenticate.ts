import { apiError } from '../api-error.ts';
import type { Workspace, WriteKey } from '../config.ts';
import { isOriginAllowed, type KeyIndex } from '../keys.ts';

/** The write key of a request: HTTP Basic user name, else `writeKey` in the body. */
export function writeKeyOf(authorization: string | undefined, body: unknown): string | undefined {
  if (authorization?.toLowerCase().startsWith('basic ')) {
    const decoded = Buffer.from(authorization.slice(6).trim(), 'base64').toString('utf8');
    const user = decoded.split(':')[0];
    if (user) return user;
  }
  const fromBody = (body as { writeKey?: unknown } | null)?.writeKey;
  return typeof fromBody === 'string' && fromBody.length > 0 ? fromBody : undefined;
}

/** Resolves a write key to its workspace, checking the browser origin; throws 401/403. */
export function authenticateWriteKey(
  keys: KeyIndex,
  key: string | undefined,
  origin: string | undefined,
): { workspace: Workspace; writeKey: WriteKey } {
  if (!key) {
    throw apiError(401, 'missing_write_key', 'Failed to authenticate: no write key was sent. Please send it as the HTTP Basic user name or as "writeKey" in the body.');
  }
  const found = keys.byWriteKey(key);
  if (!found) {
    throw apiError(401, 'unknown_write_key', 'Failed to authenticate: the write key is unknown. Please use a write key from the collector config.');
  }
  if (!isOriginAllowed(found.writeKey, origin)) {
    throw apiError(403, 'origin_not_allowed', `Failed to authenticate: origin ${origin} may not use this write key. Please add it to the key's allowedOrigins.`);
  }
  return found;
}
