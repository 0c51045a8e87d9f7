// The minified script-tag bundle itself, as a page gets it: snippet stub first, then dist/cairn.js.
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest';
import type { Installed } from './install.ts';
import { snippet } from './snippet.ts';
import { clearQueue, fakeCollector, until } from './test-support/fake-collector.ts';

const bundles = import.meta.glob('../dist/cairn.js', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const collector = fakeCollector();
const w = window as { cairn?: unknown };

/** Runs code the way a page runs an inline <script>. */
function inline(code: string) {
  const el = document.createElement('script');
  el.textContent = code;
  document.body.append(el);
  el.remove();
}

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
});

test('dist/cairn.js replays the stub and becomes window.cairn', async () => {
  const js = bundles['../dist/cairn.js'];
  if (!js) throw new Error('Failed to load the bundle: packages/sdk/dist/cairn.js is missing. Please run `npm run build` first.');
  inline(/<script>([\s\S]*)<\/script>/.exec(snippet('http://127.0.0.1:9', 'wk_bundle'))![1]!);
  const stub = w.cairn as Record<string, (...a: unknown[]) => void>;
  stub.identify!('u1');
  stub.track!('Before Load');
  // An inline script has no src: the bundle falls back to the page origin, where msw answers.
  inline(js);
  const api = w.cairn as Installed;
  expect(api._real).toBe(true);
  api.track('After Load');
  await api.flush();
  await until(() => collector.events().length === 3, 'three events');
  expect(collector.events().map((e) => e.event ?? e.type)).toEqual(['identify', 'Before Load', 'After Load']);
  expect(collector.requests[0]!.body.writeKey).toBe('wk_bundle');
  inline(js);
  expect(w.cairn).toBe(api);
});
