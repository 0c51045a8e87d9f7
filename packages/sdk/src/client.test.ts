import type { WireEvent } from '@cairn/protocol';
import { keys, values } from 'idb-keyval';
import { HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { createClient, type ClientDeps } from './client.ts';
import { createLogger } from './logger.ts';
import { clearQueue, fakeCollector, queueStore, sleep, until } from './test-support/fake-collector.ts';
import type { Cairn, InitOptions, SdkEvents } from './types.ts';

const collector = fakeCollector();
const clients: Cairn[] = [];
const host = location.origin;
const startPath = location.pathname + location.search;

/** A client on the fake collector that never flushes on its own unless the test says so. */
function make(options: Partial<InitOptions> = {}, deps: ClientDeps = {}) {
  const c = createClient(deps);
  clients.push(c);
  c.init({ writeKey: 'wk_test', host, flushAt: 1000, flushInterval: 60_000, retryBaseMs: 50, ...options });
  return c;
}

function watch(c: Cairn) {
  const seen = { delivered: [] as SdkEvents['delivered'][], dropped: [] as SdkEvents['dropped'][], error: [] as SdkEvents['error'][] };
  c.on('delivered', (p) => seen.delivered.push(p));
  c.on('dropped', (p) => seen.dropped.push(p));
  c.on('error', (p) => seen.error.push(p));
  return seen;
}

const names = (events: WireEvent[]) => events.map((e) => e.event ?? e.type);
const stored = () => keys(queueStore());

beforeAll(() => collector.start());
afterAll(() => collector.stop());
beforeEach(async () => {
  collector.reset();
  localStorage.clear();
  await clearQueue();
});
afterEach(async () => {
  clients.splice(0).forEach((c) => c.close());
  vi.restoreAllMocks();
  history.replaceState(null, '', startPath);
  // Let released locks and in-flight requests of closed clients settle.
  await sleep(20);
});

describe('events', () => {
  test('carry anonymousId, userId, groupId, context, messageId and the call time', async () => {
    const c = make();
    c.identify('u1', { email: 'a@example.com' });
    c.group('acme', { tier: 'A' });
    const before = Date.now();
    c.track('Report Shared', { reportId: 'r1' });
    await c.flush();
    await until(() => collector.requests.length, 'a request');
    const [req] = collector.requests;
    expect(req!.contentType).toMatch(/^text\/plain/);
    expect(req!.body.writeKey).toBe('wk_test');
    expect(Date.parse(req!.body.sentAt!)).toBeGreaterThanOrEqual(before);
    expect(req!.body.batch.map((e) => e.type)).toEqual(['identify', 'group', 'track']);
    const [identify, group, track] = req!.body.batch as [WireEvent, WireEvent, WireEvent];
    expect(identify.traits).toEqual({ email: 'a@example.com' });
    expect(group).toMatchObject({ groupId: 'acme', traits: { tier: 'A' }, userId: 'u1' });
    expect(track).toMatchObject({ event: 'Report Shared', properties: { reportId: 'r1' }, userId: 'u1', groupId: 'acme' });
    expect(track.anonymousId).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set([identify.anonymousId, group.anonymousId, track.anonymousId]).size).toBe(1);
    expect(track.messageId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(req!.body.batch.map((e) => e.messageId)).size).toBe(3);
    expect(Date.parse(track.timestamp)).toBeGreaterThanOrEqual(before - 1);
    expect(Date.parse(track.timestamp)).toBeLessThanOrEqual(Date.parse(req!.body.sentAt!));
    expect(track.context).toMatchObject({
      library: { name: 'cairn', version: '0.1.0' },
      page: { url: location.href, path: location.pathname, title: document.title },
      userAgent: navigator.userAgent,
      locale: navigator.language,
    });
  });

  test('page() adds url, path and title to the properties', async () => {
    const c = make();
    c.page('Settings', { tab: 'billing' });
    await c.flush();
    await until(() => collector.events().length, 'the page event');
    const [e] = collector.events();
    expect(e).toMatchObject({ type: 'page', name: 'Settings', properties: { tab: 'billing', path: location.pathname, url: location.href } });
  });

  test('the anonymousId survives a reload; reset() forgets user, group and anonymousId', async () => {
    const a = make();
    a.identify('u1');
    a.group('acme');
    const first = a._identity();
    a.close();
    const b = make();
    expect(b._identity()).toMatchObject({ anonymousId: first.anonymousId, userId: 'u1', groupId: 'acme' });
    b.reset();
    b.track('After Reset');
    await b.flush();
    await until(() => collector.events().some((e) => e.event === 'After Reset'), 'the event');
    const after = collector.events().find((e) => e.event === 'After Reset')!;
    expect(after.anonymousId).not.toBe(first.anonymousId);
    expect(after.userId).toBeUndefined();
    expect(after.groupId).toBeUndefined();
    expect(make()._identity().anonymousId).toBe(after.anonymousId);
  });

  test('_onRecord sees every recorded event', () => {
    const c = make();
    const seen: string[] = [];
    const off = c._onRecord((e) => seen.push(e.event ?? e.type));
    c.track('A');
    c.identify('u1');
    off();
    c.track('B');
    expect(seen).toEqual(['A', 'identify']);
  });
});

