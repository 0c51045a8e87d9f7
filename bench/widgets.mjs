// Experiences and widgets: what they weigh and what they cost in the browser.
// Run alone with `node bench/widgets.mjs` after `npm run build`.
// (a) min+gzip bytes of Cairn's core, engine and widgets chunks beside the peers' files from
//     node_modules, measured in the same run (gzip -9 of the files as shipped).
// (b) in Chromium: from `track()` of an event that targets a survey (delay 0) to the prompt's
//     dialog being painted, with every chunk in the HTTP cache (new page per run, median).
// (c) the longest main-thread task during page load that runs Cairn's code: a Chromium trace
//     (devtools.timeline), RunTask events on the renderer main thread that contain script work
//     attributed to a /cairn*.js URL; a page whose config shows a checklist at load (core,
//     engine and widgets all run). Also with 4x CPU throttling (a mid-range phone).
// A local server on 127.0.0.1 serves the built files and stub config/state/batch endpoints.
// CAIRN_BENCH_DEBUG=1 prints the longest Cairn tasks of each traced load with what ran inside them.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright';
import { launchOptions } from '../scripts/chromium.mjs';

const root = resolve(import.meta.dirname, '..');
const at = (p) => resolve(root, p);
const files = {
  core: at('packages/sdk/dist/cairn.js'),
  engine: at('packages/sdk/dist/cairn-experiences.js'),
  widgets: at('packages/widgets/dist/cairn-widgets.js'),
};
for (const f of Object.values(files)) {
  if (!existsSync(f)) {
    console.error(`[cairn] Failed to run the widgets bench: ${f} is missing. Please run \`npm run build\` first.`);
    process.exit(1);
  }
}
const RUNS = 20;

// ---- (a) sizes -------------------------------------------------------------------------
const size = (file) => {
  const buf = readFileSync(file);
  return { file: file.replace(root + '/', ''), minBytes: buf.length, gzipBytes: gzipSync(buf, { level: 9 }).length };
};
const peer = (rel) => (existsSync(at(rel)) ? size(at(rel)) : { file: rel, missing: true });
const sizes = {
  cairn: { core: size(files.core), engine: size(files.engine), widgets: size(files.widgets) },
  posthog: { array: peer('node_modules/posthog-js/dist/array.js'), surveys: peer('node_modules/posthog-js/dist/surveys.js') },
  // @formbricks/js on npm is only the loader: its core and surveys (`/js/formbricks.umd.cjs`) are
  // served by the Formbricks app and are in no npm package, so only the loader can be counted here.
  formbricks: { loader: peer('node_modules/@formbricks/js/dist/index.js') },
};
const sum = (o) => Object.values(o).reduce((n, s) => n + (s.gzipBytes ?? 0), 0);
const totals = {
  cairnCoreEngineWidgets: sum(sizes.cairn),
  posthogArraySurveys: sum(sizes.posthog),
  formbricksLoaderOnly: sum(sizes.formbricks),
};

// ---- stub collector --------------------------------------------------------------------
const survey = { id: 'nps', kind: 'nps', question: 'How likely are you to recommend us?', target: { event: 'Bench Trigger' } };
const configs = {
  survey: { milestones: [{ id: 'ready', event: 'Bench Ready' }], surveys: [survey], throttle: { globalDays: 0, snoozeDays: 0 } },
  empty: { milestones: [], checklists: [], surveys: [] },
  load: {
    milestones: [{ id: 'created', event: 'Project Created', required: true }],
    checklists: [{ id: 'onb', title: 'Get started', steps: [{ id: 's1', title: 'Create a project', milestone: 'created' }, { id: 's2', title: 'Take the tour', manual: true }] }],
    surveys: [survey],
  },
};
let scenario = 'survey';
const js = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, readFileSync(f)]));
const page = (extra) => `<!doctype html><title>bench</title><script>performance.mark('cairn-script-start')</script>
<script src="/cairn.js"></script><script>performance.mark('cairn-script-end');cairn.init({ writeKey: 'wk_bench', flushInterval: 60000 });performance.mark('cairn-init-end');${extra}</script>`;
const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  const send = (status, type, body, headers = {}) => res.writeHead(status, { 'Content-Type': type, ...headers }).end(body);
  const chunk = { '/cairn.js': js.core, '/cairn-experiences.js': js.engine, '/cairn-widgets.js': js.widgets }[url.pathname];
  if (chunk) return send(200, 'text/javascript', chunk, { 'Cache-Control': 'public, max-age=3600' });
  if (url.pathname === '/v1/config') return send(200, 'application/json', JSON.stringify({ config: configs[scenario] }), { ETag: `"${scenario}"` });
  if (url.pathname === '/v1/state') return send(200, 'application/json', '{"milestones":{},"checklists":{},"surveys":{}}');
  if (url.pathname === '/v1/batch') {
    req.resume();
    return req.on('end', () => send(200, 'application/json', '{"accepted":0,"duplicates":0,"rejected":[]}'));
  }
  send(200, 'text/html', page(url.pathname === '/load' ? `cairn.identify('u-load');cairn.track('Page Opened');` : ''));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch(launchOptions);
