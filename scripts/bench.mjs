// `npm run bench`: builds, then runs every benchmark in bench/ (or those named:
// `npm run bench -- track ingest`). Each one prints its table and writes
// bench/results/<name>.json; this script gathers them into bench/results/summary.json.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const benchDir = join(root, 'bench');
const resultsDir = join(benchDir, 'results');
mkdirSync(resultsDir, { recursive: true });

const only = process.argv.slice(2);
const benches = readdirSync(benchDir)
  .filter((file) => file.endsWith('.mjs'))
  .map((file) => file.slice(0, -4))
  .filter((name) => only.length === 0 || only.includes(name))
  .sort();

if (spawnSync('node', ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' }).status !== 0) process.exit(1);

const summary = { at: new Date().toISOString(), node: process.version, results: {} };
let failed = false;
for (const name of benches) {
  process.stdout.write(`\n── bench ${name}\n`);
  const { status } = spawnSync('node', [join(benchDir, `${name}.mjs`)], { cwd: root, stdio: 'inherit' });
  if (status !== 0) {
    failed = true;
    process.stdout.write(`[cairn] Failed to run bench ${name} (exit ${status}).\n`);
    continue;
  }
  const file = join(resultsDir, `${name}.json`);
  if (existsSync(file)) summary.results[name] = JSON.parse(readFileSync(file, 'utf8'));
}
writeFileSync(join(resultsDir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
process.stdout.write(`\nWrote bench/results/summary.json (${Object.keys(summary.results).join(', ') || 'nothing'})\n`);
process.exit(failed ? 1 : 0);