describe('batching', () => {
  test('sends once flushAt events wait', async () => {
    const c = make({ flushAt: 3 });
    c.track('A');
    c.track('B');
    await sleep(100);
    expect(collector.requests).toHaveLength(0);
    c.track('C');
    await until(() => collector.requests.length, 'the batch');
    expect(names(collector.requests[0]!.body.batch)).toEqual(['A', 'B', 'C']);
  });

  test('sends flushInterval ms after the first waiting event', async () => {
    const c = make({ flushInterval: 200 });
    const t0 = performance.now();
    c.track('A');
    c.track('B');
    await until(() => collector.requests.length, 'the timed batch');
    expect(collector.requests[0]!.at - t0).toBeGreaterThanOrEqual(190);
    expect(names(collector.requests[0]!.body.batch)).toEqual(['A', 'B']);
  });
});

describe('delivery', () => {
  test('503 then 200: the batch is sent twice and removed from IndexedDB once acknowledged', async () => {
    const c = make();
    const seen = watch(c);
    collector.reply(() => new HttpResponse(null, { status: 503 }));
    c.track('A');
    c.track('B');
    await c.flush();
    await until(() => seen.delivered.length, 'delivery after the retry');
    expect(collector.requests).toHaveLength(2);
    expect(collector.requests[1]!.body.batch.map((e) => e.messageId)).toEqual(collector.requests[0]!.body.batch.map((e) => e.messageId));
    expect(seen.error[0]).toMatchObject({ status: 503 });
    expect(seen.delivered).toEqual([{ count: 2 }]);
    expect(await stored()).toEqual([]);
    await c.flush();
    await sleep(50);
    expect(collector.requests).toHaveLength(2);
  });

  test('network errors are retried', async () => {
    const c = make();
    const seen = watch(c);
    collector.reply(() => HttpResponse.error());
    c.track('A');
    await c.flush();
    await until(() => seen.delivered.length, 'delivery after the network error');
    expect(seen.error[0]!.status).toBeUndefined();
    expect(collector.requests.length).toBeGreaterThanOrEqual(1);
    expect([...collector.stored]).toHaveLength(1);
  });

  test('429 with Retry-After waits at least that long', async () => {
    const c = make();
    const seen = watch(c);
    collector.reply(() => new HttpResponse(null, { status: 429, headers: { 'Retry-After': '1' } }));
    c.track('A');
    await c.flush();
    await until(() => seen.delivered.length, 'delivery after Retry-After', 8000);
    expect(seen.error[0]).toEqual(expect.objectContaining({ status: 429, retryInMs: 1000 }));
    expect(collector.requests[1]!.at - collector.requests[0]!.at).toBeGreaterThanOrEqual(1000);
  });

  test('400 drops the batch and reports it, without retrying', async () => {
    const c = make();
    const seen = watch(c);
    collector.reply(() => HttpResponse.json({ error: { code: 'invalid_json', message: 'bad body' } }, { status: 400 }));
    c.track('A');
    c.track('B');
    await c.flush();
    await until(() => seen.dropped.length, 'the drop');
    expect(seen.dropped[0]).toMatchObject({ reason: 'client_error', status: 400, count: 2, detail: 'bad body' });
    expect(await stored()).toEqual([]);
    await c.flush();
    await sleep(100);
    expect(collector.requests).toHaveLength(1);
  });

  test('events the collector rejects one by one are reported; the rest count as delivered', async () => {
    const c = make();
    const seen = watch(c);
    collector.reply(() => HttpResponse.json({ accepted: 2, duplicates: 0, rejected: [{ index: 1, reason: 'too long' }] }));
    c.track('A');
    c.track('B');
    c.track('C');
    await c.flush();
    await until(() => seen.dropped.length, 'the rejection');
    const b = collector.requests[0]!.body.batch[1]!;
    expect(seen.dropped).toEqual([{ reason: 'rejected', count: 1, messageIds: [b.messageId], detail: 'too long' }]);
    expect(seen.delivered).toEqual([{ count: 2 }]);
    expect(await stored()).toEqual([]);
  });
});

