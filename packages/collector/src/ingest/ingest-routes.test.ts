import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { backends } from '../test-support/databases.ts';
import { post, storedEvents, testApp, trackEvent } from '../test-support/test-app.ts';

describe.each(backends())('ingest on $name', (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await backend.open();
  });
  afterAll(() => db.close());

  const expectError = async (res: Response, status: number, code: string) => {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toContain('application/json');
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe(code);
    expect(body.error.message).toMatch(/^Failed to .+: .+\. Please .+\.$/s);
    return body;
  };

  it('stores a batch of every event type and answers with counts', async () => {
    const app = testApp(db);
    const batch = [
      trackEvent({ userId: 'u-happy' }),
      { type: 'identify', messageId: 'happy-identify', userId: 'u-happy', timestamp: new Date().toISOString(), traits: { plan: 'pro' } },
      { type: 'group', messageId: 'happy-group', userId: 'u-happy', groupId: 'acme', timestamp: new Date().toISOString(), traits: { tier: 'A' } },
      { type: 'page', messageId: 'happy-page', userId: 'u-happy', name: 'Home', timestamp: new Date().toISOString(), properties: { path: '/' } },
    ];
    const res = await post(app, '/v1/batch', { batch, sentAt: new Date().toISOString() });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ accepted: 4, duplicates: 0, rejected: [] });
    const stored = await storedEvents(app, 'sk_demo', '&userId=u-happy');
    expect(stored.map((e) => e.type)).toEqual(['track', 'identify', 'group', 'page']);
    expect(stored[2]).toMatchObject({ groupId: 'acme', traits: { tier: 'A' } });
    expect(stored[3]).toMatchObject({ name: 'Home', properties: { path: '/' } });
  });

  it('accepts the single-event endpoints, text/plain and writeKey in the body', async () => {
    const app = testApp(db);
    for (const type of ['track', 'identify', 'group', 'page'] as const) {
      const event = { ...trackEvent({ type, userId: 'u-single', groupId: 'g1' }), writeKey: 'wk_demo' };
      const res = await app.request(`/v1/${type}`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(event) });
      expect(res.status, type).toBe(200);
      expect(await res.json()).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    }
    const res = await post(app, '/v1/track', trackEvent({ type: 'page' }));
    expect((await res.json()) as unknown).toMatchObject({ error: { code: 'invalid_event' } });
    expect((await storedEvents(app, 'sk_demo', '&userId=u-single')).length).toBe(4);
  });

  it('stores the same batch posted twice exactly once', async () => {
    const app = testApp(db);
    const batch = [trackEvent({ userId: 'u-twice' }), trackEvent({ userId: 'u-twice' })];
    expect(await (await post(app, '/v1/batch', { batch })).json()).toEqual({ accepted: 2, duplicates: 0, rejected: [] });
    expect(await (await post(app, '/v1/batch', { batch })).json()).toEqual({ accepted: 0, duplicates: 2, rejected: [] });
    expect((await storedEvents(app, 'sk_demo', '&userId=u-twice')).length).toBe(2);
  });

  it('attributes duplicates correctly when concurrent requests share a commit', async () => {
    const app = testApp(db);
    const shared = trackEvent({ userId: 'u-race' });
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => post(app, '/v1/batch', { batch: [shared, trackEvent({ userId: 'u-race' }), shared] }).then((r) => r.json())),
    );
    const accepted = answers.reduce((sum: number, a) => sum + (a as { accepted: number }).accepted, 0);
    const duplicates = answers.reduce((sum: number, a) => sum + (a as { duplicates: number }).duplicates, 0);
    expect(accepted).toBe(9); // the shared event once, plus one own event per request
    expect(duplicates).toBe(15);
    expect((await storedEvents(app, 'sk_demo', '&userId=u-race')).length).toBe(9);
  });

  it('keeps the valid events of a mixed batch and lists the rejected ones', async () => {
    const app = testApp(db);
    const batch = [
      trackEvent({ userId: 'u-mixed' }),
      { type: 'track', messageId: 'no-name', anonymousId: 'a', timestamp: new Date().toISOString() },
      'not an object',
      trackEvent({ userId: 'u-mixed', properties: { big: 'x'.repeat(33 * 1024) } }),
      trackEvent({ userId: 'u-mixed', properties: { nul: 'a\u0000b' } }),
      trackEvent({ userId: 'u-mixed', timestamp: 'yesterday' }),
      trackEvent({ userId: 'u-mixed' }),
    ];
    const res = await post(app, '/v1/batch', { batch });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { accepted: number; rejected: Array<{ index: number; reason: string }> };
    expect(body.accepted).toBe(2);
    expect(body.rejected.map((r) => r.index)).toEqual([1, 2, 3, 4, 5]);
    expect(body.rejected[0]!.reason).toMatch(/event \(the name\) is required/);
    expect(body.rejected[2]!.reason).toMatch(/larger than 32 KB/);
    expect(body.rejected[3]!.reason).toMatch(/NUL/);
    expect((await storedEvents(app, 'sk_demo', '&userId=u-mixed')).length).toBe(2);
  });

  it('corrects clock skew from sentAt, and keeps the sender time when sentAt is absent or invalid', async () => {
    const receivedAt = Date.parse('2026-06-01T12:00:00.000Z');
    const app = testApp(db, { now: () => receivedAt });
    // The sender's clock is 1 hour fast: the event happened 10 s before it was sent.
    const skewed = trackEvent({ userId: 'u-skew', timestamp: '2026-06-01T12:59:50.000Z' });
    await post(app, '/v1/batch', { batch: [skewed], sentAt: '2026-06-01T13:00:00.000Z' });
    const plain = trackEvent({ userId: 'u-skew', timestamp: '2026-05-01T00:00:00.000Z' });
    await post(app, '/v1/batch', { batch: [plain] });
    const invalid = trackEvent({ userId: 'u-skew', timestamp: '2026-05-02T00:00:00.000Z' });
    await post(app, '/v1/batch', { batch: [invalid], sentAt: 'not a date' });
    const stored = await storedEvents(app, 'sk_demo', '&userId=u-skew');
    expect(stored[0]).toMatchObject({ timestamp: '2026-06-01T11:59:50.000Z', originalTimestamp: '2026-06-01T12:59:50.000Z', sentAt: '2026-06-01T13:00:00.000Z', receivedAt: '2026-06-01T12:00:00.000Z' });
    expect(stored[1]).toMatchObject({ timestamp: '2026-05-01T00:00:00.000Z', originalTimestamp: '2026-05-01T00:00:00.000Z' });
    expect(stored[1]!.sentAt).toBeUndefined();
    expect(stored[2]).toMatchObject({ timestamp: '2026-05-02T00:00:00.000Z' });
  });

  it('accepts gzip bodies', async () => {
    const app = testApp(db);
    const body = gzipSync(JSON.stringify({ batch: [trackEvent({ userId: 'u-gzip' })] }));
    const res = await post(app, '/v1/batch', new Uint8Array(body), 'wk_demo', { 'content-encoding': 'gzip' });
    expect(await res.json()).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
  });

  it('answers every bad input with a 4xx JSON reason and keeps answering', async () => {
    const app = testApp(db);
    const ok = { batch: [trackEvent()] };
    const bomb = gzipSync(Buffer.alloc(200 * 1024 * 1024, 32)); // 200 MB of spaces in ~200 KB
    const cases: Array<[string, () => Promise<Response>, number, string]> = [
      ['invalid JSON', () => post(app, '/v1/batch', '{"batch": ['), 400, 'invalid_json'],
      ['not an object', () => post(app, '/v1/batch', '[1,2]'), 400, 'invalid_body'],
      ['batch not an array', () => post(app, '/v1/batch', { batch: 'x' }), 400, 'invalid_batch'],
      ['wrong types', () => post(app, '/v1/batch', { batch: [{ type: 'track', event: 5, messageId: 7, timestamp: true, anonymousId: {} }] }), 400, 'invalid_event'],
      ['missing fields', () => post(app, '/v1/batch', { batch: [{ type: 'track' }] }), 400, 'invalid_event'],
      ['oversize single event', () => post(app, '/v1/track', trackEvent({ properties: { big: 'x'.repeat(40 * 1024) } })), 413, 'event_too_large'],
      ['oversize batch', () => post(app, '/v1/batch', { batch: Array.from({ length: 30 }, () => trackEvent({ properties: { p: 'x'.repeat(20 * 1024) } })) }), 413, 'payload_too_large'],
      ['too many events', () => post(app, '/v1/batch', { batch: Array.from({ length: 2501 }, () => ({})) }), 413, 'too_many_events'],
      ['gzip bomb', () => post(app, '/v1/batch', new Uint8Array(bomb), 'wk_demo', { 'content-encoding': 'gzip' }), 413, 'payload_too_large'],
      ['corrupt gzip', () => post(app, '/v1/batch', 'not gzip at all', 'wk_demo', { 'content-encoding': 'gzip' }), 400, 'invalid_encoding'],
      ['bad Content-Encoding', () => post(app, '/v1/batch', ok, 'wk_demo', { 'content-encoding': 'br-zstd-lol' }), 415, 'unsupported_encoding'],
      ['unknown key', () => post(app, '/v1/batch', ok, 'wk_nope'), 401, 'unknown_write_key'],
      ['no key', () => post(app, '/v1/batch', ok, null), 401, 'missing_write_key'],
      ['origin not allowed', () => post(app, '/v1/batch', ok, 'wk_strict', { origin: 'https://evil.example' }), 403, 'origin_not_allowed'],
      ['secret key used to ingest', () => post(app, '/v1/batch', ok, 'sk_demo'), 401, 'unknown_write_key'],
    ];
    for (const [name, send, status, code] of cases) {
      const started = Date.now();
      const res = await send();
      await expectError(res, status, code).catch((error: Error) => {
        throw new Error(`${name}: ${error.message}`);
      });
      if (name === 'gzip bomb') expect(Date.now() - started, 'bomb rejected without inflating it all').toBeLessThan(5000);
      const after = await post(app, '/v1/batch', { batch: [trackEvent()] });
      expect(after.status, `answers after ${name}`).toBe(200);
    }
  });

  it('rate-limits a write key with 429 and Retry-After', async () => {
    let clock = 1_000_000;
    const app = testApp(db, { now: () => clock });
    const headers = { origin: 'https://app.example.com' };
    const batch = Array.from({ length: 15 }, () => trackEvent());
    expect((await post(app, '/v1/batch', { batch }, 'wk_strict', headers)).status).toBe(200);
    const limited = await post(app, '/v1/batch', { batch: batch.map(() => trackEvent()) }, 'wk_strict', headers);
    await expectError(limited, 429, 'rate_limited');
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(limited.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(limited.headers.get('access-control-expose-headers')).toContain('Retry-After');
    clock += 1000; // 10 tokens more: 15 fit again
    expect((await post(app, '/v1/batch', { batch: batch.map(() => trackEvent()) }, 'wk_strict', headers)).status).toBe(200);
  });

  it('answers CORS preflights and reflects the origin for the SDK', async () => {
    const app = testApp(db);
    const preflight = await app.request('/v1/batch', {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    const res = await app.request('/v1/batch', {
      method: 'POST',
      headers: { 'content-type': 'text/plain;charset=UTF-8', origin: 'https://app.example.com' },
      body: JSON.stringify({ writeKey: 'wk_strict', batch: [trackEvent()] }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
  });

  it('answers 503 when the database fails, and recovers', async () => {
    let down = true;
    const flaky: Database = {
      ...db,
      query: (sql, params) => (down ? Promise.reject(new Error('connection refused')) : db.query(sql, params)),
    };
    const app = testApp(flaky);
    const batch = [trackEvent({ userId: 'u-503' })];
    const res = await post(app, '/v1/batch', { batch });
    await expectError(res, 503, 'storage_unavailable');
    expect(res.headers.get('retry-after')).toBe('5');
    expect((await app.request('/health')).status).toBe(503);
    down = false;
    expect(await (await post(app, '/v1/batch', { batch })).json()).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    expect(await (await app.request('/health')).json()).toEqual({ ok: true, db: backend.name });
  });
});
