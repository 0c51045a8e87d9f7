// The lazy chunks: the widgets load only when a survey or checklist is to be drawn, and the
// real built chunks (dist/cairn-experiences.js, widgets' dist/cairn-widgets.js) work together.
import type { SurveyView } from '@cairn/widgets';
import { http, HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { createClient } from '../client.ts';
import { sleep, until } from '../test-support/fake-collector.ts';
import { useEngineBench, cfg, fake } from '../test-support/experiences.ts';
import type { Cairn } from '../types.ts';

const built = import.meta.glob(['../../dist/cairn-experiences.js', '../../../widgets/dist/cairn-widgets.js'], { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const { collector, b } = useEngineBench();
const survey = cfg({ surveys: [{ id: 'nps', kind: 'nps', question: 'How likely? <b>bold</b>', target: { event: 'Report Shared' } }] });

test('no widgets request until a survey is to be shown; then one, drawn and answered through its handlers', async () => {
  const a = b.make({ experiences: survey });
  a.c.track('Report Viewed');
  await until(() => b.loads.length, 'the engine');
  await sleep(150);
  expect(b.widgetRequests()).toBe(0);
  a.c.track('Report Shared');
  await until(() => fake().survey, 'the survey drawn');
  expect(b.widgetRequests()).toBe(1);
  expect(fake().calls.find(([m]) => m === 'survey')![1] as SurveyView).toEqual({ id: 'nps', kind: 'nps', question: 'How likely? <b>bold</b>' });
  expect(a.rec.surveys).toHaveLength(1);
  fake().survey!.onRespond(3, 'slow');
  expect(a.named('Survey Responded')).toEqual([{ surveyId: 'nps', kind: 'nps', score: 3, comment: 'slow' }]);
  // The widget hides itself after its thank-you: the engine must not withdraw it.
  await sleep(20);
  expect(fake().calls.some(([m]) => m === 'hide')).toBe(false);
});

test("the widgets' locale: the user's locale trait, then the config's", async () => {
  const a = b.make({ experiences: { ...survey, locale: 'zh-CN' } });
  a.c.identify('u1', { locale: 'ar' });
  a.c.track('Report Shared');
  await until(() => fake().survey, 'the survey drawn');
  expect(fake().calls[0]).toEqual(['create', expect.objectContaining({ locale: 'ar' })]);
  b.close();
  localStorage.clear();
  delete (window as { __fakeWidgets?: unknown }).__fakeWidgets;
  const c = b.make({ experiences: { ...survey, locale: 'zh-CN' } });
  c.c.track('Report Shared');
  await until(() => fake().survey, 'the survey drawn again');
  expect(fake().calls[0]).toEqual(['create', expect.objectContaining({ locale: 'zh-CN' })]);
});

test('dismiss() from the page withdraws the drawn survey', async () => {
  const a = b.make({ experiences: survey });
  a.c.track('Report Shared');
  await until(() => fake().survey, 'the survey drawn');
  a.c.dismiss('nps');
  await until(() => fake().calls.some(([m]) => m === 'hide'), 'hideSurvey');
  expect(a.named('Survey Dismissed')).toEqual([{ surveyId: 'nps', kind: 'nps' }]);
});

test('headless per experience: the listed survey goes to on("survey"), the checklist to the widgets', async () => {
  const a = b.make({
    headless: ['nps'],
    experiences: { ...survey, checklists: [{ id: 'onb', title: 'Start', steps: [{ id: 's', title: 'S', manual: true }] }] },
  });
  a.c.track('Report Shared');
  await until(() => a.rec.surveys.length && fake().checklist, 'the survey event and the drawn checklist');
  expect(fake().calls.some(([m]) => m === 'survey')).toBe(false);
  a.c.respond('nps', 10);
  expect(a.named('Survey Responded')).toEqual([{ surveyId: 'nps', kind: 'nps', score: 10 }]);
  await sleep(20);
  expect(fake().calls.some(([m]) => m === 'hide')).toBe(false);
});

test('a widgets chunk that fails to load is reported and the survey does not count as shown', async () => {
  collector.use(http.get('*/cairn-widgets.js', () => new HttpResponse('nope', { status: 500 })));
  const a = b.make({ experiences: survey });
  a.c.track('Report Shared');
  await until(() => a.rec.errors.length, 'the error');
  expect(a.rec.errors[0]).toMatch(/^Failed to load the widgets: .*\. Please check that the host serves \/cairn-widgets\.js\.$/);
  expect(a.named('Survey Shown')).toEqual([]);
});

test('the built engine and widgets chunks, loaded by URL, show a survey in the shadow root', async () => {
  const engine = built['../../dist/cairn-experiences.js'];
  const widgets = built['../../../widgets/dist/cairn-widgets.js'];
  if (!engine || !widgets) throw new Error('Failed to load the chunks: a dist file is missing. Please run `npm run build` first.');
  const hits: string[] = [];
  const js = (body: string) => () => new HttpResponse(body, { headers: { 'Content-Type': 'text/javascript' } });
  collector.use(
    http.get('*/cairn-experiences.js', (r) => (hits.push(new URL(r.request.url).pathname), js(engine)())),
    http.get('*/cairn-widgets.js', (r) => (hits.push(new URL(r.request.url).pathname), js(widgets)())),
  );
  // A host of its own: the browser's module map must not answer from an earlier import.
  const host = `http://${location.hostname === 'localhost' ? '127.0.0.1' : 'localhost'}:${location.port}`;
  // Default throttle: the dismissed survey snoozes instead of coming straight back.
  collector.served.config = { surveys: survey.surveys };
  const c: Cairn = createClient();
  b.clients.push(c);
  c.init({ writeKey: 'wk_x', host, flushAt: 1000, flushInterval: 60_000 });
  c.track('Report Shared');
  const root = await until(() => document.querySelector('cairn-widgets')?.shadowRoot?.querySelector('[role="dialog"]'), 'the survey dialog', 8000);
  expect(hits).toEqual(['/cairn-experiences.js', '/cairn-widgets.js']);
  expect(root!.textContent).toContain('How likely? <b>bold</b>');
  c.dismiss('nps');
  await until(() => !document.querySelector('cairn-widgets')?.shadowRoot?.querySelector('[role="dialog"]'), 'the dialog gone');
});