describe('queue', () => {
  test('is kept in IndexedDB and sent by the next client (a reload)', async () => {
    collector.always(() => new HttpResponse(null, { status: 503 }));
    const a = make({ retryBaseMs: 60_000 });
    a.track('A');
    a.track('B');
    await a.flush();
    await until(() => collector.requests.length, 'the failed attempt');
    expect(await stored()).toHaveLength(2);
    a.close();
    collector.always(undefined);
    const b = make();
    const seen = watch(b);
    await until(() => seen.delivered.length, 'delivery by the new client');
    expect(names(collector.requests.at(-1)!.body.batch)).toEqual(['A', 'B']);
    expect(await stored()).toEqual([]);
  });

  test('is bounded: the oldest events are dropped and reported', async () => {
    const c = make({ maxQueueSize: 3 });
    const seen = watch(c);
    for (const name of ['A', 'B', 'C', 'D', 'E']) c.track(name);
    expect(seen.dropped.reduce((n, d) => n + d.count, 0)).toBe(2);
    expect(seen.dropped.every((d) => d.reason === 'overflow')).toBe(true);
    await c.flush();
    await until(() => collector.requests.length, 'the batch');
    expect(names(collector.events())).toEqual(['C', 'D', 'E']);
  });

  test('two clients in one page share the queue; only the leader sends, nothing twice', async () => {
    const a = make({ writeKey: 'wk_a' });
    await until(async () => {
      const held = await navigator.locks.query();
      return held.held?.some((l) => l.name === 'cairn:sender');
    }, 'the leader');
    const b = make({ writeKey: 'wk_b' });
    for (let i = 0; i < 5; i++) {
      a.track('A' + i);
      b.track('B' + i);
    }
    await b.flush();
    await a.flush();
    await until(() => collector.stored.size === 10, 'all ten events');
    await b.flush();
    await sleep(100);
    expect(collector.requests.every((r) => r.body.writeKey === 'wk_a')).toBe(true);
    expect(collector.events()).toHaveLength(10);
  });

  test('when the leader closes, the next client takes over and sends', async () => {
    const a = make({ writeKey: 'wk_a' });
    await until(async () => (await navigator.locks.query()).held?.length, 'the leader');
    const b = make({ writeKey: 'wk_b', flushInterval: 200 });
    b.track('B1');
    a.close();
    await until(() => collector.stored.size === 1, 'the event sent by the new leader');
    expect(collector.requests.map((r) => r.body.writeKey)).toEqual(['wk_b']);
  });

  test('a tab that does not lead wakes the leader when its batch is full', async () => {
    make({ writeKey: 'wk_a' });
    await until(async () => (await navigator.locks.query()).held?.length, 'the leader');
    const b = make({ writeKey: 'wk_b', flushAt: 2 });
    b.track('B1');
    b.track('B2');
    await until(() => collector.stored.size === 2, 'the events of the other tab');
    expect(collector.requests.map((r) => r.body.writeKey)).toEqual(['wk_a']);
  });
});

