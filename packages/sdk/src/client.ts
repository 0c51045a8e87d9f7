import type { EventType, JsonObject, WireEvent } from '@cairn/protocol';
import { KEEPALIVE_BYTES, MAX_BATCH_BYTES, MAX_BATCH_EVENTS, MAX_EVENT_BYTES, MAX_ID_LENGTH } from '@cairn/protocol';
import { autoPage } from './auto-page.ts';
import { backoff } from './backoff.ts';
import { chunk } from './chunk.ts';
import { answerConsent, initialConsent, type ConsentState } from './consent.ts';
import { context, pageInfo } from './context.ts';
import { createEmitter } from './emitter.ts';
import type { ExperienceEngine, ExperienceModule } from './experiences/host.ts';
import { createIdentity } from './identity.ts';
import { lead, openChannel, type TabMessage } from './leader.ts';
import { createLogger, type Logger } from './logger.ts';
import { remoteConfig } from './remote-config.ts';
import { memoryStore, openStore, type QueueStore } from './storage.ts';
import { send, type SendResult } from './transport.ts';
import type { Cairn, DropReason, InitOptions, SdkEvents } from './types.ts';
import { uuid } from './uuid.ts';

/** What the environment hands the client (the script tag knows where it was loaded from). */
export interface ClientDeps {
  /** Collector origin used when `init()` names no `host`. */
  host?: string;
  logger?: Logger;
  /** Loads the lazy chunks by URL (default: a dynamic `import()`). */
  load?: (url: string) => Promise<unknown>;
}

type Options = InitOptions &
  Required<Pick<InitOptions, 'flushAt' | 'flushInterval' | 'maxQueueSize' | 'storage' | 'retryBaseMs' | 'retryMaxMs'>> & { url: string; host: string };

const isObj = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= MAX_ID_LENGTH;
const ids = (events: WireEvent[]) => events.map((e) => e.messageId);
const NOT_INIT = 'the client is not initialised';
const NOT_JSON = 'not serialisable as JSON';
const CALL_INIT = 'call init({ writeKey }) first';
const ID_RULE = ` must be a string of 1-${MAX_ID_LENGTH} characters`;
/** Whether a raw config may have something to do; anything malformed goes to the engine, which reports it. */
const has = (c: unknown) => c != null && (!isObj(c) || ['milestones', 'checklists', 'surveys'].some((k) => c[k] && (c[k] as unknown[]).length !== 0));

/**
 * Creates a Cairn client. The script tag makes one and exposes it as `window.cairn`;
 * bundler users call `createClient()` themselves. Nothing happens until `init()`.
 *
 * @example
 * const cairn = createClient();
 * cairn.init({ writeKey: 'wk_123', host: 'https://cairn.example.com' });
 * cairn.track('Report Shared');
 */
