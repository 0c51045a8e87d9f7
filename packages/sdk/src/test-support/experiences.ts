// Shared set-up of the engine's browser tests: a client whose lazy chunks load from source
// (engine) or through msw (a fake widgets module that records what it is asked to draw).
import type { ExperienceConfig, JsonObject, WireEvent } from '@cairn/protocol';
import { http, HttpResponse } from 'msw';
import { createClient } from '../client.ts';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { clearQueue, fakeCollector, sleep } from './fake-collector.ts';
import type { Cairn, InitOptions, SdkEvents } from '../types.ts';

/** What the fake widgets module saw: `[method, argument]` pairs and the latest handlers. */
export interface FakeWidgets {
  calls: [string, unknown?][];
  survey?: { onRespond(score: number, comment?: string): void; onDismiss(): void };
  checklist?: { onOpen(): void; onMinimise(): void; onDismiss(): void; onStepAction(id: string): void; onStepComplete(id: string): void };
}

const FAKE_WIDGETS = `const t = (window.__fakeWidgets ??= { calls: [] });
export function createWidgets(options) {
  t.calls.push(['create', options]);
  return {
    locale: options.locale || 'en',
    host: document.body,
    renderChecklist(view, handlers) { t.calls.push(['checklist', view]); if (handlers) t.checklist = handlers; },
    showSurvey(view, handlers) { t.calls.push(['survey', view]); t.survey = handlers; },
    hideSurvey() { t.calls.push(['hide']); },
    destroy() { t.calls.push(['destroy']); },
  };
}`;

export const fake = (): FakeWidgets => ((window as { __fakeWidgets?: FakeWidgets }).__fakeWidgets ??= { calls: [] });

export const DAY = 864e5;
export const daysAgo = (d: number) => new Date(Date.now() - d * DAY).toISOString();

/** A test bench: clients, what they recorded and emitted, and the requests for the chunks. */
export function bench(collector: ReturnType<typeof fakeCollector>) {
  const clients: Cairn[] = [];
  const loads: string[] = [];
  let widgetRequests = 0;
  let seq = 0;
  return {
    clients,
    loads,
    widgetRequests: () => widgetRequests,
    /** Call in beforeEach, after `collector.reset()`. */
    serveWidgets() {
      widgetRequests = 0;
      loads.length = 0;
      delete (window as { __fakeWidgets?: unknown }).__fakeWidgets;
      collector.use(
        http.get('*/cairn-widgets.js', () => {
          widgetRequests++;
          return new HttpResponse(FAKE_WIDGETS, { headers: { 'Content-Type': 'text/javascript' } });
        }),
      );
    },
    /** A started client; `experiences` in code unless `remote` says the collector serves them. */
    make(options: Partial<InitOptions> = {}) {
      const c = createClient({
        load: (url) => {
          loads.push(url);
          // A fresh query per load: the browser's module map would otherwise answer a second import without a request.
          return url.endsWith('/cairn-experiences.js') ? import('../experiences/index.ts') : import(/* @vite-ignore */ `${url}?n=${seq++}`);
        },
      });
      clients.push(c);
      const rec = { events: [] as WireEvent[], surveys: [] as SdkEvents['survey'][], checklists: [] as SdkEvents['checklist'][], errors: [] as string[], activated: [] as SdkEvents['activated'][] };
      c._onRecord((e) => rec.events.push(e));
      c.on('survey', (p) => rec.surveys.push(p));
      c.on('checklist', (p) => rec.checklists.push(p));
      c.on('error', (p) => rec.errors.push(p.message));
      c.on('activated', (p) => rec.activated.push(p));
      c.init({ writeKey: 'wk_x', host: location.origin, flushAt: 1000, flushInterval: 60_000, ...options });
      const named = (name: string) => rec.events.filter((e) => e.event === name).map((e) => e.properties as JsonObject);
      return { c, rec, named };
    },
    close: () => clients.splice(0).forEach((c) => c.close()),
  };
}

/** A config with defaults filled the way the tests like them: no throttle unless asked. */
export const cfg = (c: Partial<ExperienceConfig> & Record<string, unknown>): Partial<ExperienceConfig> => ({ throttle: { globalDays: 0, snoozeDays: 0 }, ...c });

/**
 * Registers what every engine test file needs: a started fake collector serving the fake
 * widgets, clean storage before each test, and the clients closed after it.
 */
export function useEngineBench() {
  const collector = fakeCollector();
  const b = bench(collector);
  beforeAll(() => collector.start());
  afterAll(() => collector.stop());
  beforeEach(async () => {
    collector.reset();
    b.serveWidgets();
    localStorage.clear();
    await clearQueue();
  });
  afterEach(async () => {
    b.close();
    await sleep(20);
  });
  return { collector, b };
}
