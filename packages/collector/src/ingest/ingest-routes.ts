import { MAX_BATCH_BYTES, MAX_BATCH_EVENTS, MAX_EVENT_BYTES, type EventType, type IngestResponse } from '@cairn/protocol';
import type { Readable } from 'node:stream';
import { Hono } from 'hono';
import { apiError, isApiError } from '../api-error.ts';
import type { KeyIndex } from '../keys.ts';
import type { Logger } from '../logger.ts';
import { authenticateWriteKey, writeKeyOf } from './authenticate.ts';
import type { EventWriter } from './event-writer.ts';
import { prepareEvents } from './prepare-events.ts';
import type { RateLimiter } from './rate-limiter.ts';
import { readBody } from './read-body.ts';

/** What the ingest endpoints need. */
export interface IngestDeps {
  keys: KeyIndex;
  writer: EventWriter;
  rateLimiter: RateLimiter;
  logger: Logger;
  now?: () => number;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Per RFC 6454 a browser sends `Origin: null` from opaque origins; treat it as an origin. */
const originOf = (header: string | undefined) => (header === undefined || header === '' ? undefined : header);

/**
 * `POST /v1/batch` and `POST /v1/{track,identify,group,page}` (DESIGN.md, "Wire protocol").
 * Answers only after the events are committed.
 */
export function createIngestRoutes(deps: IngestDeps): Hono {
  const now = deps.now ?? Date.now;
  const routes = new Hono();

  const ingest = (type?: EventType) =>
    routes.post(type ? `/${type}` : '/batch', async (c) => {
      const receivedAt = now();
      const origin = originOf(c.req.header('origin'));
      const authorization = c.req.header('authorization');
      // Check a header key before reading the body: an unknown sender costs no parsing.
      if (authorization) authenticateWriteKey(deps.keys, writeKeyOf(authorization, null), origin);
      const bytes = await readBody(c.req.raw, MAX_BATCH_BYTES, (c.env as { incoming?: Readable } | undefined)?.incoming);
      let body: unknown;
      try {
        body = JSON.parse(bytes.toString('utf8'));
      } catch (error) {
        throw apiError(400, 'invalid_json', `Failed to parse the body: ${(error as Error).message}. Please send a JSON object.`);
      }
      if (!isObject(body)) throw apiError(400, 'invalid_body', 'Failed to parse the body: it is not a JSON object. Please send { "batch": [ … ] }.');
      const { workspace, writeKey } = authenticateWriteKey(deps.keys, writeKeyOf(authorization, body), origin);

      let raws: unknown[];
      if (type) {
        if (bytes.byteLength > MAX_EVENT_BYTES) {
          throw apiError(413, 'event_too_large', `Failed to store the event: it is larger than ${MAX_EVENT_BYTES / 1024} KB. Please send smaller properties.`);
        }
        const { writeKey: _key, sentAt: _sentAt, ...event } = body;
        raws = [event];
      } else {
        if (!Array.isArray(body.batch)) throw apiError(400, 'invalid_batch', 'Failed to read the batch: "batch" is not an array. Please send { "batch": [ … ] }.');
        if (body.batch.length > MAX_BATCH_EVENTS) {
          throw apiError(413, 'too_many_events', `Failed to store the batch: it holds ${body.batch.length} events, more than ${MAX_BATCH_EVENTS}. Please split it.`);
        }
        raws = body.batch;
      }

      const decision = deps.rateLimiter.take(writeKey.key, workspace.rateLimit, raws.length);
      if (!decision.ok) {
        throw apiError(
          429,
          'rate_limited',
          `Failed to accept the events: the write key sent more than ${workspace.rateLimit.eventsPerSecond} events/s. Please retry after ${decision.retryAfterSeconds} s.`,
          { 'Retry-After': String(decision.retryAfterSeconds) },
        );
      }

      const { rows, rejected } = prepareEvents(raws, { workspaceId: workspace.id, receivedAt, sentAt: body.sentAt, bodyBytes: bytes.byteLength, ...(type ? { type } : {}) });
      if (rows.length === 0 && rejected.length > 0) {
        const first = rejected[0]!;
        const message = type
          ? `Failed to store the event: ${first.reason}. Please fix the event.`
          : `Failed to store the batch: every event is invalid (event ${first.index}: ${first.reason}). Please fix the events.`;
        return c.json({ error: { code: 'invalid_event', message }, rejected }, 400);
      }
      try {
        const result = await deps.writer.write(rows);
        const answer: IngestResponse = { ...result, rejected };
        return c.json(answer, 200);
      } catch (error) {
        if (isApiError(error)) throw error;
        if ((error as { dataError?: boolean }).dataError) {
          throw apiError(400, 'invalid_event', `Failed to store the events: the database refused them (${(error as Error).message}). Please fix the events.`);
        }
        deps.logger.error(`Failed to store ${rows.length} events: ${(error as Error).message}. Please check the database.`);
        throw apiError(503, 'storage_unavailable', 'Failed to store the events: the database is unavailable. Please retry later.', { 'Retry-After': '5' });
      }
    });

  ingest();
  for (const type of ['track', 'identify', 'group', 'page'] as const) ingest(type);
  return routes;
}
