import type { WireEvent } from '@cairn/protocol';
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest';
import html from '../snippet.html?raw';
import { createClient } from './client.ts';
import { install, type Installed } from './install.ts';
import { SNIPPET, snippet } from './snippet.ts';
import { clearQueue, fakeCollector, until } from './test-support/fake-collector.ts';

const collector = fakeCollector();
const w = window as { cairn?: unknown };
// Port 9 refuses connections: the snippet's script tag fails to load, so the test installs by hand.
const deadHost = 'http://127.0.0.1:9';

/** Runs the snippet's inline script the way a page would (an inline <script> runs on insertion). */
function runSnippet(text = snippet(deadHost, 'wk_snip')) {
  const code = /<script>([\s\S]*)<\/script>/.exec(text)![1]!;
  const el = document.createElement('script');
  el.textContent = code;
  document.body.append(el);
  el.remove();
}

const names = (events: WireEvent[]) => events.map((e) => e.event ?? e.type);

beforeAll(() => collector.start());
afterAll(() => collector.stop());
beforeEach(async () => {
  collector.reset();
  localStorage.clear();
  await clearQueue();
});
afterEach(() => {
  (w.cairn as Installed | undefined)?.close?.();
  delete w.cairn;
  document.querySelectorAll(`script[src^="${deadHost}"]`).forEach((s) => s.remove());
});

test('snippet.html and the exported SNIPPET are the same text', () => {
  expect(html).toBe(SNIPPET);
  expect(snippet('https://c.example.com/', 'wk_1"</script>')).toContain('s.src="https://c.example.com/cairn.js"');
  expect(snippet('https://c.example.com', 'wk_1"</script>')).toContain('writeKey:"wk_1script"');
});

test('calls made before the script loads are replayed in order, init first, then window.cairn is the real client', async () => {
  runSnippet();
  const stub = w.cairn as unknown as Record<string, (...a: unknown[]) => void> & unknown[];
  stub.identify!('u1', { plan: 'pro' });
  stub.track!('First');
  stub.group!('acme');
  stub.track!('Second', { n: 2 });
  expect(stub.map((call) => (call as unknown[])[0])).toEqual(['init', 'identify', 'track', 'group', 'track']);
  expect(document.querySelector(`script[src="${deadHost}/cairn.js"]`)).not.toBeNull();

  const api = install(w, createClient, { src: location.origin + '/cairn.js' });
  expect(w.cairn).toBe(api);
  api.track('Third');
  api.push(['track', 'Fourth']);
  await api.flush();
  await until(() => collector.events().length === 6, 'six events');
  expect(names(collector.events())).toEqual(['identify', 'First', 'group', 'Second', 'Third', 'Fourth']);
  expect(collector.requests[0]!.body.writeKey).toBe('wk_snip');
  const [, first, group, second] = collector.events();
  expect(first).toMatchObject({ userId: 'u1' });
  expect(group).toMatchObject({ groupId: 'acme', userId: 'u1' });
  expect(second).toMatchObject({ userId: 'u1', groupId: 'acme', properties: { n: 2 } });
});

test('the snippet twice and the script twice make one client with one init', async () => {
  runSnippet();
  runSnippet();
  const stub = w.cairn as unknown[];
  expect(stub).toHaveLength(1);
  expect(document.querySelectorAll(`script[src="${deadHost}/cairn.js"]`)).toHaveLength(1);
  let made = 0;
  const make = (deps: Parameters<typeof createClient>[0]) => (made++, createClient(deps));
  const first = install(w, make, { src: location.origin + '/cairn.js' });
  const second = install(w, make, { src: location.origin + '/cairn.js' });
  expect(second).toBe(first);
  expect(made).toBe(1);
});

test('without a script src the page origin is the host, and unknown stub methods are ignored', async () => {
  w.cairn = [['init', { writeKey: 'wk_x' }], ['nope', 1], 'garbage', ['track', 'Ok']];
  const api = install(w, createClient, null);
  await api.flush();
  await until(() => collector.events().length, 'the event');
  expect(names(collector.events())).toEqual(['Ok']);
});

test('the stub queues the headless methods too; they reach the experiences engine once it runs', async () => {
  collector.served.config = { checklists: [{ id: 'onb', title: 'Start', steps: [{ id: 'tour', title: 'Tour', manual: true }, { id: 'b', title: 'B', manual: true }] }] };
  runSnippet();
  const stub = w.cairn as unknown as Record<string, (...a: unknown[]) => void>;
  for (const m of ['respond', 'dismiss', 'completeStep', 'openChecklist']) expect(typeof stub[m], m).toBe('function');
  stub.completeStep!('onb', 'tour');
  const drawn: unknown[] = [];
  const widgets = { createWidgets: () => ({ renderChecklist: (v: unknown) => drawn.push(v), showSurvey() {}, hideSurvey() {}, destroy() {} }) };
  const load = (url: string) => (url.endsWith('/cairn-experiences.js') ? import('./experiences/index.ts') : Promise.resolve(widgets));
  const make = (deps: Parameters<typeof createClient>[0]) => createClient({ ...deps, load });
  const api = install(w, make, { src: location.origin + '/cairn.js' });
  await until(async () => (await api.flush(), collector.events().some((e) => e.event === 'Checklist Step Completed')), 'the step completed');
  expect(collector.events().find((e) => e.event === 'Checklist Step Completed')!.properties).toEqual({ checklistId: 'onb', stepId: 'tour' });
  expect(drawn.length).toBeGreaterThan(0);
});