describe('page close', () => {
  test('pagehide sends this tab’s unsent events with keepalive in chunks of at most 64 KB', async () => {
    const c = make();
    await until(async () => (await navigator.locks.query()).held?.length, 'the leader');
    const calls: { body: string; keepalive?: boolean }[] = [];
    vi.spyOn(window, 'fetch').mockImplementation(async (_url, init) => {
      calls.push({ body: init!.body as string, keepalive: init!.keepalive });
      const { batch } = JSON.parse(init!.body as string) as { batch: unknown[] };
      return Response.json({ accepted: batch.length, duplicates: 0, rejected: [] });
    });
    const sent: string[] = [];
    c._onRecord((e) => sent.push(e.messageId));
    const filler = 'x'.repeat(2000);
    for (let i = 0; i < 100; i++) c.track('Big', { i, filler });
    dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(calls.length).toBeGreaterThanOrEqual(4);
    for (const call of calls) {
      expect(call.keepalive).toBe(true);
      expect(new TextEncoder().encode(call.body).length).toBeLessThanOrEqual(64 * 1024);
    }
    const ids = calls.flatMap((call) => (JSON.parse(call.body) as { batch: WireEvent[] }).batch.map((e) => e.messageId));
    expect(ids.sort()).toEqual(sent.sort());
    await until(async () => (await stored()).length === 0, 'acknowledged keepalive events removed from the queue');
  });

  test('pagehide gives up leadership (back/forward cache); pageshow from the cache takes part again', async () => {
    const c = make();
    const held = async () => (await navigator.locks.query()).held?.length ?? 0;
    await until(held, 'the leader');
    dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
    await until(async () => (await held()) === 0, 'the lock released');
    dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    await until(held, 'the lock taken again');
    c.track('Back');
    await c.flush();
    await until(() => collector.stored.size === 1, 'the event sent after return');
  });

  test('visibilitychange to hidden sends with keepalive too; a failed keepalive leaves the events queued', async () => {
    const c = make();
    await until(async () => (await navigator.locks.query()).held?.length, 'the leader');
    const calls: RequestInit[] = [];
    vi.spyOn(window, 'fetch').mockImplementation(async (_url, init) => {
      calls.push(init!);
      throw new TypeError('Failed to fetch');
    });
    c.track('A');
    c.track('B');
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    expect(calls).toHaveLength(1);
    expect(calls[0]!.keepalive).toBe(true);
    await until(async () => (await stored()).length === 2, 'the events still queued');
    vi.restoreAllMocks();
    await c.flush();
    await until(() => collector.stored.size === 2, 'the leader sending them');
  });
});