export function createClient(deps: ClientDeps = {}): Cairn {
  const log = deps.logger ?? createLogger();
  /** Logs a thrown error in the message formula; most causes are the host's handlers or storage. */
  const oops = (action: string, fix: string) => (cause: unknown) => log.error(`Failed to ${action}: it threw. Please ${fix}.`, cause);
  const bus = createEmitter<SdkEvents>(oops('run an on() handler', 'fix the handler'));
  /** Events recorded before the engine runs (even before consent) still count toward milestones. */
  const early: WireEvent[] = [];
  const keep = (e: WireEvent) => void (early.length < 1000 && early.push(e));
  const hooks = new Set<(e: WireEvent) => void>([keep]);
  const who = createIdentity();
  /** This tab's events not yet acknowledged: what it sends itself at pagehide. */
  const own = new Map<string, WireEvent>();
  let o: Options | undefined;
  let cs: ConsentState = 'granted';
  let store: Promise<QueueStore> | undefined;
  let pend: WireEvent[] = [];
  let gone: string[] = [];
  let writing: Promise<unknown> = Promise.resolve();
  let scheduled = false;
  let count = 0;
  let leader = false;
  let attempt = 0;
  let flushT: ReturnType<typeof setTimeout> | undefined;
  let retryT: ReturnType<typeof setTimeout> | undefined;
  let pollT: ReturnType<typeof setInterval> | undefined;
  let chan: BroadcastChannel | undefined;
  /** Undo leadership and the channel (consent withdrawn, close). */
  let stops: (() => void)[] = [];
  /** Undo page listeners and history patches (close only). */
  const offs: (() => void)[] = [];
  let run: Promise<void> = Promise.resolve();
  let next: Promise<void> | undefined;
  /** Bumped by stop(), so a start() still waiting for IndexedDB does not lead after close(). */
  let gen = 0;
  /** Settles once this tab knows its queue and whether it leads. */
  let ready: Promise<unknown> = Promise.resolve();
  const load = deps.load ?? ((url: string) => import(/* @vite-ignore */ url));
  let eng: ExperienceEngine | undefined;
  /** Headless calls made before the engine runs; undefined once closed. */
  let xq: [keyof ExperienceEngine, unknown[]][] | undefined = [];
  let xp = false;

  /** Reports a misuse or a delivery failure: logged, and emitted as `error`. */
  const fail = (action: string, cause: string, fix: string, extra?: Partial<SdkEvents['error']>) => {
    const message = `Failed to ${action}: ${cause}. Please ${fix}.`;
    log.warn(message);
    bus.emit('error', { message, ...extra });
  };
  /** Reports events given up for good. */
  const drop = (reason: DropReason, events: WireEvent[], extra?: Partial<SdkEvents['dropped']>) =>
    events.length && bus.emit('dropped', { reason, count: events.length, messageIds: ids(events), ...extra });

  /** Opens the queue once (after consent): IndexedDB, or memory where it fails or is not wanted. */
  const open = () => (store ??= o?.storage === 'memory' ? Promise.resolve(memoryStore()) : openStore());

  /** Removes events that are done with, here and in every tab's memory. */
  const done = (events: WireEvent[]) => {
    const list = ids(events);
    list.forEach((id) => own.delete(id));
    chan?.postMessage({ a: list } satisfies TabMessage);
    writing = writing.then(() => open().then((s) => s.del(list))).catch(oops('delete sent events', 'check the storage'));
    return writing;
  };

  /** Writes what was recorded this tick in one transaction, off the caller's path. */
  const persist = () => {
    scheduled = false;
    const batch = pend.filter((e) => own.has(e.messageId));
    const del = gone;
    pend = [];
    gone = [];
    writing = writing.then(async () => {
      let s = await open();
      try {
        if (batch.length) await s.put(batch);
      } catch {
        // Functions or DOM nodes in properties cannot be cloned into IndexedDB: keep their JSON form.
        const clean = batch.flatMap((e) => {
          try {
            return [JSON.parse(JSON.stringify(e)) as WireEvent];
          } catch {
            // The failed transaction may still have stored it (structured clone allows cycles).
            del.push(e.messageId);
            own.delete(e.messageId);
            drop('invalid', [e], { detail: NOT_JSON });
            return [];
          }
        });
        try {
          await s.put(clean);
        } catch (cause) {
          // IndexedDB broke under us (quota, eviction): this tab falls back to memory and sends alone.
          oops('store events in IndexedDB', 'free up storage; memory is used meanwhile')(cause);
          store = Promise.resolve((s = memoryStore()));
          await s.put(clean);
          becomeLeader();
        }
      }
      if (del.length) await s.del(del);
    });
    writing.catch(oops('store events', 'check the storage'));
  };

  /** Reacts to a final batch answer (not a retry). */
  const handle = async (part: WireEvent[], r: SendResult) => {
    if (r.k === 'retry') return;
    await done(part);
    if (r.k === 'drop') {
      log.warn(`Failed to deliver ${part.length} events: HTTP ${r.status} (${r.reason}). Please check the write key and host.`);
      return drop('client_error', part, { status: r.status, detail: r.reason });
    }
    if (r.delivered) bus.emit('delivered', { count: r.delivered });
    if (r.rejected.length) {
      const bad = r.rejected.map((x) => part[x.index]).filter((e): e is WireEvent => !!e);
      const detail = r.rejected.map((x) => x.reason).join('; ');
      log.warn(`Failed to deliver ${bad.length} events: rejected (${detail}). Please fix the calls.`);
      drop('rejected', bad, { detail });
    }
  };

  const drainOnce = async () => {
    if (!o || !leader || cs !== 'granted' || retryT) return;
    await writing;
    const s = await open();
    let list = await s.all();
    if (list.length > o.maxQueueSize) {
      const old = list.slice(0, list.length - o.maxQueueSize);
      list = list.slice(old.length);
      await done(old);
      drop('overflow', old);
    }
    const { parts, tooLarge, invalid } = chunk(list, MAX_BATCH_BYTES, MAX_BATCH_EVENTS, o.writeKey, MAX_EVENT_BYTES);
    if (tooLarge.length || invalid.length) {
      await done([...tooLarge, ...invalid]);
      drop('too_large', tooLarge);
      drop('invalid', invalid, { detail: NOT_JSON });
    }
    for (const part of parts) {
      if (!leader || cs !== 'granted') return;
      const r = await send(o.url, o.writeKey, part);
      if (r.k === 'retry') {
        const retryInMs = r.after ?? backoff(attempt, o.retryBaseMs, o.retryMaxMs);
        attempt++;
        retryT = setTimeout(() => {
          retryT = undefined;
          void drain();
        }, retryInMs);
        fail(`deliver ${part.length} events`, r.status ? 'HTTP ' + r.status : 'network error', `wait, retrying in ${retryInMs} ms`, { status: r.status, retryInMs });
        return;
      }
      attempt = 0;
      await handle(part, r);
    }
  };

  /** Sends the shared queue (leader only); calls made while one runs share the next run. */
  const drain = (): Promise<void> =>
    (next ??= run = run.then(() => {
      next = undefined;
      return drainOnce().catch(oops('send events', 'report this bug'));
    }));

  const becomeLeader = () => {
    if (leader) return;
    leader = true;
    clearInterval(pollT);
    // Other tabs write to the shared queue; without a channel to wake us this poll finds their events.
    pollT = setInterval(drain, o?.flushInterval);
    // Leftovers of closed pages (or of a tab that led before) go now; this tab's own wait for size or time.
    void open()
      .then((s) => s.all())
      .then((list) => {
        if (list.some((e) => !own.has(e.messageId))) void drain();
      });
  };

  /** Size or time reached: the leader sends, any other tab wakes it once its events are stored. */
  const trigger = async () => {
    clearTimeout(flushT);
    flushT = undefined;
    count = 0;
    if (cs !== 'granted') return;
    if (scheduled) persist();
    await ready;
    if (leader) return drain();
    await writing;
    chan?.postMessage({ f: 1 } satisfies TabMessage);
  };

  /** Any tab, when hidden or closing, sends its own unsent events in ≤ 64 KB keepalive requests. */
  const unload = () => {
    if (!o || cs !== 'granted' || !own.size) return;
    if (scheduled) persist();
    const { parts } = chunk([...own.values()], KEEPALIVE_BYTES, MAX_BATCH_EVENTS, o.writeKey, MAX_EVENT_BYTES);
    for (const part of parts) void send(o.url, o.writeKey, part, true).then((r) => handle(part, r));
  };

  /** Once per page, with consent: the config (remote and/or init's), then the engine only if it has anything. */
  const experiences = (c: Options) => {
    if (xp) return;
    xp = true;
    const off = () => hooks.delete(keep);
    remoteConfig(c.host, c.writeKey)
      .then(async (remote) => {
        const configs = [remote, c.experiences].filter(has);
        if (!configs.length) return;
        const m = (await load(c.host + '/cairn-experiences.js')) as ExperienceModule;
        if (!xq) return;
        off();
        const e = (eng = m.startExperiences({ configs, early, options: c, client: api, emit: bus.emit, fail, log, load }));
        xq.splice(0).forEach(([k, a]) => (e[k] as (...a: unknown[]) => void)(...a));
      })
      .catch(oops('load the experiences engine', 'check that the host serves /cairn-experiences.js'))
      .finally(off);
  };

  const start = () => {
    if (!o) return;
    experiences(o);
    const before = who.get().anonymousId;
    who.load();
    // A returning visitor's stored id replaces the one used while consent was pending.
    const after = who.get().anonymousId;
    own.forEach((e) => e.anonymousId === before && (e.anonymousId = after));
    const g = gen;
    ready = open().then((s) => {
      if (g !== gen || cs !== 'granted') return;
      if (!s.durable) return becomeLeader();
      chan = openChannel('cairn', (m) => ('a' in m ? m.a.forEach((id) => own.delete(id)) : leader && void drain()));
      const l = lead('cairn:sender', becomeLeader);
      stops.push(l.stop, () => chan?.close());
      return l.ready;
    });
    pend.push(...own.values());
    if (own.size) {
      scheduled = true;
      queueMicrotask(persist);
      void trigger();
    }
  };

  const stop = () => {
    gen++;
    stops.forEach((f) => f());
    stops = [];
    chan = undefined;
    leader = false;
    clearTimeout(flushT);
    clearTimeout(retryT);
    clearInterval(pollT);
    flushT = retryT = pollT = undefined;
  };

  /** Builds the event now (timestamp at the call) and queues it; storage and network come later. */
  const record = (type: EventType, fields: Partial<WireEvent>) => {
    if (!o) return fail(type, NOT_INIT, CALL_INIT);
    if (cs === 'denied') return;
    const id = who.get();
    const e: WireEvent = { type, messageId: uuid(), timestamp: new Date().toISOString(), anonymousId: id.anonymousId, ...fields, context: context() };
    if (id.userId) e.userId = id.userId;
    if (id.groupId) e.groupId = id.groupId;
    own.set(e.messageId, e);
    for (const fn of hooks) {
      try {
        fn(e);
      } catch (cause) {
        oops('run a record hook', 'fix the module')(cause);
      }
    }
    if (own.size > o.maxQueueSize) {
      const oldest = own.values().next().value as WireEvent;
      own.delete(oldest.messageId);
      gone.push(oldest.messageId);
      drop('overflow', [oldest]);
    }
    if (cs !== 'granted') return;
    pend.push(e);
    if (!scheduled) {
      scheduled = true;
      // One IndexedDB transaction per tick for everything recorded in it.
      queueMicrotask(persist);
    }
    if (++count >= o.flushAt) void trigger();
    else flushT ??= setTimeout(trigger, o.flushInterval);
  };

  /** Wraps a public method: bad input and bugs are logged and reported, never thrown into the page. */
  const safe =
    <A extends unknown[]>(name: string, fn: (...a: A) => void) =>
    (...a: A): void => {
      try {
        fn(...a);
      } catch (cause) {
        oops(name, 'report this bug')(cause);
      }
    };
  /** A headless method: forwarded to the engine, or queued until it runs. */
  const fwd = (k: keyof ExperienceEngine) => safe(k, (...a: unknown[]) => (eng ? (eng[k] as (...a: unknown[]) => void)(...a) : xq?.push([k, a])));
  const props = (name: string, v: unknown): v is JsonObject | undefined =>
    v === undefined || isObj(v) || (fail(name, 'the last argument is not an object', 'pass a plain object'), false);
  /** Checks an id or name argument; false (and reported) when it is not a usable string. */
  const idArg = (name: string, what: string, v: unknown) => isId(v) || (fail(name, what + ID_RULE, 'pass one'), false);

  const api: Cairn = {
    init: safe('init', (options: InitOptions) => {
      if (o) return fail('init', 'already initialised', 'call init() once');
      if (!isObj(options) || !isId(options.writeKey)) return fail('init', 'writeKey is missing', CALL_INIT);
      let host = options.host ?? deps.host ?? location.origin;
      host = host.replace(/\/+$/, '');
      o = {
        flushAt: 20,
        flushInterval: 5000,
        maxQueueSize: 1000,
        requireConsent: false,
        autoPage: false,
        storage: 'indexeddb',
        retryBaseMs: 1000,
        retryMaxMs: 60000,
        ...options,
        url: host + '/v1/batch',
        host,
      };
      cs = initialConsent(o.requireConsent);
      const onHide = () => document.visibilityState === 'hidden' && unload();
      const onOnline = () => {
        clearTimeout(retryT);
        retryT = undefined;
        attempt = 0;
        if (leader) void drain();
      };
      // A page that holds a Web Lock is kept out of the back/forward cache, and a frozen
      // leader would stall every tab: give up leadership on pagehide/freeze, take part again on return.
      const leave = () => (unload(), stop());
      const back = (e: Event) => (e as PageTransitionEvent).persisted !== false && cs === 'granted' && !stops.length && start();
      const on: [EventTarget, string, (e: Event) => unknown][] = [
        [window, 'pagehide', leave],
        [window, 'pageshow', back],
        [window, 'online', onOnline],
        [document, 'visibilitychange', onHide],
        [document, 'freeze', leave],
        [document, 'resume', back],
      ];
      on.forEach(([t, n, f]) => t.addEventListener(n, f));
      offs.push(() => on.forEach(([t, n, f]) => t.removeEventListener(n, f)));
      if (o.autoPage) {
        offs.push(autoPage(() => api.page()));
        api.page();
      }
      if (cs === 'granted') start();
    }),
    identify: safe('identify', (userId: string, traits?: JsonObject) => {
      if (!idArg('identify', 'userId', userId) || !props('identify', traits)) return;
      who.set({ userId, traits: { ...who.get().traits, ...traits } });
      record('identify', { traits: traits ?? {} });
    }),
    group: safe('group', (accountId: string, traits?: JsonObject) => {
      if (!idArg('group', 'accountId', accountId) || !props('group', traits)) return;
      who.set({ groupId: accountId, groupTraits: { ...who.get().groupTraits, ...traits } });
      record('group', { groupId: accountId, traits: traits ?? {} });
    }),
    track: safe('track', (event: string, properties?: JsonObject) => {
      if (idArg('track', 'the event name', event) && props('track', properties)) record('track', { event, properties: properties ?? {} });
    }),
    page: safe('page', (name?: string, properties?: JsonObject) => {
      if ((name === undefined || idArg('page', 'the name', name)) && props('page', properties)) record('page', { ...(name ? { name } : {}), properties: { ...pageInfo(), ...properties } });
    }),
    reset: safe('reset', () => who.reset()),
    consent: safe('consent', (granted: boolean) => {
      if (!o) return fail('consent', NOT_INIT, CALL_INIT);
      const was = cs;
      cs = answerConsent(!!granted);
      if (cs === 'granted') {
        if (was !== 'granted') start();
        return;
      }
      stop();
      own.clear();
      pend = [];
      gone = [];
      who.forget();
      eng?.close(true);
      writing = writing.then(() => open().then((s) => s.clear())).catch(oops('clear the queue', 'check the storage'));
    }),
    flush: () =>
      Promise.resolve()
        .then(trigger)
        .catch(oops('flush', 'report this bug')),
    on: (name, fn) => {
      try {
        return bus.on(name, fn);
      } catch {
        return () => {};
      }
    },
    respond: fwd('respond'),
    dismiss: fwd('dismiss'),
    completeStep: fwd('completeStep'),
    openChecklist: fwd('openChecklist'),
    close: safe('close', () => {
      eng?.close();
      xq = undefined;
      stop();
      offs.splice(0).forEach((f) => f());
    }),
    _onRecord(fn) {
      hooks.add(fn);
      return () => void hooks.delete(fn);
    },
    _identity: () => who.get(),
  };
  return api;
}
