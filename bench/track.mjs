// Cost of one `track()` call in real Chromium, through the script-tag bundle.
// Run alone with `node bench/track.mjs` after `npm run build`. A local server on 127.0.0.1
// serves a blank page and dist/cairn.js and answers every batch with 200. The page is
// cross-origin isolated (COOP + COEP) because Chromium then times with 5 µs instead of 100 µs
// resolution; 10,000 calls are timed one by one (100 rounds of 100, each round its own task
// so IndexedDB writes and sends run in between, as in a real app) after 2,000 warm-up calls.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright';
import { launchOptions } from '../scripts/chromium.mjs';

const root = resolve(import.meta.dirname, '..');
const bundle = resolve(root, 'packages/sdk/dist/cairn.js');
if (!existsSync(bundle)) {
  console.error('[cairn] Failed to run the track bench: packages/sdk/dist/cairn.js is missing. Please run `npm run build` first.');
  process.exit(1);
}
const js = readFileSync(bundle);
const isolated = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

let batches = 0;
let events = 0;
const server = createServer((req, res) => {
  if (req.method === 'POST' && req.url === '/v1/batch') {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const n = JSON.parse(body).batch.length;
      batches++;
      events += n;
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ accepted: n, duplicates: 0, rejected: [] }));
    });
  } else if (req.url === '/cairn.js') {
    res.writeHead(200, { 'Content-Type': 'text/javascript', 'Cross-Origin-Resource-Policy': 'same-origin', ...isolated }).end(js);
  } else {
    res.writeHead(200, { 'Content-Type': 'text/html', ...isolated }).end('<!doctype html><title>bench</title><script src="/cairn.js"></script>');
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch(launchOptions);
const timeout = setTimeout(() => {
  console.error('[cairn] Failed to finish the track bench in 120 s. Please look for a hung page.');
  process.exit(1);
}, 120_000);
try {
  const page = await browser.newPage();
  await page.goto(url);
  const result = await page.evaluate(async () => {
    const cairn = window.cairn;
    // A burst of 12,000 events outruns the default bound of 1,000 waiting events; raise it so all arrive.
    cairn.init({ writeKey: 'wk_bench', maxQueueSize: 20_000 });
    let dropped = 0;
    cairn.on('dropped', (d) => (dropped += d.count));
    const props = { plan: 'pro', seats: 12, feature: 'reports', nested: { a: 1, b: 'two' } };
    const tick = () => new Promise((r) => setTimeout(r, 0));
    for (let i = 0; i < 2000; i++) {
      cairn.track('Warm Up', props);
      if (i % 100 === 99) await tick();
    }
    await cairn.flush();
    const times = new Float64Array(10_000);
    let total = 0;
    for (let round = 0; round < 100; round++) {
      const start = performance.now();
      for (let i = 0; i < 100; i++) {
        const t0 = performance.now();
        cairn.track('Report Shared', props);
        times[round * 100 + i] = performance.now() - t0;
      }
      total += performance.now() - start;
      await tick();
    }
    await cairn.flush();
    return { times: Array.from(times), total, isolated: crossOriginIsolated, dropped };
  });
  // Let the last batches land before reading the server's count.
  const deadline = Date.now() + 10_000;
  while (events < 12_000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));

  const sorted = result.times.sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] * 1000;
  const out = {
    at: new Date().toISOString(),
    calls: sorted.length,
    timerResolution: result.isolated ? '5 µs (cross-origin isolated)' : '100 µs',
    medianUs: +at(0.5).toFixed(1),
    p95Us: +at(0.95).toFixed(1),
    p99Us: +at(0.99).toFixed(1),
    meanUs: +((result.total * 1000) / sorted.length).toFixed(2),
    bundleMinBytes: js.length,
    bundleGzipBytes: gzipSync(js, { level: 9 }).length,
    eventsReceived: events,
    eventsDropped: result.dropped,
    batchesReceived: batches,
  };
  console.log('track()      median %s µs   p95 %s µs   p99 %s µs   mean %s µs (%s calls, timer %s)', out.medianUs, out.p95Us, out.p99Us, out.meanUs, out.calls, out.timerResolution);
  console.log('cairn.js     %s B minified, %s B gzip', out.bundleMinBytes, out.bundleGzipBytes);
  console.log('collector    %s of 12000 events in %s batches, %s dropped', out.eventsReceived, out.batchesReceived, out.eventsDropped);
  mkdirSync(resolve(root, 'bench/results'), { recursive: true });
  writeFileSync(resolve(root, 'bench/results/track.json'), `${JSON.stringify(out, null, 2)}\n`);
} finally {
  clearTimeout(timeout);
  await browser.close();
  server.close();
}
