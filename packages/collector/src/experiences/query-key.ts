import type { Context } from 'hono';
import { apiError } from '../api-error.ts';
import type { Workspace } from '../config.ts';
import { authenticateWriteKey } from '../ingest/authenticate.ts';
import type { KeyIndex } from '../keys.ts';

/**
 * Resolves the `?key=<write key>` of an SDK GET request to its workspace: 400 without a key,
 * 401 for an unknown one, 403 when the browser origin is not in the key's allowedOrigins.
 * A query parameter, not a header, so the request needs no preflight when nothing is cached.
 */
export function workspaceOfQueryKey(keys: KeyIndex, c: Context, action: string): Workspace {
  const key = c.req.query('key');
  if (!key) throw apiError(400, 'missing_write_key', `Failed to ${action}: no write key was sent. Please add ?key=<write key> to the URL.`);
  const origin = c.req.header('origin');
  return authenticateWriteKey(keys, key, origin === '' ? undefined : origin).workspace;
}
