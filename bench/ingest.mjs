// Ingest throughput: autocannon on 127.0.0.1 posting batches of 20 events (unique messageIds)
// against (a) a bare hono endpoint that parses and discards the body, (b) the collector on
// PGlite, (c) the collector on PostgreSQL (a private cluster, fsync on). Prints a table and
// writes bench/results/ingest.json. Runnable alone: `node bench/ingest.mjs` (builds the CLI if missing).
// The load generator (autocannon) runs in this process, each server in its own child process, all
// started the same way; CPU seconds are recorded per side (load generator, server, PostgreSQL's
// processes) so a reader can tell whether a row was limited by the server or by the shared cores.
// BENCH_COMPARE=<path to another cli.js> adds rows for that build (e.g. the previous commit's),
// measured in the same run, for before/after figures.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { freePort, startPostgresCluster } from '../packages/collector/src/test-support/pg-cluster.mjs';

const root = resolve(import.meta.dirname, '..');
const cli = join(root, 'packages/collector/dist/cli.js');
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const EVENTS_PER_BATCH = 20;
const COMPARE = process.env.BENCH_COMPARE ? resolve(process.env.BENCH_COMPARE) : undefined;

if (!existsSync(cli)) {
  const { status } = spawnSync('npx', ['vite', 'build', '--mode', 'collector', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (status !== 0) process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), 'cairn-bench-'));
const configPath = join(work, 'cairn.config.json');
writeFileSync(configPath, JSON.stringify({ workspaces: [{ id: 'bench', writeKeys: ['wk_bench'], secretKeys: ['sk_bench'], rateLimit: { eventsPerSecond: 1e9, burst: 1e9 } }] }));

const BARE = `
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
const app = new Hono();
app.post('/v1/batch', async (c) => {
  const body = JSON.parse(await c.req.text());
  return c.json({ accepted: body.batch.length, duplicates: 0, rejected: [] });
});
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' }, (info) => console.log('listening on http://127.0.0.1:' + info.port));
`;

/** Starts a server process and resolves once it prints its URL. */
function startServer(args, env = {}) {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, DATABASE_URL: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => (child.kill('SIGKILL'), reject(new Error(`server did not start:\n${output}`))), 120_000);
    const onData = (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolvePromise({ url: match[1], child });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`server exited (${code}):\n${output}`))));
  });
}

/** Peak resident set size of a process, from /proc (Linux), in MB. */
function peakRssMb(pid) {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux). */
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** Pids of a process's children (PostgreSQL's backends and background workers under the postmaster). */
function childPids(pid) {
  const pids = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ')[1] === String(pid)) pids.push(Number(entry));
    } catch {
      // exited meanwhile
    }
  }
  return pids;
}