const timeout = setTimeout(() => {
  console.error('[cairn] Failed to finish the widgets bench in 180 s. Please look for a hung page.');
  process.exit(1);
}, 180_000);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (x, d = 1) => +x.toFixed(d);

try {
  const context = await browser.newContext();

  // ---- (b) trigger → visible prompt ------------------------------------------------------
  /** One page: wait until the engine runs (a milestone is recorded), then time the trigger. */
  const triggerRun = async (i) => {
    const p = await context.newPage();
    // A fresh user per run: the HTTP cache stays, the stored identity and progress go.
    await p.addInitScript(() => localStorage.clear());
    await p.goto(origin + '/');
    const ms = await p.evaluate(async (user) => {
      const cairn = window.cairn;
      const dialog = () => document.querySelector('cairn-widgets')?.shadowRoot?.querySelector('[role="dialog"]');
      /** Identifies a new user and waits until the engine runs for them (their milestone is recorded). */
      const ready = (id) =>
        new Promise((resolveReady) => {
          const off = cairn._onRecord((e) => e.event === 'Milestone Reached' && (off(), resolveReady()));
          cairn.identify(id);
          cairn.track('Bench Ready');
        });
      const time = async () => {
        const t0 = performance.now();
        cairn.track('Bench Trigger');
        await new Promise((done) => {
          const check = () => (dialog() ? requestAnimationFrame(() => done()) : requestAnimationFrame(check));
          check();
        });
        // The frame after the dialog entered the DOM: it has been laid out and painted.
        return performance.now() - t0;
      };
      await ready(user);
      const first = await time();
      // A second prompt in the same page: the widgets module is already evaluated, only the render remains.
      cairn.dismiss('nps');
      await new Promise((r) => setTimeout(r, 50));
      await ready(user + '-again');
      const again = await time();
      return { first, again };
    }, `bench-${i}`);
    await p.close();
    return ms;
  };
  scenario = 'survey';
  const firstUncached = (await triggerRun(-1)).first;
  const pairs = [];
  for (let i = 0; i < RUNS; i++) pairs.push(await triggerRun(i));
  const runs = pairs.map((r) => r.first);
  const warm = pairs.map((r) => r.again);

  // ---- track() with the engine running, beside a page whose config is empty (no engine) ----
  const trackCost = async (withEngine) => {
    scenario = withEngine ? 'survey' : 'empty';
    const p = await context.newPage();
    await p.addInitScript(() => localStorage.clear());
    await p.goto(origin + '/');
    const us = await p.evaluate(async (engine) => {
      const cairn = window.cairn;
      const tick = () => new Promise((r) => setTimeout(r, 0));
      if (engine) {
        await new Promise((r) => {
          const off = cairn._onRecord((e) => e.event === 'Milestone Reached' && (off(), r()));
          cairn.track('Bench Ready');
        });
      } else await new Promise((r) => setTimeout(r, 300));
      const props = { plan: 'pro', seats: 12 };
      let total = 0;
      for (let round = 0; round < 30; round++) {
        // Each round's work after track() returns (the engine's microtask) is timed too: it runs before the next task.
        const t0 = performance.now();
        for (let i = 0; i < 100; i++) cairn.track('Report Viewed', props);
        await Promise.resolve();
        total += performance.now() - t0;
        await tick();
      }
      return (total * 1000) / 3000;
    }, withEngine);
    await p.close();
    return round(us, 1);
  };
  const withE = [];
  const withoutE = [];
  // Alternated, median of 5 each: the box is shared and noisy.
  for (let i = 0; i < 5; i++) {
    withoutE.push(await trackCost(false));
    withE.push(await trackCost(true));
  }
  const trackUs = { withEngineMeanUs: median(withE), withoutEngineMeanUs: median(withoutE) };

  // ---- (c) longest main-thread task caused by Cairn during load ---------------------------
  scenario = 'load';
  const loadRun = async (throttle, traced) => {
    const p = await context.newPage();
    await p.addInitScript(() => localStorage.clear());
    const cdp = await context.newCDPSession(p);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    if (!traced) {
      await p.goto(origin + '/load');
      await p.waitForFunction(() => document.querySelector('cairn-widgets')?.shadowRoot?.querySelector('button'), null, { timeout: 15_000 });
      const m = await p.evaluate(() => {
        const t = (n) => performance.getEntriesByName(n)[0]?.startTime ?? NaN;
        const res = performance.getEntriesByName(location.origin + '/cairn.js')[0];
        // Script start → end spans the fetch too: take the response end as the start of evaluation.
        return { evalMs: t('cairn-script-end') - Math.max(t('cairn-script-start'), res?.responseEnd ?? 0), initMs: t('cairn-init-end') - t('cairn-script-end') };
      });
      await p.close();
      return m;
    }
    await browser.startTracing(p, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
    await p.goto(origin + '/load');
    await p.waitForFunction(() => document.querySelector('cairn-widgets')?.shadowRoot?.querySelector('button'), null, { timeout: 15_000 });
    await p.waitForTimeout(300);
    const trace = JSON.parse((await browser.stopTracing()).toString());
    await p.close();
    const events = trace.traceEvents;
    const mainTid = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((x) => x.pid === e.pid && x.name === 'EvaluateScript' && x.args?.data?.url?.includes('/cairn.js')));
    const onMain = events.filter((e) => mainTid && e.pid === mainTid.pid && e.tid === mainTid.tid);
    // Script work only (compile, evaluate, callbacks) — not the parser's request for the file.
    const SCRIPT = new Set(['EvaluateScript', 'FunctionCall', 'v8.compile', 'v8.compileModule', 'v8.evaluateModule', 'v8.produceModuleCache', 'EventDispatch', 'TimerFire']);
    const cairnWork = onMain.filter((e) => e.ph === 'X' && SCRIPT.has(e.name) && /\/cairn[-\w]*\.js/.test(e.args?.data?.url ?? ''));
    const slice = cairnWork.reduce((m, e) => (e.dur > m.dur ? e : m), { dur: 0 });
    const tasks = onMain.filter((e) => e.name === 'RunTask' && e.ph === 'X');
    let longest = { ms: 0, what: '' };
    for (const t of tasks) {
      const inside = cairnWork.filter((e) => e.ts >= t.ts && e.ts <= t.ts + t.dur);
      if (inside.length && t.dur / 1000 > longest.ms) longest = { ms: t.dur / 1000, what: [...new Set(inside.map((e) => `${e.name} ${e.args.data.url.replace(origin, '')}`))].slice(0, 3).join(', ') };
    }
    const cairnTasks = tasks.filter((t) => cairnWork.some((e) => e.ts >= t.ts && e.ts <= t.ts + t.dur));
    if (process.env.CAIRN_BENCH_DEBUG) {
      for (const t of [...cairnTasks].sort((a, b) => b.dur - a.dur).slice(0, 4)) {
        const inside = onMain.filter((e) => e.ph === 'X' && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + t.dur && e.dur > 500).map((e) => `${e.name}${e.args?.data?.url ? ' ' + e.args.data.url.replace(origin, '') : ''}${e.args?.data?.functionName ? ' ' + e.args.data.functionName : ''} ${(e.dur / 1000).toFixed(1)}`);
        console.log(`  task ${(t.dur / 1000).toFixed(1)} ms: ${inside.slice(0, 12).join(' | ')}`);
      }
    }
    return {
      cpuThrottle: throttle,
      longestTaskMs: round(longest.ms, 2),
      longestTaskRuns: longest.what,
      longestCairnScriptMs: round(slice.dur / 1000, 2),
      longestCairnScript: slice.name ? `${slice.name} ${slice.args.data.url.replace(origin, '')}` : '',
      cairnTasks: cairnTasks.length,
      cairnTasksTotalMs: round(cairnTasks.reduce((n, t) => n + t.dur / 1000, 0), 2),
    };
  };
  const load = [];
  for (const throttle of [1, 4]) {
    const samples = [];
    const marks = [];
    for (let i = 0; i < 5; i++) samples.push(await loadRun(throttle, true));
    for (let i = 0; i < 5; i++) marks.push(await loadRun(throttle, false));
    // The median run by its longest task (noise on a shared 2-core box is large).
    samples.sort((a, b) => a.longestTaskMs - b.longestTaskMs);
    load.push({
      ...samples[2],
      longestTaskMsAllRuns: samples.map((s) => s.longestTaskMs),
      coreEvalMs: round(median(marks.map((m) => m.evalMs)), 2),
      coreInitMs: round(median(marks.map((m) => m.initMs)), 2),
    });
  }

  const out = {
    at: new Date().toISOString(),
    sizes,
    totalsGzipBytes: totals,
    triggerToVisible: { runs: RUNS, medianMs: round(median(runs)), minMs: round(Math.min(...runs)), maxMs: round(Math.max(...runs)), firstLoadUncachedMs: round(firstUncached), secondPromptSamePageMedianMs: round(median(warm)) },
    trackWithEngine: trackUs,
    pageLoad: load,
    notes: [
      'sizes are gzip -9 of the files as shipped in dist/ and node_modules',
      'formbricks: @formbricks/js on npm is the loader only; its core and surveys are served by the Formbricks app and are not in any npm package',
      'triggerToVisible: new page per run, chunks in the HTTP cache, from track() to the frame after the dialog entered the shadow root',
      'pageLoad: median of 5 traced loads per CPU throttle; the longest RunTask on the main thread that contains script work attributed to a /cairn*.js URL',
    ],
  };
  const kb = (b) => (b / 1024).toFixed(1).padStart(6) + ' KB';
  const row = (name, s) => console.log(`  ${name.padEnd(34)} ${s.missing ? '   missing' : kb(s.minBytes) + ' min  ' + kb(s.gzipBytes) + ' gzip'}`);
  console.log('(a) sizes, minified + gzip -9');
  row('cairn core      cairn.js', sizes.cairn.core);
  row('cairn engine    cairn-experiences.js', sizes.cairn.engine);
  row('cairn widgets   cairn-widgets.js', sizes.cairn.widgets);
  row('posthog-js      array.js', sizes.posthog.array);
  row('posthog-js      surveys.js', sizes.posthog.surveys);
  row('@formbricks/js  loader (index.js)', sizes.formbricks.loader);
  console.log(`  totals gzip: cairn ${kb(totals.cairnCoreEngineWidgets)} | posthog ${kb(totals.posthogArraySurveys)} | formbricks loader only ${kb(totals.formbricksLoaderOnly)} (core+surveys not on npm)`);
  const t = out.triggerToVisible;
  console.log(`(b) trigger → visible prompt, chunks cached: median ${t.medianMs} ms (min ${t.minMs}, max ${t.maxMs}, ${RUNS} runs); first load uncached ${t.firstLoadUncachedMs} ms; a second prompt in the same page (chunk evaluated) ${t.secondPromptSamePageMedianMs} ms`);
  console.log(`    track() mean incl. the engine's per-tick work: ${trackUs.withEngineMeanUs} µs with the engine, ${trackUs.withoutEngineMeanUs} µs with an empty config (no engine)`);
  console.log('(c) page load, longest main-thread task running Cairn code');
  for (const l of load) {
    console.log(`  CPU x${l.cpuThrottle}: ${l.longestTaskMs} ms (runs ${l.longestTaskMsAllRuns.join(', ')}) — ${l.longestTaskRuns}; its longest Cairn script slice ${l.longestCairnScriptMs} ms (${l.longestCairnScript}); ${l.cairnTasks} Cairn tasks, ${l.cairnTasksTotalMs} ms total; core eval ${l.coreEvalMs} ms, init ${l.coreInitMs} ms`);
  }
  mkdirSync(at('bench/results'), { recursive: true });
  writeFileSync(at('bench/results/widgets.json'), `${JSON.stringify(out, null, 2)}\n`);
} finally {
  clearTimeout(timeout);
  await browser.close();
  server.close();
}
