import { resolve } from 'node:path';
import { Hono } from 'hono';
import type { AccountChangeListener } from './accounts/account-change.ts';
import { createAccountsApi } from './accounts/accounts-api.ts';
import { createHealthAggregator, type HealthAggregator } from './accounts/health-aggregator.ts';
import { openApiDocument } from './accounts/openapi.ts';
import { registerAggregator } from './accounts/running-aggregators.ts';
import { errorBody, isApiError } from './api-error.ts';
import type { CollectorConfig } from './config.ts';
import { ingestCors } from './cors.ts';
import type { Database } from './db/database.ts';
import { createEventsApi } from './events-api.ts';
import { createExperienceRoutes } from './experiences/experience-routes.ts';
import { createEventWriter, type EventWriter } from './ingest/event-writer.ts';
import { createIngestRoutes } from './ingest/ingest-routes.ts';
import { createRateLimiter, type RateLimiter } from './ingest/rate-limiter.ts';
import { createKeyIndex } from './keys.ts';
import { silentLogger, type Logger } from './logger.ts';
import { createStaticRoutes } from './static-files.ts';

/** What {@link createApp} needs; everything but `db` and `config` has a default. */
export interface AppOptions {
  db: Database;
  config: CollectorConfig;
  /** Shared with the server so that shutdown can drain it. */
  writer?: EventWriter;
  rateLimiter?: RateLimiter;
  logger?: Logger;
  /** Repository root, where the built SDK, widgets, demo and dashboard are found. */
  rootDir?: string;
  now?: () => number;
  /**
   * Keeps account health up to date; when absent the app creates one and starts it (stopped by
   * the server's close). Tests pass their own, unstarted, and call `catchUp()`.
   */
  aggregator?: HealthAggregator;
  /** Receives band changes, detractors and not-activated accounts of the aggregator the app creates. */
  onAccountChange?: AccountChangeListener;
}

/** Least time between two wakes of the aggregator by ingest. */
const WAKE_INTERVAL_MS = 100;

/** The default repository root: three levels above `src/` or `dist/` of this package. */
export const defaultRootDir = resolve(import.meta.dirname, '../../..');

/**
 * Builds the collector's HTTP app (hono). Tests call `app.request()` on it; the CLI serves it.
 *
 * @example
 * const app = createApp({ db: await openDatabase({}), config: await loadConfig('cairn.config.json') });
 * const res = await app.request('/health');
 */
export function createApp(options: AppOptions): Hono {
  const { db, config } = options;
  const logger = options.logger ?? silentLogger;
  const keys = createKeyIndex(config);
  const baseWriter = options.writer ?? createEventWriter(db);
  let aggregator = options.aggregator;
  if (!aggregator) {
    aggregator = createHealthAggregator({ db, config, logger, ...(options.now ? { now: options.now } : {}), ...(options.onAccountChange ? { onChange: options.onAccountChange } : {}) });
    registerAggregator(db, aggregator);
    aggregator.start();
  }
  const healthAggregator = aggregator;
  // Scores follow ingest within a second: the aggregator is woken after a commit that stored
  // something — at once when idle, else at most every WAKE_INTERVAL_MS, so that under load each
  // pass folds hundreds of events instead of running one transaction per commit.
  let lastWake = 0;
  let pendingWake: NodeJS.Timeout | undefined;
  const wakeAggregator = () => {
    if (pendingWake) return;
    const wait = lastWake + WAKE_INTERVAL_MS - Date.now();
    if (wait <= 0) {
      lastWake = Date.now();
      healthAggregator.wake();
      return;
    }
    pendingWake = setTimeout(() => {
      pendingWake = undefined;
      lastWake = Date.now();
      healthAggregator.wake();
    }, wait);
    pendingWake.unref();
  };
  const writer: EventWriter = {
    write: (rows) =>
      baseWriter.write(rows).then((result) => {
        if (result.accepted > 0) wakeAggregator();
        return result;
      }),
    drain: () => baseWriter.drain(),
  };
  const rootDir = options.rootDir ?? defaultRootDir;
  const app = new Hono();

  app.onError((error, c) => {
    if (isApiError(error)) return c.json(errorBody(error.code, error.message), error.status, error.headers);
    logger.error(`Failed to answer ${c.req.method} ${c.req.path}: ${error.stack ?? error.message}`);
    return c.json(errorBody('internal_error', 'Failed to answer the request: an unexpected error occurred. Please retry, and report it if it persists.'), 500);
  });
  app.notFound((c) => c.json(errorBody('not_found', `Failed to find ${c.req.method} ${c.req.path}: no such endpoint. Please check the URL.`), 404));

  app.get('/health', async (c) => {
    try {
      await db.query('SELECT 1');
      return c.json({ ok: true, db: db.kind });
    } catch (error) {
      return c.json({ ok: false, db: db.kind, ...errorBody('storage_unavailable', `Failed to reach the database: ${(error as Error).message}. Please check it is running.`) }, 503);
    }
  });

  for (const path of ['/v1/batch', '/v1/track', '/v1/identify', '/v1/group', '/v1/page']) app.use(path, ingestCors());
  app.route(
    '/v1',
    createIngestRoutes({ keys, writer, rateLimiter: options.rateLimiter ?? createRateLimiter(options.now), logger, ...(options.now ? { now: options.now } : {}) }),
  );
  app.route('/v1', createEventsApi({ db, keys }));
  app.route('/v1', createAccountsApi({ db, keys, aggregator: healthAggregator, ...(options.now ? { now: options.now } : {}) }));
  app.get('/v1/openapi.json', (c) => c.json(openApiDocument));
  app.route('/v1', createExperienceRoutes({ db, config, keys, logger }));

  app.route('/', createStaticRoutes(rootDir));
  return app;
}
