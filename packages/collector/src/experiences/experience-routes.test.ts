import { randomUUID } from 'node:crypto';
import { RESERVED_EVENTS } from '@cairn/protocol';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBody, isApiError } from '../api-error.ts';
import { createApp } from '../app.ts';
import { parseConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { createRateLimiter } from '../ingest/rate-limiter.ts';
import { createKeyIndex } from '../keys.ts';
import { backends } from '../test-support/databases.ts';
import { post } from '../test-support/test-app.ts';
import { createStateRoute } from './state-route.ts';
import type { UserExperienceState } from './user-experience-state.ts';

const ORIGIN = 'https://app.example.com';
const experiences = {
  milestones: [{ id: 'project', event: 'Project Created', required: true }],
  checklists: [{ id: 'start', title: 'Get started', steps: [{ id: 'project', title: 'Create a project', milestone: 'project' }] }],
  surveys: [{ id: 'nps', kind: 'nps', target: { event: 'Report Shared' } }],
  theme: { brand: '#3a5bd9' },
};
const config = parseConfig({
  workspaces: [
    {
      id: 'x',
      name: 'Experiences',
      writeKeys: [{ key: 'wk_x', allowedOrigins: [ORIGIN] }],
      secretKeys: ['sk_x_very_secret'],
      internalNote: 'internal-marker',
      experiences,
    },
    { id: 'plain', writeKeys: ['wk_plain'], secretKeys: ['sk_plain'] },
  ],
});
// Fixed clock and sentAt = receivedAt, so the stored (skew-corrected) time is the event's own.
const NOW = Date.parse('2026-11-20T12:00:00.000Z');
const at = (minutes: number) => new Date(NOW - 60 * 60_000 + minutes * 60_000).toISOString();

describe.each(backends())('experiences endpoints on $name', (backend) => {
  let db: Database;
  let app: Hono;
  beforeAll(async () => {
    db = await backend.open();
    app = createApp({ db, config, rootDir: '/nonexistent', now: () => NOW });
  });
  afterAll(() => db.close());

  const track = (userId: string | undefined, anonymousId: string, event: string, properties: Record<string, unknown>, minutes: number, key = 'wk_x') =>
    post(
      app,
      '/v1/batch',
      { batch: [{ type: 'track', event, properties, messageId: randomUUID(), anonymousId, ...(userId ? { userId } : {}), timestamp: at(minutes) }], sentAt: new Date(NOW).toISOString() },
      key,
      { origin: ORIGIN },
    ).then(async (res) => expect(await res.json()).toMatchObject({ accepted: 1 }));
  const state = async (userId: string, key = 'wk_x') => {
    const res = await app.request(`/v1/state?key=${key}&userId=${encodeURIComponent(userId)}`, { headers: { origin: ORIGIN } });
    expect(res.status).toBe(200);
    return (await res.json()) as UserExperienceState;
  };

  describe('GET /v1/config', () => {
    it('serves the validated experiences with a strong ETag, no-cache, and 304 on revalidation', async () => {
      const res = await app.request('/v1/config?key=wk_x');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('application/json');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      const etag = res.headers.get('etag')!;
      expect(etag).toMatch(/^"[\w-]{20,}"$/);
      const body = (await res.json()) as { config: Record<string, unknown> };
      expect(body.config).toMatchObject({ ...experiences, surveys: [{ id: 'nps', kind: 'nps', recontactDays: 90, sample: 100, delaySeconds: 0 }] });

      const again = await app.request('/v1/config?key=wk_x');
      expect(again.headers.get('etag')).toBe(etag);
      for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
        const cached = await app.request('/v1/config?key=wk_x', { headers: { 'if-none-match': ifNoneMatch } });
        expect(cached.status, ifNoneMatch).toBe(304);
        expect(await cached.text()).toBe('');
        expect(cached.headers.get('etag')).toBe(etag);
        expect(cached.headers.get('cache-control')).toBe('no-cache');
      }
      expect((await app.request('/v1/config?key=wk_x', { headers: { 'if-none-match': '"stale"' } })).status).toBe(200);
    });

    it('gives another ETag to another config, and an empty valid config to a workspace without experiences', async () => {
      const x = await app.request('/v1/config?key=wk_x');
      const plain = await app.request('/v1/config?key=wk_plain');
      expect(plain.status).toBe(200);
      expect(plain.headers.get('etag')).not.toBe(x.headers.get('etag'));
      expect(await plain.json()).toEqual({ config: { milestones: [], checklists: [], surveys: [], throttle: { globalDays: 14, snoozeDays: 7 }, theme: {} } });
    });

    it('sends only the experiences: no keys, no other workspace fields', async () => {
      const text = await (await app.request('/v1/config?key=wk_x')).text();
      for (const secret of ['sk_x_very_secret', 'internal-marker', 'wk_x', 'rateLimit', 'writeKeys']) expect(text).not.toContain(secret);
      expect(Object.keys((JSON.parse(text) as { config: object }).config).sort()).toEqual(['checklists', 'milestones', 'surveys', 'theme', 'throttle']);
    });

    it('answers 400 without a key, 401 for an unknown key, 403 for an origin the key does not allow', async () => {
      const missing = await app.request('/v1/config');
      expect(missing.status).toBe(400);
      expect(await missing.json()).toMatchObject({ error: { code: 'missing_write_key', message: expect.stringMatching(/^Failed to .+\. Please .+\.$/) } });
      const unknown = await app.request('/v1/config?key=wk_nope');
      expect(unknown.status).toBe(401);
      expect(await unknown.json()).toMatchObject({ error: { code: 'unknown_write_key' } });
      const secretKey = await app.request('/v1/config?key=sk_x_very_secret');
      expect(secretKey.status).toBe(401);
      const foreign = await app.request('/v1/config?key=wk_x', { headers: { origin: 'https://evil.example' } });
      expect(foreign.status).toBe(403);
      expect(await foreign.json()).toMatchObject({ error: { code: 'origin_not_allowed' } });
    });

    it('answers CORS like ingest: a preflight for If-None-Match, the origin reflected and ETag exposed', async () => {
      const preflight = await app.request('/v1/config?key=wk_x', {
        method: 'OPTIONS',
        headers: { origin: ORIGIN, 'access-control-request-method': 'GET', 'access-control-request-headers': 'if-none-match' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(ORIGIN);
      expect(preflight.headers.get('access-control-allow-headers')).toBe('if-none-match');
      const res = await app.request('/v1/config?key=wk_x', { headers: { origin: ORIGIN } });
      expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
      expect(res.headers.get('access-control-expose-headers')).toBe('ETag, Retry-After');
      expect(res.headers.get('vary')).toContain('Origin');
      const stateRes = await app.request('/v1/state?key=wk_x&userId=u', { headers: { origin: ORIGIN } });
      expect(stateRes.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    });
  });

  describe('GET /v1/state', () => {
    it('derives milestones, steps, checklist and survey times from that user’s events, on every device', async () => {
      const R = RESERVED_EVENTS;
      // Device A (anonymousId anon-a), then the same user on device B (anon-b).
      await track('u-1', 'anon-a', R.milestoneReached, { milestone: 'project' }, 1);
      await track('u-1', 'anon-a', R.checklistStepCompleted, { checklistId: 'start', stepId: 'project' }, 2);
      await track('u-1', 'anon-a', R.surveyShown, { surveyId: 'nps', kind: 'nps' }, 3);
      await track('u-1', 'anon-a', R.checklistDismissed, { checklistId: 'start' }, 4);
      expect(await state('u-1')).toEqual({
        milestones: { project: at(1) },
        checklists: { start: { completedSteps: { project: at(2) }, dismissedAt: at(4) } },
        surveys: { nps: { shownAt: at(3) } },
        lastPromptAt: at(3),
      });

      await track('u-1', 'anon-b', R.milestoneReached, { milestone: 'project' }, 10);
      await track('u-1', 'anon-b', R.checklistCompleted, { checklistId: 'start' }, 11);
      await track('u-1', 'anon-b', R.checklistDismissed, { checklistId: 'start' }, 12);
      await track('u-1', 'anon-b', R.surveyResponded, { surveyId: 'nps', kind: 'nps', score: 9 }, 13);
      await track('u-1', 'anon-b', R.surveyShown, { surveyId: 'csat', kind: 'csat' }, 14);
      await track('u-1', 'anon-b', R.surveyDismissed, { surveyId: 'csat', kind: 'csat' }, 15);
      expect(await state('u-1')).toEqual({
        milestones: { project: at(1) }, // first reach counts, from whichever device
        checklists: { start: { completedSteps: { project: at(2) }, completedAt: at(11), dismissedAt: at(12) } }, // latest dismissal
        surveys: { nps: { shownAt: at(3), respondedAt: at(13) }, csat: { shownAt: at(14), dismissedAt: at(15) } },
        lastPromptAt: at(14),
      });
    });

    it('shows only that user: not other users, anonymous events, other workspaces or ordinary events', async () => {
      const R = RESERVED_EVENTS;
      await track('u-other', 'anon-o', R.milestoneReached, { milestone: 'secret-of-other' }, 1);
      await track(undefined, 'anon-only', R.milestoneReached, { milestone: 'anonymous' }, 1);
      await track('u-2', 'anon-p', R.milestoneReached, { milestone: 'other-workspace' }, 1, 'wk_plain');
      await track('u-2', 'anon-2', 'Project Created', { milestone: 'not-reserved' }, 1);
      await track('u-2', 'anon-2', R.milestoneReached, { milestone: 'mine' }, 2);
      await track('u-2', 'anon-2', R.milestoneReached, {}, 3); // no id: ignored
      expect(await state('u-2')).toEqual({ milestones: { mine: at(2) }, checklists: {}, surveys: {} });
      expect(await state('u-2', 'wk_plain')).toEqual({ milestones: { 'other-workspace': at(1) }, checklists: {}, surveys: {} });
      expect(await state('nobody')).toEqual({ milestones: {}, checklists: {}, surveys: {} });
    });

    it('keeps ids such as "__proto__" as plain keys', async () => {
      await track('u-proto', 'anon-x', RESERVED_EVENTS.milestoneReached, { milestone: '__proto__' }, 1);
      const res = await app.request('/v1/state?key=wk_x&userId=u-proto');
      expect(await res.text()).toBe(`{"milestones":{"__proto__":"${at(1)}"},"checklists":{},"surveys":{}}`);
    });

    it('is never cached by shared caches, and rejects a missing key or user id', async () => {
      const res = await app.request('/v1/state?key=wk_x&userId=u-1');
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect((await app.request('/v1/state?userId=u-1')).status).toBe(400);
      expect((await app.request('/v1/state?key=wk_nope&userId=u-1')).status).toBe(401);
      expect((await app.request('/v1/state?key=wk_x&userId=u-1', { headers: { origin: 'https://evil.example' } })).status).toBe(403);
      const noUser = await app.request('/v1/state?key=wk_x');
      expect(noUser.status).toBe(400);
      expect(await noUser.json()).toMatchObject({ error: { code: 'missing_user_id' } });
      expect((await app.request(`/v1/state?key=wk_x&userId=${'u'.repeat(257)}`)).status).toBe(400);
    });

    it('limits reads per write key with the workspace rate limit, apart from ingest', async () => {
      const tight = parseConfig({ workspaces: [{ id: 'x', writeKeys: ['wk_t'], rateLimit: { eventsPerSecond: 1, burst: 2 } }] });
      // The route alone, with the app's way of answering an ApiError.
      const route = new Hono().route('/', createStateRoute({ db, keys: createKeyIndex(tight), rateLimiter: createRateLimiter(() => NOW) }));
      route.onError((error, c) => (isApiError(error) ? c.json(errorBody(error.code, error.message), error.status, error.headers) : c.text('unexpected', 500)));
      expect((await route.request('/state?key=wk_t&userId=a')).status).toBe(200);
      expect((await route.request('/state?key=wk_t&userId=b')).status).toBe(200);
      const limited = await route.request('/state?key=wk_t&userId=c');
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('1');
      expect(await limited.json()).toMatchObject({ error: { code: 'rate_limited' } });
    });
  });
});
