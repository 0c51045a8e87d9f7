// Account health at scale: 10,000 accounts, 100,000 users and 1,000,000 events (BENCH_HEALTH_EVENTS to change;
// the full run took 8.5 minutes here, PGlite 5.4 + PostgreSQL 2.8) over 90 days, on
// PGlite and on PostgreSQL (a private cluster, fsync on). Events are generated here, validated by
// the ingest path's own prepareEvents and stored through the real group-commit writer (in batches
// of 5,000, not over HTTP: bench/ingest.mjs measures HTTP ingest); the real health aggregator then
// folds them and scores every account. Then, through the app (hono `app.request`, secret key):
// the accounts list sorted by health (p95 over pages and filters), account detail (p95), and the
// delay from an event's ingest (POST /v1/batch answered) to its effect on the account's score with
// the aggregator running as in production (woken after each commit). Peak RSS is the worker
// process's (PostgreSQL's own processes are not included). Each backend runs in its own process.
// Runnable alone: `node bench/health.mjs`. BENCH_HEALTH_EVENTS overrides the event count.
// Prints a table and writes bench/results/health.json.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const ACCOUNTS = 10_000;
const USERS = 100_000;
const EVENTS = Number(process.env.BENCH_HEALTH_EVENTS ?? 1_000_000);
const DAY = 86_400_000;


async function main() {
  const { startPostgresCluster, findPostgresBin } = await import('../packages/collector/src/test-support/pg-cluster.mjs');
  const results = { at: new Date().toISOString(), node: process.version, accounts: ACCOUNTS, users: USERS, events: EVENTS, backends: {} };
  const runs = [['pglite', '']];
  let cluster;
  if (findPostgresBin()) {
    cluster = await startPostgresCluster();
    runs.push(['postgres', cluster.url]);
    for (const signal of ['SIGINT', 'SIGTERM']) {
      process.once(signal, () => {
        cluster.stop();
        process.exit(1);
      });
    }
  } else {
    process.stdout.write('[cairn] PostgreSQL is not installed: measuring PGlite only.\n');
  }
  const out = join(tmpdir(), `cairn-health-worker-${process.pid}.json`);
  try {
    for (const [name, url] of runs) {
      process.stdout.write(`\n[cairn] health bench on ${name}…\n`);
      const started = Date.now();
      const { status } = spawnSync(process.execPath, ['--import', 'tsx', '--max-old-space-size=3072', import.meta.filename, '--worker', name, url], {
        cwd: root,
        stdio: 'inherit',
        env: { ...process.env, BENCH_HEALTH_OUT: out },
        timeout: 15 * 60_000,
      });
      if (status !== 0) throw new Error(`Failed to run the health bench on ${name}: the worker exited with ${status}. Please read its output above.`);
      results.backends[name] = { ...JSON.parse(readFileSync(out, 'utf8')), wallSeconds: Math.round((Date.now() - started) / 1000) };
    }
  } finally {
    cluster?.stop();
    rmSync(out, { force: true });
  }
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, 'bench/results/health.json'), `${JSON.stringify(results, null, 2)}\n`);
  const rows = [
    ['events stored (writer, events/s)', (r) => r.ingestEventsPerSecond],
    ['aggregation (events/s)', (r) => r.aggregateEventsPerSecond],
    ['fold + first scoring (s)', (r) => r.aggregateSeconds],
    ['rescore all accounts, sweep (s)', (r) => r.rescoreSeconds],
    ['list sorted by health p50 / p95 (ms)', (r) => `${r.list.p50} / ${r.list.p95}`],
    ['list with a filter p95 (ms)', (r) => r.listFiltered.p95],
    ['account detail p50 / p95 (ms)', (r) => `${r.detail.p50} / ${r.detail.p95}`],
    ['ingest → score p50 / p95 / max (ms)', (r) => `${r.ingestToScore.p50} / ${r.ingestToScore.p95} / ${r.ingestToScore.max}`],
    ['peak RSS of the worker (MB)', (r) => r.peakRssMb],
    ['wall time (s)', (r) => r.wallSeconds],
  ];
  const names = Object.keys(results.backends);
  const table = [['', ...names], ...rows.map(([label, get]) => [label, ...names.map((n) => String(get(results.backends[n])))])];
  const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
  process.stdout.write(`\nAccount health: ${ACCOUNTS} accounts, ${USERS} users, ${EVENTS} events\n`);
  for (const row of table) process.stdout.write(`${row.map((cell, i) => cell.padEnd(widths[i])).join('  ')}\n`);
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] * 10) / 10;
}
const stats = (values) => ({ n: values.length, p50: percentile(values, 50), p95: percentile(values, 95), max: percentile(values, 100) });

