import { Hono } from 'hono';
import type { CollectorConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { RateLimiter } from '../ingest/rate-limiter.ts';
import type { KeyIndex } from '../keys.ts';
import type { Logger } from '../logger.ts';
import { createConfigRoute } from './config-route.ts';
import { readCors } from '../cors.ts';
import { createStateRoute } from './state-route.ts';

/** What {@link createExperienceRoutes} needs. */
export interface ExperienceRoutesDeps {
  db: Database;
  config: CollectorConfig;
  keys: KeyIndex;
  logger: Logger;
  /** Buckets for `/v1/state` reads, per write key (default: its own). */
  rateLimiter?: RateLimiter;
}

/**
 * The SDK's read endpoints, to mount under `/v1`: `GET /config` (the workspace's experiences,
 * ETag) and `GET /state` (a user's progress), both keyed by `?key=<write key>`, with CORS.
 * Validates every workspace's experiences at once, so a bad section fails at start-up.
 *
 * @example app.route('/v1', createExperienceRoutes({ db, config, keys, logger }));
 */
export function createExperienceRoutes(deps: ExperienceRoutesDeps): Hono {
  const routes = new Hono();
  routes.use('/config', readCors());
  routes.use('/state', readCors());
  routes.route('/', createConfigRoute(deps));
  routes.route('/', createStateRoute(deps));
  return routes;
}
