import type { WireEvent } from '@cairn/protocol';
import type { Widgets, WidgetsOptions } from '@cairn/widgets';
import { autoPage } from '../auto-page.ts';
import { createChecklists } from './checklists.ts';
import type { EngineContext } from './engine-context.ts';
import type { ExperienceEngine, ExperienceHost } from './host.ts';
import { mergeConfigs } from './merge-configs.ts';
import { createMilestones, progressOf } from './milestones.ts';
import { fetchState } from './state-sync.ts';
import { createSurveys } from './surveys.ts';
import { createStateStore, mergeState, type StateStore } from './user-state.ts';

/** Test seams: a clock and the state store. */
export interface EngineOptions {
  now?: () => number;
  store?: StateStore;
}

const idle: ExperienceEngine = { respond() {}, dismiss() {}, completeStep() {}, openChecklist() {}, close() {} };

/**
 * Starts the experiences engine (`cairn-experiences.js`, loaded by the core only when the
 * config has milestones, checklists or surveys). It validates and merges the configs, syncs
 * the user's progress with `GET /v1/state`, counts events toward milestones, and shows
 * checklists and surveys under their targeting and restraint — loading the widgets chunk
 * only when something is to be drawn, never in headless mode.
 */
export function startExperiences(h: ExperienceHost, eo: EngineOptions = {}): ExperienceEngine {
  const config = mergeConfigs(
    h.configs,
    (cause) => h.fail('load the experience config', cause, 'fix the config'),
    (warning) => h.log.warn(`Ignored part of the experience config: ${warning}. Please remove it or update the SDK.`),
  );
  if (!config) return idle;
  const now = eo.now ?? Date.now;
  const store = eo.store ?? createStateStore();
  let widgets: Promise<Widgets | undefined> | undefined;
  const cx: EngineContext = {
    h,
    config,
    now,
    state: () => store.read(h.client._identity()),
    update: (change) => store.update(h.client._identity(), change),
    target: (s) => ({ identity: h.client._identity(), events: s.events, path: location.pathname, search: location.search, now: now(), progress: progressOf(config, s) }),
    widgets: () =>
      (widgets ??= h
        .load(h.options.host + '/cairn-widgets.js')
        .then((m) => {
          const id = h.client._identity();
          const options: WidgetsOptions = { theme: config.theme, logger: h.log };
          const locale = h.options.locale ?? (typeof id.traits.locale === 'string' ? id.traits.locale : undefined) ?? config.locale;
          if (locale) options.locale = locale;
          if (config.strings) options.strings = config.strings;
          if (h.options.nonce) options.nonce = h.options.nonce;
          return (m as { createWidgets(o: WidgetsOptions): Widgets }).createWidgets(options);
        })
        .catch((cause: unknown) => void h.fail('load the widgets', String(cause), 'check that the host serves /cairn-widgets.js'))),
    widgetsLoaded: () => !!widgets,
    headless: (id) => {
      const x = h.options.headless;
      return x === true || (Array.isArray(x) && x.includes(id));
    },
  };
  const surveys = createSurveys(cx);
  const checklists = createChecklists(cx);
  const milestones = createMilestones({
    config,
    identity: h.client._identity,
    update: cx.update,
    track: h.client.track,
    onActivated: (at, timeToValueDays) => h.emit('activated', timeToValueDays === undefined ? { at } : { at, timeToValueDays }),
  });
  // Only names some target waits for are remembered, to keep the stored state small.
  const targetEvents = new Set([...config.checklists, ...config.surveys].map((x) => x.target?.event).filter(Boolean));

  const refresh = () => {
    void checklists.refresh().catch((cause) => h.log.error('Failed to draw the checklist: it threw. Please report this bug.', cause));
    surveys.evaluate();
  };

  /** Events wait here while the user's state is being fetched, so nothing reached elsewhere is emitted again. */
  const queue: WireEvent[] = [...h.early];
  let ready = false;
  let syncedFor: string | undefined;

  /** Syncs a newly identified user; true when events must wait for it. */
  const sync = (): boolean => {
    const id = h.client._identity();
    if (!id.userId || id.userId === syncedFor) return false;
    syncedFor = id.userId;
    store.adopt(id);
    ready = false;
    void fetchState(h.options.host, h.options.writeKey, id.userId).then((server) => {
      if (server) store.update(id, (s) => Object.assign(s, mergeState(s, server)));
      pump();
    });
    return true;
  };

  const handle = (e: WireEvent) => {
    if (e.type === 'track' && e.event) {
      if (targetEvents.has(e.event) && !cx.state().events[e.event]) cx.update((s) => void (s.events[e.event!] = 1));
      milestones.see(e);
    }
  };

  function pump() {
    ready = true;
    while (ready && queue.length) {
      const e = queue.shift()!;
      if (e.type === 'identify' && sync()) {
        queue.unshift(e);
        return;
      }
      handle(e);
    }
    if (ready) refresh();
  }

  let soon = false;
  // Off the track() path: events recorded in one tick are counted together after it, with one redraw.
  const offRecord = h.client._onRecord((e) => {
    queue.push(e);
    if (soon) return;
    soon = true;
    queueMicrotask(() => {
      soon = false;
      if (ready) pump();
    });
  });
  const offPage = autoPage(refresh);
  // Another tab changed the user's progress (a step ticked, a survey shown): redraw here too.
  const onStorage = (e: StorageEvent) => e.key?.startsWith('cairn_x:') && ready && refresh();
  addEventListener('storage', onStorage);
  if (!sync()) pump();

  return {
    respond: surveys.respond,
    dismiss: (id) => surveys.dismiss(id) || checklists.dismiss(id) || h.fail('dismiss', `nothing called "${id}" is on screen or configured`, 'pass a survey or checklist id'),
    completeStep: checklists.completeStep,
    openChecklist: checklists.open,
    close(forget) {
      if (forget) store.clear();
      offRecord();
      offPage();
      removeEventListener('storage', onStorage);
      surveys.close();
      void widgets?.then((w) => w?.destroy());
    },
  };
}