/** The postmaster's pid, read from the cluster's data directory through SQL. */
async function postmasterPid(url) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [{ dir }] = await sql`select current_setting('data_directory') as dir`;
    return Number(readFileSync(join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function stop(child) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

let counter = 0;
const run = `r${Date.now().toString(36)}`;
const auth = `Basic ${Buffer.from('wk_bench:').toString('base64')}`;
/** A batch of 20 events with fresh messageIds, built by string concatenation (cheap for the load generator). */
function nextBody() {
  const now = new Date().toISOString();
  let events = '';
  for (let i = 0; i < EVENTS_PER_BATCH; i += 1) {
    counter += 1;
    events += `${i ? ',' : ''}{"type":"track","event":"Report Shared","messageId":"${run}-${counter}","anonymousId":"anon-${counter % 997}","userId":"user-${counter % 211}","timestamp":"${now}","properties":{"reportId":"rep-${counter}","format":"pdf","pages":12},"context":{"page":{"path":"/reports"},"library":{"name":"cairn","version":"0.1.0"}}}`;
  }
  return `{"sentAt":"${now}","batch":[${events}]}`;
}

async function load(name, url, pid, postmaster) {
  // Let the server finish starting (JIT, PGlite's WASM) before the clock runs.
  await new Promise((r) => setTimeout(r, 2000));
  // Backends the pool opens during the load count from zero; ones that exit meanwhile are lost.
  const pgBefore = new Map((postmaster ? childPids(postmaster) : []).map((p) => [p, cpuSeconds(p)]));
  const pgCpu = () => childPids(postmaster).reduce((sum, p) => sum + cpuSeconds(p) - (pgBefore.get(p) ?? 0), 0);
  const before = { server: cpuSeconds(pid), loadgen: process.cpuUsage() };
  const result = await autocannon({
    url: `${url}/v1/batch`,
    connections: CONNECTIONS,
    duration: DURATION,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: auth },
    requests: [{ setupRequest: (req) => ({ ...req, body: nextBody() }) }],
  });
  const ok = result['2xx'];
  const loadgen = process.cpuUsage(before.loadgen);
  const perSecond = (seconds) => Number((seconds / DURATION).toFixed(2));
  return {
    name,
    eventsPerSecond: Math.round((ok * EVENTS_PER_BATCH) / DURATION),
    requestsPerSecond: Math.round(ok / DURATION),
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    peakRssMb: peakRssMb(pid),
    // Cores busy on average during the load (2 cores on the reference machine, shared).
    coresLoadGenerator: perSecond((loadgen.user + loadgen.system) / 1e6),
    coresServer: perSecond(cpuSeconds(pid) - before.server),
    coresPostgres: postmaster ? perSecond(pgCpu()) : null,
  };
}

/** CPU microseconds per stored event on each side: steadier than events/s on a shared machine. */
function perEvent(row) {
  const us = (cores) => (cores === null || row.eventsPerSecond === 0 ? null : Math.round((cores * 1e6) / row.eventsPerSecond));
  return { ...row, cpuUsPerEventServer: us(row.coresServer), cpuUsPerEventPostgres: us(row.coresPostgres) };
}

const rows = [];
let cluster;
try {
  const bare = await startServer(['--input-type=module', '-e', BARE], { PORT: String(await freePort()) });
  rows.push(perEvent(await load('bare hono (parse + discard)', bare.url, bare.child.pid)));
  await stop(bare.child);

  // BENCH_COMPARE_FIRST=1 runs the compare build first, to tell order effects from real ones.
  const builds = COMPARE ? [[cli, ''], [COMPARE, ' (compare build)']] : [[cli, '']];
  if (process.env.BENCH_COMPARE_FIRST === '1') builds.reverse();
  for (const [build, label] of builds) {
    const pglite = await startServer([build, '--port', '0', '--config', configPath, '--data', join(work, `pglite${label ? '-compare' : ''}`)]);
    rows.push(perEvent(await load(`collector, PGlite${label}`, pglite.url, pglite.child.pid)));
    await stop(pglite.child);
  }

  cluster = await startPostgresCluster();
  const postmaster = await postmasterPid(cluster.url);
  for (const [build, label] of builds) {
    const pg = await startServer([build, '--port', '0', '--config', configPath], { DATABASE_URL: cluster.url });
    rows.push(perEvent(await load(`collector, PostgreSQL 15${label}`, pg.url, pg.child.pid, postmaster)));
    await stop(pg.child);
  }
} finally {
  cluster?.stop();
  rmSync(work, { recursive: true, force: true });
}

const bareRate = rows[0].eventsPerSecond || 1;
for (const row of rows) row.ratioToBare = Number((row.eventsPerSecond / bareRate).toFixed(2));
const loadAverage = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);
const pgRow = rows.find((r) => r.name === 'collector, PostgreSQL 15');
const summary = {
  at: new Date().toISOString(),
  node: process.version,
  durationSeconds: DURATION,
  connections: CONNECTIONS,
  eventsPerBatch: EVENTS_PER_BATCH,
  goal: 'PostgreSQL >= 0.5 of bare',
  // 1/5/15-minute load average at the end: above ~2 the shared cores were busy with other work.
  loadAverage,
  goalMet: pgRow ? pgRow.ratioToBare >= 0.5 : false,
  ...(COMPARE ? { compareBuild: process.env.BENCH_COMPARE } : {}),
  rows,
};

console.log(`\ningest, ${DURATION} s x ${CONNECTIONS} connections, batches of ${EVENTS_PER_BATCH} events`);
console.log('| server | events/s | ratio to bare | p50 ms | p99 ms | peak RSS MB | non-2xx | errors | cores: load gen / server / PostgreSQL | CPU µs/event: server / PostgreSQL |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---|---|');
for (const r of rows) {
  const cores = `${r.coresLoadGenerator} / ${r.coresServer} / ${r.coresPostgres ?? '-'}`;
  const perEventCpu = `${r.cpuUsPerEventServer ?? '-'} / ${r.cpuUsPerEventPostgres ?? '-'}`;
  console.log(`| ${r.name} | ${r.eventsPerSecond} | ${r.ratioToBare} | ${r.p50Ms} | ${r.p99Ms} | ${r.peakRssMb ?? '?'} | ${r.non2xx} | ${r.errors} | ${cores} | ${perEventCpu} |`);
}
console.log(`goal (PostgreSQL >= 0.5 of bare): ${summary.goalMet ? 'met' : 'NOT met'}`);
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/ingest.json'), `${JSON.stringify(summary, null, 2)}\n`);