/** Deterministic pseudo-random numbers (mulberry32), so every run stores the same data. */
function random(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The events of the bench in chunks: each user's group call first, then activity over 90 days. */
function* eventChunks(now, size) {
  const rnd = random(42);
  const milestones = ['created_project', 'invited_teammate', 'shared_report', 'exported_csv'];
  let chunk = [];
  let n = 0;
  const push = (event) => {
    chunk.push(event);
    n += 1;
    if (chunk.length === size) {
      const full = chunk;
      chunk = [];
      return full;
    }
    return undefined;
  };
  for (let u = 0; u < USERS && n < EVENTS; u += 1) {
    const account = u % ACCOUNTS;
    const traits = u < ACCOUNTS ? { name: `Account ${account}`, createdAt: new Date(now - (20 + (account % 300)) * DAY).toISOString(), mrr: account % 7 === 0 ? 9000 : 500, ...(account % 9 === 0 ? { contractEndAt: new Date(now + (account % 120) * DAY).toISOString() } : {}) } : {};
    const full = push({ type: 'group', messageId: `g${u}`, userId: `user-${u}`, groupId: `acct-${account}`, timestamp: new Date(now - 91 * DAY).toISOString(), traits });
    if (full) yield full;
  }
  const perUser = Math.max(1, Math.floor((EVENTS - n) / USERS));
  for (let round = 0; n < EVENTS; round += 1) {
    for (let u = 0; u < USERS && n < EVENTS; u += 1) {
      const account = u % ACCOUNTS;
      // Accounts differ in how active they are, so health spreads over the bands.
      const activity = (account % 10) / 10;
      const at = now - Math.floor(rnd() * (activity > 0.3 ? 30 : 90) * DAY) - 60_000;
      const r = rnd();
      let event;
      if (r < 0.02 && round < perUser) {
        event = { type: 'track', event: 'Milestone Reached', properties: { milestone: milestones[Math.floor(rnd() * (activity > 0.5 ? 4 : 2))] } };
      } else if (r < 0.04) {
        event = { type: 'track', event: 'Survey Responded', properties: { surveyId: 'nps', kind: 'nps', score: Math.min(10, Math.floor(rnd() * 6) + Math.round(activity * 5)), ...(rnd() < 0.2 ? { comment: 'Bench comment' } : {}) } };
      } else if (r < 0.3) {
        event = { type: 'page', name: 'Dashboard' };
      } else {
        event = { type: 'track', event: 'Report Shared', properties: { size: 1 } };
      }
      const full = push({ ...event, messageId: `e${n}`, userId: `user-${u}`, groupId: `acct-${account}`, timestamp: new Date(at).toISOString() });
      if (full) yield full;
    }
  }
  if (chunk.length > 0) yield chunk;
}

async function worker(backend, url) {
  const { createApp } = await import('../packages/collector/src/app.ts');
  const { parseConfig } = await import('../packages/collector/src/config.ts');
  const { migrate } = await import('../packages/collector/src/db/migrate.ts');
  const { createPgliteDatabase } = await import('../packages/collector/src/db/pglite-database.ts');
  const { createPostgresDatabase } = await import('../packages/collector/src/db/postgres-database.ts');
  const { createEventWriter } = await import('../packages/collector/src/ingest/event-writer.ts');
  const { prepareEvents } = await import('../packages/collector/src/ingest/prepare-events.ts');
  const { createHealthAggregator } = await import('../packages/collector/src/accounts/health-aggregator.ts');

  const config = parseConfig({
    workspaces: [
      {
        id: 'bench',
        writeKeys: ['wk_bench'],
        secretKeys: ['sk_bench'],
        rateLimit: { eventsPerSecond: 1e9, burst: 1e9 },
        health: {
          milestones: { required: ['created_project', 'invited_teammate'], all: ['shared_report', 'exported_csv'] },
          tier: { rules: [{ tier: 'A', trait: 'mrr', op: 'gte', value: 5000 }] },
          northStar: { name: 'Reports shared', event: 'Report Shared', aggregation: 'count' },
        },
      },
    ],
  });
  // PGlite on a data directory, as the CLI runs it (an in-memory PGlite keeps every file in WebAssembly memory).
  const dataDir = backend === 'pglite' ? mkdtempSync(join(tmpdir(), 'cairn-health-bench-')) : undefined;
  const db = backend === 'postgres' ? await createPostgresDatabase(url) : await createPgliteDatabase(dataDir);
  await migrate(db);
  const now = Date.now();
  const log = (message) => process.stdout.write(`[cairn] ${backend}: ${message}\n`);

  const writer = createEventWriter(db);
  let stored = 0;
  const inFlight = new Set();
  const ingestStart = performance.now();
  for (const chunk of eventChunks(now, 5000)) {
    const { rows, rejected } = prepareEvents(chunk, { workspaceId: 'bench', receivedAt: now });
    if (rejected.length > 0) throw new Error(`Failed to prepare bench events: ${JSON.stringify(rejected[0])}. Please fix the generator.`);
    const write = writer.write(rows).then((result) => {
      stored += result.accepted;
      inFlight.delete(write);
    });
    inFlight.add(write);
    if (inFlight.size >= 8) await Promise.race(inFlight);
    if (stored > 0 && stored % 100_000 < 5000) log(`${stored} events stored`);
  }
  // Every write is answered here; writer.drain() is not awaited: it can miss its wake-up when called between a
  // write's answer and the writer's scheduled (then empty) pump — reported to the ingest owner.
  await Promise.all(inFlight);
  const ingestSeconds = (performance.now() - ingestStart) / 1000;
  log(`${stored} events stored in ${ingestSeconds.toFixed(1)} s`);

  // Fold everything as a start-up backlog would be, then time the first scoring separately.
  // No sweep on start: the bench sweeps (and times it) itself before probing the ingest → score delay.
  const aggregator = createHealthAggregator({ db, config, now: () => Date.now(), batchSize: 20_000, sweepIntervalMs: 0, sweepOnStart: false });
  const aggregateStart = performance.now();
  await aggregator.catchUp();
  const aggregateSeconds = (performance.now() - aggregateStart) / 1000;
  const scored = await db.query('SELECT count(*)::int AS n FROM account_scores');
  log(`folded and scored ${scored[0].n} accounts in ${aggregateSeconds.toFixed(1)} s`);
  const rescoreStart = performance.now();
  const swept = await aggregator.sweep();
  const rescoreSeconds = (performance.now() - rescoreStart) / 1000;
  log(`rescored ${swept} accounts in ${rescoreSeconds.toFixed(1)} s`);

  const app = createApp({ db, config, aggregator });
  const auth = { headers: { authorization: 'Bearer sk_bench' } };
  const time = async (path) => {
    const t = performance.now();
    const res = await app.request(path, auth);
    const body = await res.json();
    if (res.status !== 200) throw new Error(`Failed to GET ${path}: ${res.status} ${JSON.stringify(body)}. Please check the bench.`);
    return { ms: performance.now() - t, body };
  };
  for (let i = 0; i < 20; i += 1) await time('/v1/accounts?sort=health&limit=50'); // warm-up
  const list = [];
  let cursor = null;
  for (let i = 0; i < 200; i += 1) {
    const { ms, body } = await time(`/v1/accounts?sort=health&limit=50${cursor && i % 10 !== 0 ? `&cursor=${cursor}` : ''}`);
    list.push(ms);
    cursor = body.next;
  }
  const filtered = [];
  const filters = ['band=red', 'flag=detractor_90d', 'tier=A', 'stage=renewal', 'q=account 12', 'sort=-nps', 'sort=name', 'sort=lastSeenAt'];
  for (let i = 0; i < 160; i += 1) filtered.push((await time(`/v1/accounts?${filters[i % filters.length]}&limit=50`)).ms);
  const detail = [];
  const rnd = random(7);
  for (let i = 0; i < 20; i += 1) await time(`/v1/accounts/acct-${i}`);
  for (let i = 0; i < 300; i += 1) detail.push((await time(`/v1/accounts/acct-${Math.floor(rnd() * ACCOUNTS)}`)).ms);

  // Ingest → score, with the aggregator running as the app runs it.
  aggregator.start();
  const delays = [];
  for (let i = 0; i < 30; i += 1) {
    const account = `acct-${Math.floor(rnd() * ACCOUNTS)}`;
    const before = (await time(`/v1/accounts/${account}`)).body.usage.eventsLast30d;
    const res = await app.request('/v1/batch', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from('wk_bench:').toString('base64')}` },
      body: JSON.stringify({ batch: [{ type: 'track', event: 'Report Shared', messageId: `probe-${i}`, userId: `probe-user-${i}`, groupId: account, timestamp: new Date().toISOString() }] }),
    });
    if (res.status !== 200) throw new Error(`Failed to ingest the probe: ${res.status}. Please check the bench.`);
    const acknowledged = performance.now();
    for (;;) {
      const { body } = await time(`/v1/accounts/${account}`);
      if (body.usage.eventsLast30d > before) break;
      if (performance.now() - acknowledged > 30_000) throw new Error('Failed to see the probe event in the score within 30 s. Please check the aggregator.');
      await new Promise((r) => setTimeout(r, 2));
    }
    delays.push(performance.now() - acknowledged);
  }
  await aggregator.stop();
  await db.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });

  const result = {
    ingestEventsPerSecond: Math.round(stored / ingestSeconds),
    aggregateEventsPerSecond: Math.round(stored / aggregateSeconds),
    aggregateSeconds: Math.round(aggregateSeconds * 10) / 10,
    rescoreSeconds: Math.round(rescoreSeconds * 10) / 10,
    list: stats(list),
    listFiltered: stats(filtered),
    detail: stats(detail),
    ingestToScore: stats(delays),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  writeFileSync(process.env.BENCH_HEALTH_OUT, JSON.stringify(result));
  log(JSON.stringify(result));
}

// Dispatch last: the helpers above are `const`s that must be initialised first.
if (process.argv[2] === '--worker') {
  await worker(process.argv[3], process.argv[4]);
} else {
  await main();
}