describe('fallbacks and guards', () => {
  test('without IndexedDB (open throws) events are delivered from memory and nothing throws', async () => {
    vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    const c = make();
    const seen = watch(c);
    expect(() => c.track('A')).not.toThrow();
    await c.flush();
    await until(() => seen.delivered.length, 'delivery from memory');
    expect(names(collector.events())).toEqual(['A']);
    vi.restoreAllMocks();
    expect(await stored()).toEqual([]);
  });

  test('storage: "memory" never touches IndexedDB', async () => {
    const c = make({ storage: 'memory' });
    const open = vi.spyOn(indexedDB, 'open');
    c.track('A');
    await c.flush();
    await until(() => collector.requests.length, 'the request');
    expect(open).not.toHaveBeenCalled();
  });

  test('requireConsent holds storage and network until consent(true)', async () => {
    const c = make({ requireConsent: true });
    c.identify('u1');
    c.track('Held');
    await c.flush();
    await sleep(100);
    expect(collector.requests).toHaveLength(0);
    expect(await stored()).toEqual([]);
    expect(localStorage.length).toBe(0);
    c.consent(true);
    await c.flush();
    await until(() => collector.requests.length, 'the held events');
    expect(names(collector.events())).toEqual(['identify', 'Held']);
    expect(localStorage.getItem('cairn_id')).toContain('u1');
  });

  test('consent(false) clears the queue in memory and IndexedDB and stops sending', async () => {
    collector.always(() => new HttpResponse(null, { status: 503 }));
    const c = make({ retryBaseMs: 300 });
    c.track('A');
    c.track('B');
    await c.flush();
    await until(() => collector.requests.length, 'the failed attempt');
    expect(await stored()).toHaveLength(2);
    c.consent(false);
    await until(async () => (await stored()).length === 0, 'the queue cleared');
    c.track('C');
    const before = collector.requests.length;
    await sleep(500);
    dispatchEvent(new PageTransitionEvent('pagehide'));
    await c.flush();
    expect(collector.requests).toHaveLength(before);
    expect(await values(queueStore())).toEqual([]);
  });

  test('autoPage records a page at init and on pushState, not on a same-URL replaceState', async () => {
    const c = make({ autoPage: true });
    history.pushState(null, '', '/pricing?plan=pro');
    history.replaceState({ some: 'state' }, '', '/pricing?plan=pro');
    history.pushState(null, '', '/pricing?plan=pro#faq');
    await c.flush();
    await until(() => collector.events().length >= 2, 'the page events');
    await sleep(50);
    const pages = collector.events().filter((e) => e.type === 'page');
    expect(pages.map((e) => e.properties?.path)).toEqual([startPath.split('?')[0], '/pricing']);
    expect(pages[1]!.properties?.search).toBe('?plan=pro');
  });

  test('properties that cannot be sent as JSON are dropped and reported without blocking the queue', async () => {
    const c = make();
    const seen = watch(c);
    const circular: Record<string, unknown> = { a: 1 };
    circular.self = circular;
    c.track('Circular', circular);
    c.track('With Function', { ok: 1, fn: () => 1 } as never);
    c.track('Plain');
    await c.flush();
    await until(() => seen.delivered.length, 'delivery of the rest');
    expect(names(collector.events())).toEqual(['With Function', 'Plain']);
    expect(collector.events()[0]!.properties).toEqual({ ok: 1 });
    expect(seen.dropped).toEqual([expect.objectContaining({ reason: 'invalid', count: 1 })]);
    expect(await stored()).toEqual([]);
  });

  test('invalid arguments are logged and reported, never thrown', async () => {
    const sink = { warn: vi.fn(), error: vi.fn() };
    const early = createClient({ logger: createLogger(sink) });
    clients.push(early);
    expect(() => early.track('Too Early')).not.toThrow();
    expect(sink.warn).toHaveBeenCalledWith(expect.stringMatching(/^\[cairn\] Failed to track: the client is not initialised\. Please/));
    const c = make({}, { logger: createLogger(sink) });
    const seen = watch(c);
    const bad = c as unknown as Record<string, (...a: unknown[]) => unknown>;
    expect(() => {
      bad.track!(123);
      bad.track!('Ok name', 'not an object');
      bad.identify!({ id: 1 });
      bad.group!('');
      bad.page!(42);
      bad.init!(null);
    }).not.toThrow();
    expect(seen.error).toHaveLength(6);
    for (const { message } of seen.error) expect(message).toMatch(/^Failed to \w+: .+\. Please .+\.$/);
    c.on('delivered', () => {
      throw new Error('host bug');
    });
    c.track('Fine');
    await expect(c.flush()).resolves.toBeUndefined();
    await until(() => collector.requests.length, 'the valid event');
    await until(() => sink.error.mock.calls.length, 'the handler error logged');
    expect(names(collector.events())).toEqual(['Fine']);
  });
});
