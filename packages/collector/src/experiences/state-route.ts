import { MAX_ID_LENGTH } from '@cairn/protocol';
import { Hono } from 'hono';
import { apiError } from '../api-error.ts';
import type { Database } from '../db/database.ts';
import { createRateLimiter, type RateLimiter } from '../ingest/rate-limiter.ts';
import type { KeyIndex } from '../keys.ts';
import { workspaceOfQueryKey } from './query-key.ts';
import { readUserExperienceState } from './user-experience-state.ts';

/**
 * `GET /v1/state?key=<write key>&userId=<id>` → the user's onboarding progress (see
 * {@link readUserExperienceState}), so that checklists and prompts follow the user to another
 * browser or device.
 *
 * Privacy: the write key is public, so anyone who knows a user id can call this. It reveals
 * only that user's progress: milestone ids and checklist steps with their times, and when
 * surveys were shown, answered or dismissed; never scores, comments, properties, traits or
 * other users. `Cache-Control: no-store` keeps it out of shared caches. Each write key has
 * its own bucket of reads (the workspace's `rateLimit`, one token per request, apart from
 * ingest), which bounds a runaway or enumerating client. See README.md.
 */
export function createStateRoute(deps: { db: Database; keys: KeyIndex; rateLimiter?: RateLimiter }): Hono {
  const limiter = deps.rateLimiter ?? createRateLimiter();
  const route = new Hono();
  route.get('/state', async (c) => {
    const workspace = workspaceOfQueryKey(deps.keys, c, 'read the user state');
    const decision = limiter.take(`state:${c.req.query('key')}`, workspace.rateLimit, 1);
    if (!decision.ok) {
      throw apiError(429, 'rate_limited', `Failed to read the user state: the write key made more than ${workspace.rateLimit.eventsPerSecond} reads/s. Please retry after ${decision.retryAfterSeconds} s.`, {
        'Retry-After': String(decision.retryAfterSeconds),
      });
    }
    const userId = c.req.query('userId');
    if (!userId) throw apiError(400, 'missing_user_id', 'Failed to read the user state: no userId was sent. Please add &userId=<id> to the URL.');
    if (userId.length > MAX_ID_LENGTH) {
      throw apiError(400, 'invalid_user_id', `Failed to read the user state: userId is longer than ${MAX_ID_LENGTH} characters. Please send the id given to identify().`);
    }
    const state = await readUserExperienceState(deps.db, workspace.id, userId);
    return c.json(state, 200, { 'Cache-Control': 'no-store' });
  });
  return route;
}
